import ArgumentParser
import BarazaAgenda
import BarazaChecks
import BarazaOutput

/// `baraza export schedule-xml`: the agenda for conference apps.
struct ExportScheduleXML: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule-xml",
        abstract: "Write schedule.xml (frab/pretalx format) for conference apps.",
        discussion: """
            The file validates against the c3voc schedule.xml schema: days, rooms and events with date (ISO 8601
            with offset), start (venue wall time), duration, room, title, abstract, persons, language and track.
            Ids and guids are derived from the workspace ids, so they stay the same from one export to the next.

            Examples:
              baraza export schedule-xml events/final-kigali-2027
              baraza export schedule-xml events/reflection-2027-02 --out /tmp/reflection
            """)

    @OptionGroup var options: ExportOptions

    func run() throws {
        // Rule ids are known so that a workspace with `checks.severity` settings loads.
        let workspace = try options.loadWorkspace()
        try options.run(ScheduleXMLExporter(), on: workspace)
    }
}
