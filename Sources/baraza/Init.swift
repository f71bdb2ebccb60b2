import ArgumentParser
import BarazaImport
import BarazaModel
import BarazaWorkspace
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a small, valid workspace to start from.",
        discussion: """
            Writes event.yaml, venues.yaml, people.yaml and sessions.yaml into the folder (created when missing).
            Refuses to overwrite an existing workspace.

            Examples:
              baraza init events/reflection-2027
              baraza init events/training --id training-2027 --timezone Africa/Dakar
              baraza init events/final-kumasi --city Kumasi
              baraza init events/fosdem --from-schedule schedule.xml
              baraza init events/camp --from-schedule schedule.json
            """)

    @Argument(help: "The folder to create the workspace in.")
    var directory: String

    @Option(help: "The event id (default: the folder's name).")
    var id: String?

    @Option(
        help: """
            The event's IANA time zone (default: Kigali's, Africa/Kigali). With --from-schedule: only for a schedule that names \
            none (default then: the fixed offset its event dates share).
            """,
        transform: Zone.fromArgument)
    var timezone: Zone?

    @Option(
        help: """
            The network city hosting the event: its zone, country and airport go into the template \
            (\(NetworkCity.all.map(\.name).joined(separator: ", "))).
            """)
    var city: String?

    @Option(help: "Build the workspace from a frab/pretalx schedule.xml or .json: its sessions, rooms and speakers.")
    var fromSchedule: String?

    /// The event id: `--id`, else the folder's name.
    var eventID: String { id ?? URL(fileURLWithPath: directory).lastPathComponent }

    /// The city `--city` names, if any.
    var hostCity: NetworkCity? {
        city.flatMap(NetworkCity.named)
    }

    func validate() throws {
        if let problem = WorkspaceTemplate.problem(eventID: eventID) {
            throw ValidationError(id == nil ? "\(problem) (from the folder's name; give one with --id)" : problem)
        }
        guard let city else { return }
        guard let host = hostCity else {
            let names = NetworkCity.all.map(\.name)
            let hint = nearest(to: city, in: names).map { "did you mean `\($0)`? " } ?? ""
            throw ValidationError(
                "--city: `\(city)` is not one of the network's cities; \(hint)expected one of \(names.joined(separator: ", "))"
            )
        }
        if fromSchedule != nil {
            throw ValidationError("--city shapes the starter template; it does not apply to --from-schedule")
        }
        if let timezone, timezone.identifier != host.zoneIdentifier {
            throw ValidationError(
                "--city \(host.name) is in \(host.zoneIdentifier), not \(timezone.identifier); give one of the two options"
            )
        }
    }

    func run() throws {
        if let fromSchedule {
            let report = try ScheduleImport.initialise(
                directory: directory, schedule: fromSchedule, eventID: eventID, fallbackZone: timezone)
            printScheduleReport(report)
            print("next: baraza check \(directory)")
            return
        }
        let written: [String]
        do {
            // Without either option, the template is hosted by Kigali, as the sample event is.
            let template =
                if let host = hostCity {
                    WorkspaceTemplate(eventID: eventID, city: host)
                } else if let timezone {
                    WorkspaceTemplate(eventID: eventID, timezone: timezone.identifier)
                } else {
                    WorkspaceTemplate(eventID: eventID, city: NetworkCity.named("Kigali")!)
                }
            written = try template.write(into: directory)
        } catch {
            throw CommandFailure.unreadable(ExportFailure.withHint(error.message))
        }
        for file in written { print("wrote \(file)") }
        if hostCity == nil, let timezone {
            // The zone of a network city: its table entry fills in the airport the template leaves neutral.
            for city in NetworkCity.all where city.zoneIdentifier == timezone.identifier {
                print(
                    "note: \(city.name), a network city, is in \(city.zoneIdentifier): `--city \(city.name)` writes its "
                        + "name and its airport (\(city.airport)) instead of a place named after the zone and `airport`"
                )
            }
        }
        print("next: baraza check \(directory)")
    }
}
