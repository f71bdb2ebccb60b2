import Foundation

/// A wall-clock date and time to the second with no zone attached (`20261125T110000`).
///
/// Used for DTSTART with TZID and for VTIMEZONE observance onsets; pair it with an offset or a zone to
/// get an instant.
public struct LocalDateTime: Sendable, Hashable, Comparable {
    /// The calendar day.
    public var date: CalendarDate
    /// Hour, 0...23.
    public var hour: Int
    /// Minute, 0...59.
    public var minute: Int
    /// Second, 0...59 (leap seconds are not represented).
    public var second: Int

    /// Creates a wall-clock time; fields are taken as given, so pass a real time.
    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int = 0) {
        self.date = CalendarDate(year: year, month: month, day: day)
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// The wall-clock time at `instant` for a fixed UTC offset; fractions of a second are dropped.
    public init(_ instant: Date, offsetSeconds: Int) {
        let local = Int(instant.timeIntervalSince1970.rounded(.down)) + offsetSeconds
        self.init(secondsSinceEpoch: local)
    }

    /// The wall-clock time at `instant` in `zone` (the tz database offset in force at that instant).
    public init(_ instant: Date, in zone: TimeZone) {
        self.init(instant, offsetSeconds: zone.secondsFromGMT(for: instant))
    }

    /// Parses `YYYYMMDDTHHMMSS` (no `Z`); `nil` if malformed or not a real time.
    public init?(iCalendarText text: String) {
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2, let date = CalendarDate(iCalendarText: String(parts[0])) else { return nil }
        let time = Array(parts[1].utf8)
        guard time.count == 6, time.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let field = { (i: Int) in Int(time[i] - 0x30) * 10 + Int(time[i + 1] - 0x30) }
        let (h, m, s) = (field(0), field(2), field(4))
        guard h < 24, m < 60, s < 60 else { return nil }
        self.init(year: date.year, month: date.month, day: date.day, hour: h, minute: m, second: s)
    }

    init(secondsSinceEpoch local: Int) {
        let (days, secondOfDay) = DateArithmetic.floorDivide(local, 86_400)
        let ymd = DateArithmetic.date(days: days)
        self.init(
            year: ymd.year, month: ymd.month, day: ymd.day,
            hour: secondOfDay / 3600, minute: secondOfDay % 3600 / 60, second: secondOfDay % 60)
    }

    /// The `YYYYMMDDTHHMMSS` form.
    public var iCalendarText: String {
        date.iCalendarText + "T" + DateArithmetic.pad(hour, 2) + DateArithmetic.pad(minute, 2)
            + DateArithmetic.pad(second, 2)
    }

    /// The instant this wall-clock time denotes at a fixed UTC offset.
    public func instant(offsetSeconds: Int) -> Date {
        Date(timeIntervalSince1970: TimeInterval(secondsSinceEpoch - offsetSeconds))
    }

    /// Seconds since 1970-01-01T00:00:00 on this wall clock, as if it were UTC.
    var secondsSinceEpoch: Int {
        date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second
    }

    /// Earlier wall-clock time first.
    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }
}
