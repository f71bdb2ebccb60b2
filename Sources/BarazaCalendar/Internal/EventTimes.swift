import BarazaModel
import Foundation
import ICalendar

/// Writes instants as DTSTART/DTEND: local time with the zone's TZID, or UTC when the zone is UTC or the
/// local reading is ambiguous (a fall-back overlap), since a reader takes the first of two equal readings.
enum EventTimes {
    static let utcNames: Set<String> = ["UTC", "Etc/UTC", "GMT", "Etc/GMT"]

    /// The property, and the zone it names by TZID (nil when written in UTC).
    static func property(_ name: String, _ instant: Instant, in zone: Zone, utc: Bool = false) -> (Property, Zone?) {
        let date = Date(timeIntervalSince1970: TimeInterval(instant.secondsSince1970))
        if utc || utcNames.contains(zone.identifier) { return (.dateTime(name, date), nil) }
        let local = zone.localDateTime(at: instant)
        guard case .unique = zone.resolve(local) else { return (.dateTime(name, date), nil) }
        let ical = ICalendar.LocalDateTime(
            year: local.date.year, month: local.date.month, day: local.date.day, hour: local.time.hour,
            minute: local.time.minute, second: local.time.second)
        return (.dateTime(name, ical, tzid: zone.identifier), zone)
    }

    /// DTSTART and DTEND for `interval` in `zone`; an empty interval is shown as fifteen minutes.
    /// With `utc`, both are written in UTC (see ``SystemZoneRules``).
    static func startAndEnd(_ interval: Interval, in zone: Zone, utc: Bool = false) -> (
        properties: [Property], zones: [Zone]
    ) {
        let end = interval.end > interval.start ? interval.end : interval.start.adding(minutes: 15)
        let (start, z1) = property("DTSTART", interval.start, in: zone, utc: utc)
        let (finish, z2) = property("DTEND", end, in: zone, utc: utc)
        var zones: [Zone] = []
        if let z1 { zones.append(z1) }
        if let z2, z2 != z1 { zones.append(z2) }
        return ([start, finish], zones)
    }
}
