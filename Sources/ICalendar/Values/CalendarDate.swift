/// A DATE value (`20261125`): a day with no time and no zone, as used by all-day events.
public struct CalendarDate: Sendable, Hashable, Comparable {
    /// Gregorian year.
    public var year: Int
    /// Month, 1...12.
    public var month: Int
    /// Day of the month, 1...31.
    public var day: Int

    /// Creates a date; fields are taken as given, so pass a real Gregorian date.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses the `YYYYMMDD` form; `nil` if it is not a real date.
    public init?(iCalendarText text: String) {
        let digits = Array(text.utf8)
        guard digits.count == 8, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            let y = Int(String(text.prefix(4))),
            let m = Int(String(text.dropFirst(4).prefix(2))),
            let d = Int(String(text.suffix(2)))
        else { return nil }
        let roundTrip = DateArithmetic.date(days: DateArithmetic.days(year: y, month: m, day: d))
        guard (1...12).contains(m), roundTrip == (y, m, d) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The `YYYYMMDD` form.
    public var iCalendarText: String {
        DateArithmetic.pad(year, 4) + DateArithmetic.pad(month, 2) + DateArithmetic.pad(day, 2)
    }

    /// Days since 1970-01-01.
    var daysSinceEpoch: Int {
        DateArithmetic.days(year: year, month: month, day: day)
    }

    /// Earlier day first.
    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
