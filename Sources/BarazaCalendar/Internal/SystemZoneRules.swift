import BarazaModel
import TZDatabase

/// The system tz database, consulted only when `Zone` runs on Foundation's older copy.
///
/// `Zone` normally reads the system's tz database itself, and then there is nothing to correct. When it falls back
/// to Foundation's copy (no system database for `Zone`, or `BARAZA_TZ_SOURCE=foundation`), that copy may be older:
/// Foundation on Linux (Swift 6.3) ships 2025b, while a system may have 2026f, in which Morocco stays on +00 after
/// 2026-09-20 instead of returning to +01 around Ramadan. Calendar clients and ics-check read the newer data. For
/// an event time whose offset differs between the two, the calendars keep the wall time as written, resolve it
/// with the system database, and write it in UTC, so every reader lands on that instant whatever tz data it has;
/// the export names each such zone in its notes.
final class SystemZoneRules {
    let directory: String?
    let version: String?
    private var database: TZDatabase?
    private var zones: [String: TZRules?] = [:]
    /// Events whose times were moved or written in UTC, by zone.
    private(set) var corrected: [String: Set<String>] = [:]

    /// Uses the tz database in `directory` when it is newer than Foundation's; otherwise never corrects.
    init(directory: String?) {
        if case .foundation(let foundationVersion) = Zone.databaseSource, let directory,
            let database = TZDatabase(directory: directory), let version = database.version, version > foundationVersion
        {
            self.directory = directory
            self.version = version
            self.database = database
        } else {
            self.directory = nil
            self.version = nil
            self.database = nil
        }
    }

    private func zone(_ zone: Zone) -> TZRules? {
        guard let database else { return nil }
        if let cached = zones[zone.identifier] { return cached }
        let loaded = database.rules(for: zone.identifier)
        zones[zone.identifier] = loaded
        return loaded
    }

    /// Whether the two databases give `zone` different offsets at `instant`.
    func disagrees(_ zone: Zone, at instant: Instant) -> Bool {
        guard let rules = self.zone(zone) else { return false }
        return rules.offset(at: instant.secondsSince1970) != zone.offset(at: instant)
    }

    /// The instant of `local` in `zone` by the system database (the earlier one in an overlap; nil in a gap).
    func resolve(_ local: BarazaModel.LocalDateTime, in zone: Zone) -> Instant? {
        guard let rules = self.zone(zone), case .unique(let asUTC) = Zone.utc.resolve(local) else { return nil }
        let wall = asUTC.secondsSince1970
        var candidates: [Int64] = []
        for probe in [wall - 86_400, wall, wall + 86_400] {
            let offset = rules.offset(at: probe)
            let instant = wall - Int64(offset)
            if rules.offset(at: instant) == offset { candidates.append(instant) }
        }
        return candidates.min().map { Instant(secondsSince1970: $0) }
    }

    /// The interval to write for wall times `start` and `end` read in `zone`, when the system database puts
    /// them elsewhere than `interval` (Foundation's reading); nil when the two agree.
    func correction(
        start: BarazaModel.LocalDateTime, end: BarazaModel.LocalDateTime, zone: Zone, interval: Interval, uid: String
    ) -> Interval? {
        guard disagrees(zone, at: interval.start) || disagrees(zone, at: interval.end),
            let s = resolve(start, in: zone), let e = resolve(end, in: zone), s <= e
        else { return nil }
        corrected[zone.identifier, default: []].insert(uid)
        return Interval(start: s, end: e)
    }

    /// Whether an event given only as instants (no wall time) falls where the databases disagree; it is then
    /// written in UTC at those instants.
    func needsUTC(_ interval: Interval, zone: Zone, uid: String) -> Bool {
        guard disagrees(zone, at: interval.start) || disagrees(zone, at: interval.end) else { return false }
        corrected[zone.identifier, default: []].insert(uid)
        return true
    }

    /// Notes for the export result: one per zone whose times were moved.
    var notes: [String] { notes(for: corrected) }

    /// Notes for `corrected` events by zone (the union of several writers' corrections).
    func notes(for corrected: [String: Set<String>]) -> [String] {
        corrected.sorted { $0.key < $1.key }.map { zone, count in
            "\(zone): the system tz database (\(version ?? "?")) and the one in use (\(Zone.databaseVersion)) give "
                + "different offsets for \(count.count) event(s); their wall times were resolved with the system database "
                + "and written in UTC (baraza check still uses Foundation's)"
        }
    }
}
