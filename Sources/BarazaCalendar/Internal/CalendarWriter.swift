import BarazaOutput
import Foundation

/// Writes whole calendars from any thread, as the export runner does: one builder's VTIMEZONE cache, behind a
/// lock; the rest of a calendar's text is written without it.
final class CalendarWriter: @unchecked Sendable {
    // `lock` guards every use of `builder` (its zone cache): that is what makes the `@unchecked Sendable` sound.
    private let builder: CalendarBuilder
    private let lock = NSLock()

    init(_ builder: CalendarBuilder) { self.builder = builder }

    /// The calendar `name` holding `entries`, planned as the file `path` of the export folder.
    func file(_ path: String, named name: String, entries: [CalendarEntry]) -> PlannedFile {
        PlannedFile(
            path: path, mediaType: "text/calendar",
            bytes: .stream { writer in
                var output = FileTextOutput(writer: writer)
                self.write(named: name, entries: entries, to: &output)
                if let error = output.error { throw error }
                writer = output.writer
            })
    }

    /// Writes the calendar `name` holding `entries`, in their stable order.
    func write(named name: String, entries: [CalendarEntry], to output: inout some TextOutputStream) {
        let sorted = entries.sorted(by: CalendarEntry.inOrder)
        lock.lock()
        let zones = builder.timeZoneTexts(for: sorted)
        lock.unlock()
        CalendarBuilder.writeCalendar(named: name, sorted: sorted, zoneTexts: zones, to: &output)
    }
}
