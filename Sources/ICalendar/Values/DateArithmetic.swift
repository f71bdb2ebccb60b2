import TZDatabase

/// Proleptic Gregorian day arithmetic and the fixed-width digits of DATE and DATE-TIME, done by hand so that
/// formatting never depends on a `Calendar`, a locale or the process time zone. The day arithmetic is
/// TZDatabase's `CivilCalendar`, the one copy of the algorithm.
enum DateArithmetic {
    /// Days since 1970-01-01 for a Gregorian date.
    static func days(year: Int, month: Int, day: Int) -> Int {
        Int(CivilCalendar.days(year: Int64(year), month: Int64(month), day: Int64(day)))
    }

    /// The Gregorian date of a day counted from 1970-01-01.
    static func date(days: Int) -> (year: Int, month: Int, day: Int) {
        let date = CivilCalendar.date(ofDay: Int64(days))
        return (Int(date.year), Int(date.month), Int(date.day))
    }

    /// Floor division, so times before 1970 fall into the right day.
    static func floorDivide(_ a: Int, _ b: Int) -> (quotient: Int, remainder: Int) {
        let q = a >= 0 ? a / b : -((-a + b - 1) / b)
        return (q, a - q * b)
    }

    /// Zero-padded decimal, for the fixed-width fields of DATE and DATE-TIME.
    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(abs(value))
        let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
        return value < 0 ? "-" + padded : padded
    }
}
