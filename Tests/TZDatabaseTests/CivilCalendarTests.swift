import BarazaModel
import Foundation
import Testing

@testable import TZDatabase

/// The one civil-calendar algorithm: day numbers and dates round-trip, agree with Foundation's Gregorian calendar,
/// and `LocalDate` is the same arithmetic.
struct CivilCalendarTests {
    @Test func dayNumbersAndDatesRoundTripOverTenThousandYears() {
        for day in stride(from: Int64(-1_900_000), through: 1_900_000, by: 211) {
            let date = CivilCalendar.date(ofDay: day)
            #expect(CivilCalendar.days(year: date.year, month: date.month, day: date.day) == day)
            #expect(CivilCalendar.year(ofDay: day) == date.year)
            let local = LocalDate(daysSince1970: Int(day))
            #expect((Int64(local.year), Int64(local.month), Int64(local.day)) == date)
            #expect(local.daysSince1970 == Int(day))
        }
    }

    /// From 1586 on: before the reform of 1582, Foundation's Gregorian calendar counts Julian dates.
    @Test func datesAgreeWithFoundationsGregorianCalendar() {
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = TimeZone(identifier: "UTC")!
        for day in stride(from: Int64(-140_000), through: 250_000, by: 997) {
            let parts = gregorian.dateComponents(
                [.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(day) * 86_400))
            let date = CivilCalendar.date(ofDay: day)
            #expect([date.year, date.month, date.day] == [parts.year, parts.month, parts.day].map { Int64($0!) })
        }
    }
}
