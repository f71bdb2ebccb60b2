import TZDatabase

/// A calendar date without a zone (proleptic Gregorian), e.g. an event day or a hotel night.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// Creates a date; returns nil when the day does not exist (e.g. 2026-02-29).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` days after 1970-01-01 (negative for earlier dates).
    public init(daysSince1970 days: Int) {
        let date = CivilCalendar.date(ofDay: Int64(days))
        year = Int(date.year)
        month = Int(date.month)
        day = Int(date.day)
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso8601 text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Days since 1970-01-01.
    public var daysSince1970: Int {
        Int(CivilCalendar.days(year: Int64(year), month: Int64(month), day: Int64(day)))
    }

    /// The date `n` days later (earlier when negative).
    public func adding(days n: Int) -> LocalDate { LocalDate(daysSince1970: daysSince1970 + n) }

    /// ISO weekday: 1 = Monday ... 7 = Sunday.
    public var isoWeekday: Int { ((daysSince1970 % 7 + 7 + 3) % 7) + 1 }

    public static func < (a: LocalDate, b: LocalDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// `YYYY-MM-DD`.
    public var description: String { iso8601 }

    /// `YYYY-MM-DD`.
    public var iso8601: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension Character {
    /// `0`...`9` only: `Int("+9")` accepts a sign, and `isNumber` accepts other scripts' digits.
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}

func pad(_ value: Int, _ width: Int) -> String {
    let s = String(abs(value))
    return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - s.count)) + s
}
