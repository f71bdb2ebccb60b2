import BarazaModel
import Testing

/// Civil-calendar arithmetic without zones: month ends, leap years, weekdays, and the text forms the format uses.
struct CalendarTests {
    @Test(arguments: [
        ("2026-01-31", 1, "2026-02-01"), ("2026-02-28", 1, "2026-03-01"), ("2028-02-28", 1, "2028-02-29"),
        ("2028-02-29", 1, "2028-03-01"), ("2026-12-31", 1, "2027-01-01"), ("2027-01-01", -1, "2026-12-31"),
        ("2026-03-01", -1, "2026-02-28"), ("2024-03-01", -1, "2024-02-29"), ("2100-02-28", 1, "2100-03-01"),
        ("2000-02-28", 1, "2000-02-29"), ("2026-11-17", 365, "2027-11-17"), ("2027-11-17", 366, "2028-11-17"),
        ("1970-01-01", -1, "1969-12-31"), ("2026-04-30", 1, "2026-05-01"), ("2026-11-17", -3000, "2018-08-31"),
    ])
    func addingDays(_ from: String, _ days: Int, _ to: String) throws {
        let date = try #require(LocalDate(iso8601: from))
        #expect(date.adding(days: days).iso8601 == to)
        #expect(date.adding(days: days).adding(days: -days) == date)
    }

    @Test func monthLengthsAndLeapYears() {
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        for (index, length) in lengths.enumerated() {
            #expect(LocalDate(year: 2026, month: index + 1, day: length) != nil)
            #expect(LocalDate(year: 2026, month: index + 1, day: length + 1) == nil, "2026-\(index + 1)")
        }
        #expect(LocalDate(year: 2028, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 2000, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 2100, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2026, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2026, month: 0, day: 1) == nil)
        #expect(LocalDate(year: 2026, month: 13, day: 1) == nil)
        #expect(LocalDate(year: 2026, month: 1, day: 0) == nil)
    }

    @Test func daysSince1970RoundTripsOverFourHundredYears() {
        // Walking day by day across 1900..2300 checks the era arithmetic against the month table.
        var date = LocalDate(year: 1900, month: 1, day: 1)!
        var days = date.daysSince1970
        #expect(days == -25567)
        while date.year < 2300 {
            let next = LocalDate(daysSince1970: days + 1)
            let expected =
                LocalDate(year: date.year, month: date.month, day: date.day + 1)
                ?? LocalDate(year: date.year, month: date.month + 1, day: 1)
                ?? LocalDate(year: date.year + 1, month: 1, day: 1)!
            if next != expected {
                Issue.record("after \(date): \(next), expected \(expected)")
                return
            }
            #expect(next.daysSince1970 == days + 1)
            date = next
            days += 1
        }
    }

    @Test func isoWeekdays() {
        #expect(LocalDate(year: 1970, month: 1, day: 1)!.isoWeekday == 4)  // Thursday
        #expect(LocalDate(year: 2026, month: 10, day: 25)!.isoWeekday == 7)  // last Sunday of October
        #expect(LocalDate(year: 2027, month: 3, day: 28)!.isoWeekday == 7)  // last Sunday of March
        #expect(LocalDate(year: 2027, month: 3, day: 23)!.isoWeekday == 2)  // the final event opens on a Tuesday
        #expect(LocalDate(year: 1969, month: 12, day: 31)!.isoWeekday == 3)
    }

    @Test func parsingDates() {
        #expect(LocalDate(iso8601: "2026-11-17") == LocalDate(year: 2026, month: 11, day: 17))
        for bad in [
            "2026-11-7", "2026-02-30", "26-11-17", "2026/11/17", "2026-11-17T09:00", "", "2026-13-01", "２０２６-11-17",
            "+202-11-17", "2026-+1-17", "2026-11--1",
        ] {
            #expect(LocalDate(iso8601: bad) == nil, "\(bad)")
        }
    }

    @Test func parsingTimesOfDay() {
        #expect(LocalTime("09:00")?.secondsSinceMidnight == 9 * 3600)
        #expect(LocalTime("23:59:59")?.secondsSinceMidnight == 86399)
        #expect(LocalTime("00:00")?.description == "00:00")
        #expect(LocalTime("07:05:09")?.description == "07:05:09")
        for bad in ["24:00", "9:00", "09:60", "09:00:60", "0900", "09:00:", "", "٠٩:٠٠", "+9:00", "-0:00", "09:+5"] {
            #expect(LocalTime(bad) == nil, "\(bad)")
        }
    }

    @Test func parsingWallTimes() throws {
        let plain = try #require(WallTime.parse("2026-11-17T09:00"))
        #expect(plain.0.iso8601 == "2026-11-17T09:00:00")
        #expect(plain.offset == nil)
        #expect(try #require(WallTime.parse("2026-11-17 09:00:30")).0.iso8601 == "2026-11-17T09:00:30")
        #expect(try #require(WallTime.parse("2026-10-25T02:30+01:00")).offset == 3600)
        #expect(try #require(WallTime.parse("2026-10-25T02:30+0200")).offset == 7200)
        #expect(try #require(WallTime.parse("2026-10-25T02:30-03:30")).offset == -12600)
        #expect(try #require(WallTime.parse("2026-10-25T01:30Z")).offset == 0)
        #expect(try #require(WallTime.parse("  2026-10-25T01:30  ")).0.iso8601 == "2026-10-25T01:30:00")
        for bad in [
            "2026-11-17", "2026-11-17T9:00", "2026-11-17T09:00+1", "2026-11-17T09:00+19:00", "2026-11-17X09:00",
            "2026-11-31T09:00", "2026-11-17T24:00", "17/11/2026 09:00", "2026-11-17T09:00+01:60",
        ] {
            #expect(WallTime.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func instantsAndIntervals() {
        let a = Instant(secondsSince1970: 0)
        #expect(a.iso8601UTC == "1970-01-01T00:00:00Z")
        #expect(Instant(secondsSince1970: -1).iso8601UTC == "1969-12-31T23:59:59Z")
        #expect(a.adding(minutes: 90).minutes(until: a) == -90)
        let morning = Interval(start: a, end: a.adding(minutes: 60))
        let adjacent = Interval(start: a.adding(minutes: 60), end: a.adding(minutes: 120))
        let inside = Interval(start: a.adding(minutes: 15), end: a.adding(minutes: 45))
        #expect(!morning.overlaps(adjacent), "back-to-back sessions do not overlap")
        #expect(morning.overlapMinutes(with: adjacent) == 0)
        #expect(morning.overlaps(inside) && inside.overlaps(morning))
        #expect(morning.overlapMinutes(with: inside) == 30)
        #expect(morning.contains(inside) && !inside.contains(morning))
        #expect(morning.contains(a) && !morning.contains(a.adding(minutes: 60)))
        #expect(formatOffset(-12600) == "-03:30")
        #expect(formatOffset(0) == "+00:00")
    }
}
