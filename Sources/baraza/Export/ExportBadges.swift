import ArgumentParser
import BarazaBadges
import BarazaOutput
import BarazaPDF

/// `baraza export badges`: badge list for mail merge and print-ready PDF badges.
struct ExportBadges: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "badges",
        abstract: "Write the badge list (CSV) and print-ready badges (PDF) into exports/<event>/badges/.",
        discussion: """
            Every person gets one badge: name, organisation, city and country, the event title, a band with \
            the role in English and French, and a QR code of an opaque badge id (never an email). Badge ids \
            come from a secret key the first export creates in the workspace (badge-key.yaml); keep it there \
            so ids stay the same. After each run (not --dry-run or --no-record) the badges produced are recorded in \
            badges-printed.yaml, so --only-new prints late registrants alone. A filtered run writes files \
            with a suffix (badges-a4-8-speaker-new.pdf) and never replaces the full set.

            Roles: staff, speaker (moderators print as speakers), interpreter, press, participant.

            Examples:
              baraza export badges events/final-kigali-2027
              baraza export badges events/final-kigali-2027 --layout a6 --role speaker
              baraza export badges events/final-kigali-2027 --only-new
              baraza export badges events/final-kigali-2027 --encoding utf16 --dry-run
            """)

    @OptionGroup var options: ExportOptions

    @Option(help: "a4-8 (A4 sheets of 8 cards, 90 × 55 mm, crop marks) or a6 (one card per A6 page).")
    var layout = Layout.a4Sheet8

    @Option(
        name: .customLong("role"),
        help:
            "Only badges with this role (repeat, or separate with commas): staff, speaker, interpreter, press, participant."
    )
    var roles: [String] = []

    @Flag(help: "Only people without a badge in the printed-set record (badges-printed.yaml).")
    var onlyNew = false

    @Option(help: "CSV encoding: utf8 (with BOM, for Excel and Word) or utf16 (UTF-16LE with BOM, for InDesign).")
    var encoding = Encoding.utf8

    @Flag(help: "Do not add this run's badges to the printed-set record (a proof, not a print run).")
    var noRecord = false

    /// `--layout`: the sheet layouts by the names files use.
    enum Layout: String, ExpressibleByArgument, CaseIterable {
        case a4Sheet8 = "a4-8"
        case a6

        var sheet: BadgeSheetLayout { BadgeSheetLayout(name: rawValue)! }
    }

    /// `--encoding`: the CSV encodings.
    enum Encoding: String, ExpressibleByArgument, CaseIterable {
        case utf8, utf16

        var csv: BadgeListCSV.Encoding { BadgeListCSV.Encoding(rawValue: rawValue)! }
    }

    func validate() throws {
        _ = try exporterOptions()
    }

    func run() throws {
        let workspace = try options.loadWorkspace()
        try options.run(BadgeExporter(options: try exporterOptions()), on: workspace)
    }

    private func exporterOptions() throws -> BadgeExporter.Options {
        var selected: Set<BadgeRole> = []
        for word in roles.flatMap({ $0.split(separator: ",").map(String.init) }) {
            guard let role = BadgeRole(argument: word) else {
                throw ValidationError(
                    "--role must be one of staff, speaker, moderator, interpreter, press, participant, not \(word)")
            }
            selected.insert(role)
        }
        return BadgeExporter.Options(
            layout: layout.sheet, roles: selected.isEmpty ? nil : selected, onlyNew: onlyNew, encoding: encoding.csv,
            recordsPrint: !noRecord)
    }
}
