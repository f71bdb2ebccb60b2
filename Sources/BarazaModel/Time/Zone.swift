import Foundation
import TZDatabase

/// An IANA time zone (e.g. `Africa/Kigali`), backed by the system's tz database when there is one, else by
/// the copy Foundation ships.
///
/// `Zone` is the only place Baraza asks for UTC offsets. Every wall-clock time in a workspace is paired with one.
///
/// Which database answers is decided once per process (`Zone.databaseSource`): the system's compiled
/// database (`$TZDIR`, else `/usr/share/zoneinfo`), which the operating system keeps current, when present;
/// Foundation's own, often older, copy otherwise and for any identifier the system database lacks. The
/// environment variable `BARAZA_TZ_SOURCE` forces a choice: `system` (system database only, no fallback per
/// identifier; Foundation is still used when there is no system database) or `foundation`.
public struct Zone: Hashable, Sendable, CustomStringConvertible {
    /// The IANA identifier, as written in the workspace.
    public let identifier: String
    let backing: Backing

    /// Where this zone's answers come from. A class, so `Zone` stays two words wide inside every event,
    /// session and journey that holds one.
    final class Backing: Sendable {
        let rules: TZRules?
        let timeZone: TimeZone?
        init(rules: TZRules) { (self.rules, self.timeZone) = (rules, nil) }
        init(timeZone: TimeZone) { (self.rules, self.timeZone) = (nil, timeZone) }
    }

    /// Creates a zone from an IANA identifier; nil when the tz database in use does not know it.
    ///
    /// Fixed-offset spellings (`GMT+1`, `UTC+01:00`) are refused: a zone must follow its region's rules.
    public init?(identifier: String) { self.init(identifier: identifier, provider: .active) }

    init?(identifier: String, provider: ZoneProvider) {
        guard identifier == "UTC" || identifier.contains("/") else { return nil }
        if let database = provider.system, database.lists(identifier) || database.identifiers.isEmpty,
            let rules = database.rules(for: identifier)
        {
            self.backing = Backing(rules: rules)
        } else if provider.foundationAllowed, let tz = TimeZone(identifier: identifier) {
            self.backing = Backing(timeZone: tz)
        } else {
            return nil
        }
        self.identifier = identifier
    }

    /// UTC.
    public static let utc = Zone(identifier: "UTC")!

    /// Where offsets come from.
    public enum DatabaseSource: Hashable, Sendable, CustomStringConvertible {
        /// The system's compiled tz database in `directory`, release `version` (nil when it does not say).
        case system(version: String?, directory: String)
        /// The tz data built into Foundation, release `version`.
        case foundation(version: String)

        /// `2026f (system tzdata, /usr/share/zoneinfo)` or `2025b (Foundation)`.
        public var description: String {
            switch self {
            case .system(let version, let directory):
                return "\(version ?? "unknown version") (system tzdata, \(directory))"
            case .foundation(let version): return "\(version) (Foundation)"
            }
        }
    }

    /// The tz database answering for this process (see the type's documentation for how it is chosen).
    public static var databaseSource: DatabaseSource { ZoneProvider.active.source }

    /// The release and origin of the tz database in use, e.g. `2026f (system tzdata, /usr/share/zoneinfo)` or
    /// `2025b (Foundation)`.
    public static var databaseVersion: String { databaseSource.description }

    /// Every identifier the tz database in use knows, for suggestions in error messages.
    public static var knownIdentifiers: [String] {
        if let database = ZoneProvider.active.system, !database.identifiers.isEmpty { return database.identifiers }
        return TimeZone.knownTimeZoneIdentifiers
    }

    public static func == (a: Zone, b: Zone) -> Bool { a.identifier == b.identifier }
    public func hash(into hasher: inout Hasher) { hasher.combine(identifier) }

    public var description: String { identifier }

    /// The UTC offset in seconds in force at `instant`.
    public func offset(at instant: Instant) -> Int {
        if let rules = backing.rules { return rules.offset(at: instant.secondsSince1970) }
        return backing.timeZone!.secondsFromGMT(for: Self.date(instant))
    }

