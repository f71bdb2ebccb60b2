import Foundation

/// One change of a zone's UTC offset or daylight-saving flag, as the tz database records it.
public struct TimeZoneTransition: Sendable, Hashable {
    /// The first instant of the new observance (whole seconds).
    public var instant: Date
    /// Seconds east of UTC just before `instant`.
    public var offsetBefore: Int
    /// Seconds east of UTC from `instant` on.
    public var offsetAfter: Int
    /// Whether the zone calls the new observance daylight-saving time.
    public var isDaylightSavingTime: Bool

    /// Creates a transition.
    public init(instant: Date, offsetBefore: Int, offsetAfter: Int, isDaylightSavingTime: Bool) {
        self.instant = instant
        self.offsetBefore = offsetBefore
        self.offsetAfter = offsetAfter
        self.isDaylightSavingTime = isDaylightSavingTime
    }

    /// The onset as RFC 5545 writes it in an observance's DTSTART: the wall clock just before the change.
    public var localOnset: LocalDateTime {
        LocalDateTime(instant, offsetSeconds: offsetBefore)
    }
}
