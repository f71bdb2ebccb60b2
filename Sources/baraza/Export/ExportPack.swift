import ArgumentParser
import BarazaCalendar
import BarazaExports
import BarazaModel
import BarazaOutput
import BarazaPack
import Foundation

/// `baraza export pack`: post-event material packs as zips.
struct ExportPack: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Write post-event material packs (zip) under exports/<event>/packs/.",
        discussion: """
            Each pack holds an offline index.html linking everything, session materials by day and session, \
            speakers with bios, the attendance list (contacts only of people who consented; none in the public \
            pack), figures, certificates of attendance (participant and city packs) and manifest.json (size, \
            SHA-256, session, tags and language of every file).
            Attendance comes from attendance.csv (or the file named by `attendance:` in event.yaml), else from \
            sign-ups and speaker lists, as each pack and certificate says.

            Audiences:
              public          packs/public.zip: no personal contacts
              participants    packs/participants.zip (every material), and for each
                              attendee packs/participants/<id>.zip: their certificate
                              and the materials of the sessions they attended
              person:<id>     packs/participants/<id>.zip only
              city:<name>     packs/cities/<city>.zip: the city's certificates

            Same workspace, same bytes. Each zip is written to a temporary file and renamed, so a failed run \
            leaves earlier packs untouched.

            Examples:
              baraza export pack events/final-kigali-2027
              baraza export pack events/final-kigali-2027 --audience participants
              baraza export pack events/final-kigali-2027 --audience person:aline-uwimana
              baraza export pack events/final-kigali-2027 --audience city:Kampala --dry-run
            """)

    @OptionGroup var options: ExportOptions

    @Option(
        help: ArgumentHelp(
            "Who the pack is for: public, participants, person:<id> or city:<name>.", valueName: "audience"),
        transform: { text in
            guard let audience = PackAudience(argument: text) else {
                throw ValidationError("expected public, participants, person:<id> or city:<name>; found `\(text)`")
            }
            return audience
        })
    var audience: PackAudience = .public

    func run() throws {
        let workspace = try options.loadWorkspace()
        if let problem = Self.unknown(audience, in: workspace) { throw ValidationError(problem) }
        try options.run(ExporterRegistry.packs(audiences: [audience]), on: workspace)
    }

    /// Why `audience` names nobody in `workspace` (a person id or a city no one comes from), with the nearest
    /// name it has; nil when it names someone. That is a mistake on the command line (exit 64), found once the
    /// workspace is read; a person who is there but attended nothing is a fact of the workspace (exit 2).
    static func unknown(_ audience: PackAudience, in workspace: Workspace) -> String? {
        switch audience {
        case .public, .participants:
            return nil
        case .person(let id):
            guard workspace.peopleByID[id] == nil else { return nil }
            let hint = nearest(to: id.rawValue, in: workspace.people.map(\.id.rawValue)).map {
                "; did you mean `person:\($0)`?"
            }
            return "--audience \(audience): no person has the id `\(id)` in \(workspace.path)"
                + (hint ?? "; expected the id of a person of the workspace")
        case .city(let name):
            let cities = Set(workspace.people.compactMap(\.city)).sorted()
            let key = { (city: String) in
                city.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                    .filter { $0.isLetter || $0.isNumber }
            }
            guard !cities.contains(where: { key($0) == key(name) }) else { return nil }
            let hint = nearest(to: name, in: cities).map { "; did you mean `city:\($0)`?" }
            return "--audience \(audience): no person of \(workspace.path) comes from `\(name)`"
                + (hint ?? "; cities in the workspace: \(cities.joined(separator: ", "))")
        }
    }
}
