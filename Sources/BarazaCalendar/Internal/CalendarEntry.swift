import BarazaModel

/// One VEVENT ready to write, with what the calendar around it needs to know: when it runs (for ordering and
/// for the VTIMEZONE span) and which zones its TZIDs name.
struct CalendarEntry: Sendable {
    /// The serialised VEVENT (folded, CRLF).
    var text: String
    var uid: String
    var interval: Interval
    /// Zones named by TZID in this event; UTC-written times add none.
    var zones: [Zone]

    /// Earlier start first, then UID, so every calendar lists its events in one stable order.
    static func inOrder(_ a: CalendarEntry, _ b: CalendarEntry) -> Bool {
        a.interval.start != b.interval.start ? a.interval.start < b.interval.start : a.uid < b.uid
    }
}
