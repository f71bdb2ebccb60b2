import ArgumentParser
import BarazaCore
import BarazaImport
import BarazaModel
import Foundation

/// `baraza import`: bring outside data (registration exports, schedule.xml / schedule.json) into a workspace.
struct Import: CommandGroup {
    static let configuration = CommandConfiguration(
        abstract: "Import registrations or a schedule into a workspace, atomically.",
        discussion: """
            Examples:
              baraza import registrations export.xml --into events/final-kigali-2027
              baraza import registrations form.xlsx --into events/kigali --mapping m.yaml
              baraza import schedule schedule.xml --into events/final-kigali-2027
              baraza import schedule schedule.json --into events/final-kigali-2027
            """,
        subcommands: [ImportRegistrations.self, ImportSchedule.self])
}

struct ImportRegistrations: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registrations",
        abstract: "Validate a registration export and add its people to a workspace.",
        discussion: """
            Reads ODK / KoBoToolbox / Ona submissions (.xml, one instance or many), .xlsx exports (Google Forms, \
            Microsoft Forms, KoBo, Excel) and Excel 2003 XML (SpreadsheetML). Values are trimmed and normalised \
            (Unicode NFC, lower-case emails, ISO country codes from English or French names, date-times as \
            instants). Submissions sharing an email are merged: the latest wins, and every merge is reported. \
            Invalid records are reported with file:line, record id and field, and skipped (--strict refuses the \
            whole import instead). An answer longer than its field allows (500 characters for names, \
            organisations, cities and list items) is cut at a character boundary and reported; the rest of the \
            record is kept. Columns no field maps to are listed.

            The raw export is kept verbatim under registrations/, the people are written to \
            registrations/<file>.people.yaml, listed in registrations.yaml, which event.yaml includes. All files \
            are written together at the end; a refused import leaves the workspace untouched, and importing the \
            same export again changes nothing.

            A mapping file ties columns or element paths to person fields:
              columns:
                "Nom complet": name
                "grp_contact/q_mail": email
                "Remarques": ignore
              timezone: Africa/Kigali

            --dry-run prints the mapping column by column (field, how it was tied, three sample answers with \
            personal ones masked down to their shape, and what each became) and writes nothing. \
            --print-mapping prints a starting mapping file for the export, to edit and pass to --mapping. A \
            mapping that names a column the export lacks, an export where no column gives a name or an email, \
            or one where no record gives a person is refused (exit 2) with how to map it.

            Examples:
              baraza import registrations export.xml --into events/kigali --dry-run
              baraza import registrations form.xlsx --into events/kigali --print-mapping > m.yaml
              baraza import registrations form.xlsx --into events/kigali --mapping m.yaml
            """)

    @Argument(help: "The registration export (.xml or .xlsx).")
    var file: String

    @Option(help: "The workspace folder to add the registrations to.")
    var into: String

    @Option(help: "A YAML file tying columns or element paths to person fields.")
    var mapping: String?

    @Flag(help: "Validate and report without writing anything.")
    var dryRun = false

    @Flag(help: "Refuse the whole import when any record is invalid.")
    var strict = false

    @Flag(help: "Print a starting mapping file for the export (to edit, then pass to --mapping); writes nothing.")
    var printMapping = false

    func run() throws {
        do {
            let map = try mapping.map { path throws(ImportError) in try RegistrationMapping.load(path: path) }
            let job = RegistrationImport(
                file: file, workspace: into, mapping: map ?? RegistrationMapping(), strict: strict)
            if printMapping {
                print(try job.preview(knownRuleIDs: RuleCatalogue.ids).mappingFile, terminator: "")
                return
            }
            if dryRun { print(try job.preview(knownRuleIDs: RuleCatalogue.ids).text, terminator: "") }
            let report = try job.run(dryRun: dryRun, knownRuleIDs: RuleCatalogue.ids)
            var out = ""
            for bad in report.badRecords {
                out += "\(bad.location): warning: record \(bad.record): \(bad.field): expected \(bad.reason)\n"
            }
            for skipped in report.alreadyInWorkspace {
                out += "\(skipped.location): warning: record \(skipped.record): \(skipped.field): \(skipped.reason)\n"
            }
            for cut in report.truncated {
                out += "\(cut.location): warning: record \(cut.record): \(cut.field): \(cut.reason)\n"
            }
            for answer in report.droppedAnswers {
                out += "\(answer.location): warning: record \(answer.record): \(answer.field): \(answer.reason)\n"
            }
            FileHandle.standardError.write(Data(out.utf8))
            var summary = ""
            for merge in report.merges { summary += "merged: \(merge)\n" }
            for column in report.unmappedColumns {
                summary +=
                    "unmapped column: \(column.column) (\(column.records) answer(s)); map it or set it to `ignore`\n"
            }
            let invalid = Set(report.badRecords.map(\.location)).count
            summary += "\(report.format.rawValue): \(report.records) record(s), \(report.people) people, "
            summary += "\(report.merges.count) merge(s), \(invalid) invalid record(s) skipped, "
            summary += "\(report.alreadyInWorkspace.count) already in the workspace"
            if !report.truncated.isEmpty { summary += ", \(report.truncated.count) answer(s) cut to their limit" }
            if !report.droppedAnswers.isEmpty {
                summary += ", \(report.droppedAnswers.count) answer(s) dropped or doubted (records kept)"
            }
            summary += "\n"
            summary += dryRun ? "dry run: nothing written\n" : "imported into \(into)\n"
            print(summary, terminator: "")
        } catch {
            throw CommandFailure.unreadable(error.description)
        }
    }
}

