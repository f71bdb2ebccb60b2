import Foundation

/// An IANA time zone (e.g. `Africa/Kigali`), backed by the tz database that Foundation ships.
///
/// `Zone` is the only place Baraza asks for UTC offsets. Every wall-clock time in a workspace is paired with one.
public struct Zone: Hashable, Sendable, CustomStringConvertible {
    /// The IANA identifier, as written in the workspace.
    public let identifier: String
    private let timeZone: TimeZone

    /// Creates a zone from an IANA identifier; nil when the tz database does not know it.
    ///
    /// Fixed-offset spellings (`GMT+1`, `UTC+01:00`) are refused: a zone must follow its region's rules.
    public init?(identifier: String) {
        guard identifier == "UTC" || identifier.contains("/"), let tz = TimeZone(identifier: identifier) else {
            return nil
        }
        self.identifier = identifier
        self.timeZone = tz
    }

    /// UTC.
    public static let utc = Zone(identifier: "UTC")!

    /// The version of the tz database Foundation carries (e.g. `2025b`).
    public static var databaseVersion: String { TimeZone.timeZoneDataVersion }

    /// Every identifier the tz database knows, for suggestions in error messages.
    public static var knownIdentifiers: [String] { TimeZone.knownTimeZoneIdentifiers }

    public static func == (a: Zone, b: Zone) -> Bool { a.identifier == b.identifier }
    public func hash(into hasher: inout Hasher) { hasher.combine(identifier) }

    public var description: String { identifier }

    /// The UTC offset in seconds in force at `instant`.
    public func offset(at instant: Instant) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant.secondsSince1970)))
    }

    /// Whether the tz database marks `instant` as daylight-saving time in this zone.
    public func isDaylightSavingTime(at instant: Instant) -> Bool {
        timeZone.isDaylightSavingTime(for: Date(timeIntervalSince1970: TimeInterval(instant.secondsSince1970)))
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
