import BarazaModel
import Foundation
import Testing

@testable import BarazaImport

/// Dates as form tools write them in their user's locale (`15/03/2027`, `3/15/2027 10:31:25 PM`): read in the
/// mapping's `date_order`, or without one only where day and month cannot be confused.
@Suite struct SlashDateTests {
    typealias Order = Normalise.DateOrder

    @Test(
        arguments: [
            ("15/03/2027", nil, "2027-03-15"),
            ("3/15/2027 10:31:25", nil, "2027-03-15T10:31:25"),
            ("15.03.2027 10:31", nil, "2027-03-15T10:31"),
            ("3/4/2027 10:31:25 PM", Order.monthFirst, "2027-03-04T22:31:25"),
            ("3/4/2027 12:15 AM", Order.dayFirst, "2027-04-03T00:15"),
            ("04/04/2027 12:00 pm", nil, "2027-04-04T12:00"),
            ("1/2/2027 9:05 a.m.", Order.dayFirst, "2027-02-01T09:05"),
            ("2027/03/15 10:31:25 PM GMT+1", nil, "2027-03-15T22:31:25+01:00"),
            ("2027/3/4 9:05", nil, "2027-03-04T09:05"),
            ("2027/3/4", Order.dayFirst, "2027-03-04"),
            ("15/03/2027 10:31 UTC-05:30", nil, "2027-03-15T10:31:00-05:30"),
        ] as [(String, Order?, String)])
    func slashDatesBecomeISO(text: String, order: Order?, iso: String) {
        #expect(Normalise.slashDateTime(text, order: order) == .success(iso))
    }

    @Test func whatIsNotASlashDateIsLeftToTheOtherReaders() {
        for text in ["2027-03-15 10:31", "15/03/27", "15-03-2027", "15/03.2027", "Friday 15/03/2027"] {
            #expect(Normalise.slashDateTime(text, order: nil) == nil, "\(text)")
        }
        #expect(Normalise.slashDateTime("3/4/2027 13:00 PM", order: .monthFirst) == .failure(.unreadable))
        #expect(Normalise.slashDateTime("3/4/2027 at noon", order: .monthFirst) == .failure(.unreadable))
        let kigali = Zone(identifier: "Africa/Kigali")!
        // Google Forms' own offset wins over the zone answers are read in: 22:31 at +01:00 is 23:31 in Kigali.
        let google = Normalise.instant("2027/03/15 10:31:25 PM GMT+1", zone: kigali)
        #expect(google == Normalise.instant("2027-03-15T23:31:25", zone: kigali))
    }

    /// Every day of a year, written both ways: read back exactly in its order; without an order, read exactly
    /// when the text cannot mean another day, refused as ambiguous otherwise, never read as another day.
    @Test func everyDayOfAYearBothWays() throws {
        let zone = try #require(Zone(identifier: "Africa/Kigali"))
        var day = try #require(LocalDate(year: 2027, month: 1, day: 1))
        while day.year == 2027 {
            let expected = LocalDateTime(date: day, time: try #require(LocalTime(hour: 9, minute: 30, second: 0)))
            let instant = try WallTime(local: expected, zone: zone).resolve().get()
            for order in Order.allCases {
                let (a, b) = order == .dayFirst ? (day.day, day.month) : (day.month, day.day)
                let text = "\(a)/\(b)/2027 09:30"
                #expect(Normalise.instant(text, zone: zone, dateOrder: order) == .success(instant), "\(text)")
                let unambiguous = a > 12 || a == b
                let alone = Normalise.instant(text, zone: zone)
                if unambiguous || b > 12 {
                    #expect(alone == .success(instant), "\(text)")
                } else {
                    #expect(alone == .failure(.ambiguousDateOrder), "\(text)")
                }
            }
            day = day.adding(days: 1)
        }
    }
}