struct ImportSchedule: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Add the sessions, rooms and speakers of a frab/pretalx schedule.xml or .json to a workspace.",
        discussion: """
            Reads schedule.xml or its JSON twin schedule.json (told apart by content, not by name; a JSON file \
            is read whole and refused above 200 MB). Writes schedule/<file>.yaml (one venue with the schedule's \
            rooms, speakers as people, events as sessions) and keeps the raw file beside it; event.yaml includes \
            the YAML. Start times come from the event date (with its offset) when present, else the day's date + \
            start in the conference zone (--timezone when the file names none, else the workspace's zone). A \
            schedule without a zone is noted, with the offsets its times were taken from. All or nothing; \
            importing the same file again changes nothing.

            Examples:
              baraza import schedule schedule.xml --into events/final-kigali-2027
              baraza import schedule schedule.json --into events/final-kigali-2027
              baraza import schedule fosdem.xml --into ws --timezone Europe/Brussels
            """)

    @Argument(help: "The schedule.xml or schedule.json file.")
    var file: String

    @Option(help: "The workspace folder.")
    var into: String

    @Option(
        help: "IANA zone for a schedule without time_zone_name (default: the workspace's zone).",
        transform: Zone.fromArgument)
    var timezone: Zone?

    func run() throws {
        let report = try ScheduleImport(file: file, workspace: into, fallbackZone: timezone)
            .run(knownRuleIDs: RuleCatalogue.ids)
        printScheduleReport(report)
        print("imported into \(into)")
    }
}

extension Zone {
    /// The zone a `--timezone` names; one that is not an IANA zone is refused with the zone meant (by
    /// abbreviation, offset, city or spelling; a usage error, exit 64).
    static func fromArgument(_ identifier: String) throws -> Zone {
        if let zone = Zone(identifier: identifier) { return zone }
        throw ValidationError("expected \(ZoneSuggestion.expectation(for: identifier))")
    }
}

/// Prints what a schedule import wrote; a skipped event is a warning at its place in the schedule.
func printScheduleReport(_ report: ScheduleReport) {
    for skipped in report.skipped {
        let line = "\(skipped.place): warning: event \(skipped.event) left out: \(skipped.reason)\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
    for note in report.notes { print("note: \(note)") }
    print(
        "schedule: \(report.sessions) session(s), \(report.rooms) room(s), \(report.people) speaker(s), "
            + "\(report.duplicates) duplicate listing(s) dropped, times in \(report.zone)")
}
