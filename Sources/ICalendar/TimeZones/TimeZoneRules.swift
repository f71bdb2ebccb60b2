import Foundation

/// What VTIMEZONE generation needs from a time-zone database: the offset and daylight-saving flag in force at
/// any second, and, when the database knows it, where the next change is.
///
/// ``FoundationTimeZoneRules`` reads Foundation's `TimeZone`; callers with another database (the system's
/// compiled tz files) conform their own type, so a calendar's VTIMEZONE says exactly what its times were
/// resolved with.
public protocol TimeZoneRules: Sendable {
    /// The IANA identifier, written as TZID.
    var identifier: String { get }
    /// UTC offset in seconds at `second` (seconds since 1970 UTC).
    func offset(atSecond second: Int) -> Int
    /// Whether `second` falls in daylight-saving time.
    func isDaylightSavingTime(atSecond second: Int) -> Bool
    /// The first second after `second` at which the offset or flag changes; nil when unknown or none (the
    /// search then relies on its own scan, which finds every change anyway).
    func nextTransition(afterSecond second: Int) -> Int?
}

/// Foundation's tz data, through `TimeZone`.
public struct FoundationTimeZoneRules: TimeZoneRules {
    public let zone: TimeZone

    /// Rules for `zone`.
    public init(_ zone: TimeZone) { self.zone = zone }

    public var identifier: String { zone.identifier }

    public func offset(atSecond second: Int) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(second)))
    }

    public func isDaylightSavingTime(atSecond second: Int) -> Bool {
        zone.isDaylightSavingTime(for: Date(timeIntervalSince1970: TimeInterval(second)))
    }

    public func nextTransition(afterSecond second: Int) -> Int? {
        zone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: TimeInterval(second)))
            .map { Int($0.timeIntervalSince1970.rounded(.down)) }
    }
}