    /// Whether the tz database marks `instant` as daylight-saving time in this zone.
    public func isDaylightSavingTime(at instant: Instant) -> Bool {
        if let rules = backing.rules { return rules.isDaylightSavingTime(at: instant.secondsSince1970) }
        return backing.timeZone!.isDaylightSavingTime(for: Self.date(instant))
    }

    /// The abbreviation the tz database gives local time at `instant` (`CEST`, `WAT`, `+01`), e.g. for
    /// VTIMEZONE's TZNAME.
    public func abbreviation(at instant: Instant) -> String {
        if let rules = backing.rules { return rules.abbreviation(at: instant.secondsSince1970) }
        return backing.timeZone!.abbreviation(for: Self.date(instant)) ?? formatOffset(offset(at: instant))
    }

    /// The first instant after `instant` at which this zone's offset, daylight-saving flag or abbreviation
    /// changes, including changes the rules generate for years after the database's last explicit
    /// transition; nil when the zone never changes again. For building VTIMEZONE from the same rules.
    public func nextTransition(after instant: Instant) -> Instant? {
        if let rules = backing.rules {
            return rules.nextTransition(after: instant.secondsSince1970).map { Instant(secondsSince1970: $0) }
        }
        guard let next = backing.timeZone!.nextDaylightSavingTimeTransition(after: Self.date(instant)) else {
            return nil
        }
        // Foundation reports fractional instants only for sub-second inputs; round up to stay "after".
        let seconds = Int64(next.timeIntervalSince1970.rounded(.up))
        return seconds > instant.secondsSince1970 ? Instant(secondsSince1970: seconds) : nil
    }

    private static func date(_ instant: Instant) -> Date {
        Date(timeIntervalSince1970: TimeInterval(instant.secondsSince1970))
    }

    /// The wall clock of this zone at `instant`.
    public func localDateTime(at instant: Instant) -> LocalDateTime {
        LocalDateTime(utc: instant.adding(seconds: Int64(offset(at: instant))))
    }

    /// Every instant at which this zone's clock reads `local`: none in a spring-forward gap, two in a
    /// fall-back overlap, one otherwise.
    public func resolve(_ local: LocalDateTime) -> LocalTimeResolution {
        let asUTC = local.secondsAsIfUTC
        // Offsets in force a day either side bracket any transition near `local` (tz transitions are
        // never closer than that in practice); each candidate offset is kept when it maps back to itself.
        var offsets: [Int] = []
        for probe in [asUTC - 86_400, asUTC, asUTC + 86_400] {
            let o = offset(at: Instant(secondsSince1970: probe))
            if !offsets.contains(o) { offsets.append(o) }
        }
        var instants: [Instant] = []
        for o in offsets {
            let candidate = Instant(secondsSince1970: asUTC - Int64(o))
            if offset(at: candidate) == o, !instants.contains(candidate) { instants.append(candidate) }
        }
        instants.sort()
        switch instants.count {
        case 0:
            let before = offset(at: Instant(secondsSince1970: asUTC - 86_400))
            let after = offset(at: Instant(secondsSince1970: asUTC + 86_400))
            return .nonexistent(offsetBefore: before, offsetAfter: after)
        case 1:
            return .unique(instants[0])
        default:
            return .ambiguous(earlier: instants[0], later: instants[instants.count - 1])
        }
    }
}

/// What a wall-clock reading means in a zone.
public enum LocalTimeResolution: Hashable, Sendable {
    /// Exactly one instant.
    case unique(Instant)
    /// The clock skips this reading (spring-forward gap); the offsets before and after the jump.
    case nonexistent(offsetBefore: Int, offsetAfter: Int)
    /// The clock shows this reading twice (fall-back overlap).
    case ambiguous(earlier: Instant, later: Instant)
}

/// Formats a UTC offset in seconds as `+02:00`.
public func formatOffset(_ seconds: Int) -> String {
    let sign = seconds < 0 ? "-" : "+"
    let m = abs(seconds) / 60
    return "\(sign)\(pad(m / 60, 2)):\(pad(m % 60, 2))"
}
