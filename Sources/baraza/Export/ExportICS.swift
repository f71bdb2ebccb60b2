import ArgumentParser
import BarazaCalendar
import BarazaChecks
import BarazaExports
import BarazaOutput

/// `baraza export ics <workspace>`: calendars for the whole event, each room and each person.
struct ExportICS: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ics",
        abstract: "Write iCalendar files: the whole event, one per room, one per person.",
        discussion: """
            Writes calendars/event.ics, calendars/rooms/<room>.ics and calendars/people/<person>.ics under the
            export folder. Each person's calendar holds their sessions (as speaker, moderator or signed-up
            participant), arrival, departure and hotel check-in/out, in their language (English, French, or both).
            DTSTAMP is the stamp of the workspace's published-invitations.json, or midnight on the event's first
            day; the wall clock is never read.

            Examples:
              baraza export ics events/final-kigali-2027
              baraza export ics events/final-kigali-2027 --out /tmp/calendars --dry-run
            """)

    @OptionGroup var options: ExportOptions

    func run() throws {
        let workspace = try options.loadWorkspace()
        try options.run(ExporterRegistry.calendars(), on: workspace)
    }
}
