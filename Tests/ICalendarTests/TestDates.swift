import Foundation

@testable import ICalendar

/// Instants written the way people read them, for test tables.
enum TestDates {
    /// `"2026-10-25T01:00:00Z"` as a `Date`; traps on a typo.
    static func utc(_ text: String) -> Date {
        guard let date = try? Date(text, strategy: .iso8601) else { fatalError("bad test date \(text)") }
        return date
    }

    static func zone(_ identifier: String) -> TimeZone {
        guard let zone = TimeZone(identifier: identifier) else { fatalError("unknown zone \(identifier)") }
        return zone
    }
}
