import BarazaModel
import ICalendar

/// A `Zone` as the VTIMEZONE builder sees it: a calendar's VTIMEZONE then says exactly what its times were
/// resolved with, whichever tz database `Zone` uses (the system's, or Foundation's as a fallback).
struct ZoneRules: TimeZoneRules {
    let zone: Zone

    var identifier: String { zone.identifier }

    func offset(atSecond second: Int) -> Int { zone.offset(at: Instant(secondsSince1970: Int64(second))) }

    func isDaylightSavingTime(atSecond second: Int) -> Bool {
        zone.isDaylightSavingTime(at: Instant(secondsSince1970: Int64(second)))
    }

    func nextTransition(afterSecond second: Int) -> Int? {
        zone.nextTransition(after: Instant(secondsSince1970: Int64(second))).map { Int($0.secondsSince1970) }
    }
}
