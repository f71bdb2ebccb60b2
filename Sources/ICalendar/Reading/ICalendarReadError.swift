/// Why a text could not be read as iCalendar, or a date-time in it could not be resolved.
///
/// Cases carry the physical line (1-based) where known and what was expected; ``description`` renders them.
public enum ICalendarReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The octets are not UTF-8 (the line holding the bad sequence).
    case notUTF8(line: Int)
    /// A content line does not follow `name *(";" param) ":" value`.
    case malformedLine(line: Int, expected: String)
    /// `END:found` does not close the component opened by `BEGIN:expected`.
    case mismatchedEnd(line: Int, expected: String?, found: String)
    /// `BEGIN:component` at `line` is never closed.
    case unclosed(line: Int, component: String)
    /// The text holds no component, or more than one top-level component.
    case topLevelComponents(count: Int)
    /// A property value is not the date, time or offset it should be.
    case invalidValue(property: String, value: String)
    /// A TZID names no VTIMEZONE in the calendar.
    case unknownTimeZone(tzid: String)
    /// The local time lies before the first observance of its VTIMEZONE.
    case notCovered(tzid: String, local: String)
    /// The VTIMEZONE uses a feature this small reader does not evaluate (RRULE).
    case unsupported(tzid: String, feature: String)
    /// A DATE or floating time was asked for as an instant.
    case notAnInstant(property: String, value: String)

    /// The error for a person: line number, what was found, what was expected.
    public var description: String {
        switch self {
        case .notUTF8(let line):
            "line \(line): not valid UTF-8"
        case .malformedLine(let line, let expected):
            "line \(line): malformed content line, expected \(expected)"
        case .mismatchedEnd(let line, let expected, let found):
            "line \(line): END:\(found) " + (expected.map { "does not close BEGIN:\($0)" } ?? "with nothing open")
        case .unclosed(let line, let component):
            "line \(line): BEGIN:\(component) is never closed"
        case .topLevelComponents(let count):
            "expected exactly one top-level component, found \(count)"
        case .invalidValue(let property, let value):
            "\(property): \(value.debugDescription) is not a valid value"
        case .unknownTimeZone(let tzid):
            "TZID \(tzid) has no VTIMEZONE in this calendar"
        case .notCovered(let tzid, let local):
            "\(local) is before the first observance of VTIMEZONE \(tzid)"
        case .unsupported(let tzid, let feature):
            "VTIMEZONE \(tzid) uses \(feature), which this reader does not evaluate"
        case .notAnInstant(let property, let value):
            "\(property): \(value) is a date or floating time, not an instant"
        }
    }
}
