/// An absolute point in time: whole seconds since 1970-01-01T00:00:00Z.
///
/// Baraza stores every instant in UTC; a wall-clock reading is always derived from an instant and a `Zone`.
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds since the Unix epoch, UTC.
    public var secondsSince1970: Int64

    public init(secondsSince1970: Int64) { self.secondsSince1970 = secondsSince1970 }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.secondsSince1970 < rhs.secondsSince1970 }

    /// This instant moved by a number of minutes (positive or negative).
    public func adding(minutes: Int) -> Instant { Instant(secondsSince1970: secondsSince1970 + Int64(minutes) * 60) }

    /// This instant moved by a number of seconds.
    public func adding(seconds: Int64) -> Instant { Instant(secondsSince1970: secondsSince1970 + seconds) }

    /// Whole minutes from `self` to `other` (negative when `other` is earlier), rounded toward zero.
    public func minutes(until other: Instant) -> Int { Int((other.secondsSince1970 - secondsSince1970) / 60) }

    /// ISO 8601 in UTC, e.g. `2026-11-17T07:00:00Z`.
    public var description: String { iso8601UTC }

    /// ISO 8601 in UTC, e.g. `2026-11-17T07:00:00Z`.
    public var iso8601UTC: String { LocalDateTime(utc: self).iso8601 + "Z" }
}
