/// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01): the one civil-calendar
/// algorithm, used by POSIX TZ rules here, by `LocalDate` (BarazaModel) and through it by the spreadsheet reader.
///
/// Algorithms after Howard Hinnant's "chrono-compatible low-level date algorithms"; all Int64, so any year the
/// clamped instants of `POSIXTimeZone` can reach stays far from overflow.
public enum CivilCalendar {
    static let secondsPerDay: Int64 = 86_400

    /// Days since 1970-01-01 of year `y`, month `m` (1...12), day `d` (1...31).
    public static func days(year y: Int64, month m: Int64, day d: Int64) -> Int64 {
        let y = m <= 2 ? y - 1 : y
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The year, month (1...12) and day (1...31) of day number `z`.
    public static func date(ofDay z: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = z + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The year containing day number `z`.
    static func year(ofDay z: Int64) -> Int64 { date(ofDay: z).year }

    /// Day of the week of day number `z`: 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday).
    static func weekday(ofDay z: Int64) -> Int64 { floorMod(z + 4, 7) }

    static func isLeap(_ y: Int64) -> Bool { y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) }

    static func monthLength(year y: Int64, month m: Int64) -> Int64 {
        switch m {
        case 2: return isLeap(y) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    static func floorMod(_ a: Int64, _ b: Int64) -> Int64 { a - floorDiv(a, b) * b }
}
