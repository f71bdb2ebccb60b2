/// A wall-clock reading (date and time of day) with no zone attached.
///
/// On its own it names no instant; pair it with a `Zone` and resolve it (`Zone.resolve(_:)`).
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var date: LocalDate
    public var time: LocalTime

    public init(date: LocalDate, time: LocalTime) {
        self.date = date
        self.time = time
    }

    /// The wall clock of UTC at `instant`.
    public init(utc instant: Instant) {
        let s = instant.secondsSince1970
        let days = Int(s >= 0 ? s / 86400 : (s - 86399) / 86400)
        let rest = Int(s - Int64(days) * 86400)
        date = LocalDate(daysSince1970: days)
        time = LocalTime(hour: rest / 3600, minute: rest / 60 % 60, second: rest % 60)!
    }

    /// Seconds since 1970-01-01T00:00 of this reading taken as if it were UTC.
    var secondsAsIfUTC: Int64 { Int64(date.daysSince1970) * 86400 + Int64(time.secondsSinceMidnight) }

    /// The reading `seconds` later on an unbroken clock (no zone rules applied).
    public func adding(seconds: Int64) -> LocalDateTime {
        LocalDateTime(utc: Instant(secondsSince1970: secondsAsIfUTC + seconds))
    }

    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool { (a.date, a.time) < (b.date, b.time) }

    /// `YYYY-MM-DDTHH:MM:SS`.
    public var iso8601: String {
        "\(date.iso8601)T\(pad(time.hour, 2)):\(pad(time.minute, 2)):\(pad(time.second, 2))"
    }

    /// `YYYY-MM-DD HH:MM` (seconds shown only when not zero).
    public var description: String { "\(date.iso8601) \(time)" }
}
