import Foundation
import Testing

@testable import TZDatabase

@Suite("POSIX TZ strings")
struct POSIXTimeZoneTests {
    typealias Rule = POSIXTimeZone.RuleDate

    struct Parsed: CustomStringConvertible, Sendable {
        let string: String
        let std: (String, Int)
        let dst: (String, Int, Rule, Int, Rule, Int)?
        var description: String { string }
    }

    static let wellFormed: [Parsed] = [
        Parsed(string: "UTC0", std: ("UTC", 0), dst: nil),
        Parsed(string: "<+01>-1", std: ("+01", 3600), dst: nil),
        Parsed(string: "<+0330>-3:30", std: ("+0330", 12_600), dst: nil),
        Parsed(string: "<-0930>9:30", std: ("-0930", -34_200), dst: nil),
        Parsed(string: "XYZ+1:02:03", std: ("XYZ", -3723), dst: nil),
        Parsed(
            string: "CET-1CEST,M3.5.0,M10.5.0/3", std: ("CET", 3600),
            dst: (
                "CEST", 7200, .monthWeekDay(month: 3, week: 5, weekday: 0), 7200,
                .monthWeekDay(month: 10, week: 5, weekday: 0), 10_800
            )),
        Parsed(
            string: "IST-1GMT0,M10.5.0,M3.5.0/1", std: ("IST", 3600),
            dst: (
                "GMT", 0, .monthWeekDay(month: 10, week: 5, weekday: 0), 7200,
                .monthWeekDay(month: 3, week: 5, weekday: 0), 3600
            )),
        Parsed(
            string: "<+1030>-10:30<+11>-11,M10.1.0,M4.1.0", std: ("+1030", 37_800),
            dst: (
                "+11", 39_600, .monthWeekDay(month: 10, week: 1, weekday: 0), 7200,
                .monthWeekDay(month: 4, week: 1, weekday: 0), 7200
            )),
        Parsed(
            string: "<+1245>-12:45<+1345>,M9.5.0/2:45,M4.1.0/3:45", std: ("+1245", 45_900),
            dst: (
                "+1345", 49_500, .monthWeekDay(month: 9, week: 5, weekday: 0), 9900,
                .monthWeekDay(month: 4, week: 1, weekday: 0), 13_500
            )),
        Parsed(
            string: "<-04>4<-03>,M9.1.6/24,M4.1.6/24", std: ("-04", -14_400),
            dst: (
                "-03", -10_800, .monthWeekDay(month: 9, week: 1, weekday: 6), 86_400,
                .monthWeekDay(month: 4, week: 1, weekday: 6), 86_400
            )),
        Parsed(
            string: "EST5EDT4,0/0,J365/25", std: ("EST", -18_000),
            dst: ("EDT", -14_400, .dayOfYear(0), 0, .julian(365), 90_000)),
        Parsed(
            string: "<-03>3<-02>,M3.5.0/-2,M10.5.0/-1", std: ("-03", -10_800),
            dst: (
                "-02", -7200, .monthWeekDay(month: 3, week: 5, weekday: 0), -7200,
                .monthWeekDay(month: 10, week: 5, weekday: 0), -3600
            )),
        Parsed(
            string: "AAA3BBB,J60/167,300/-167", std: ("AAA", -10_800),
            dst: ("BBB", -7200, .julian(60), 601_200, .dayOfYear(300), -601_200)),
        // No rule: the United States rule, as glibc and musl assume.
        Parsed(
            string: "EST5EDT", std: ("EST", -18_000),
            dst: (
                "EDT", -14_400, .monthWeekDay(month: 3, week: 2, weekday: 0), 7200,
                .monthWeekDay(month: 11, week: 1, weekday: 0), 7200
            )),
    ]

    @Test("Well-formed strings parse into their parts", arguments: wellFormed)
    func parses(_ c: Parsed) throws {
        let tz = try #require(POSIXTimeZone(c.string))
        #expect(tz.standard == LocalTimeType(utcOffset: c.std.1, isDaylightSavingTime: false, abbreviation: c.std.0))
        if let (name, offset, start, startTime, end, endTime) = c.dst {
            let rule = try #require(tz.daylight)
            #expect(rule.type == LocalTimeType(utcOffset: offset, isDaylightSavingTime: true, abbreviation: name))
            #expect(rule.start == start)
            #expect(rule.startTime == startTime)
            #expect(rule.end == end)
            #expect(rule.endTime == endTime)
        } else {
            #expect(tz.daylight == nil)
        }
    }

    static let malformed = [
        "", "C", "CE", "CET", "CET-", "CET+", "CET-1C", "CET-1CEST,", "CET-1CEST,M3.5.0", "CET-1CEST,M3.5.0,",
        "CET-1CEST,M13.5.0,M10.5.0", "CET-1CEST,M0.5.0,M10.5.0", "CET-1CEST,M3.6.0,M10.5.0", "CET-1CEST,M3.0.0,M10.5.0",
        "CET-1CEST,M3.5.7,M10.5.0", "CET-1CEST,M3.5,M10.5.0", "CET-1CEST,M3..0,M10.5.0", "CET-1CEST,J0,J365",
        "CET-1CEST,J366,J1", "CET-1CEST,366,J1", "CET-25", "CET-1:60", "CET-1:00:60", "CET-1:", "CET-1::",
        "CET-1CEST,M3.5.0/168,M10.5.0", "CET-1CEST,M3.5.0/-168,M10.5.0", "CET-1CEST,M3.5.0/,M10.5.0",
        "CET-1CEST,M3.5.0,M10.5.0/3x", "CET-1CEST,M3.5.0,M10.5.0,", "CET-1CEST,,", "<+01", "<+0>1", "<>0", "<+01>",
        "<+0 1>-1", "ÇET-1", "CET-1 ", " CET-1", "CET+-1", "CET--1", "CET-0001", "CET1CEST-x,M3.5.0,M10.5.0",
        "CET-1CEST,M003.5.0,M10.5.0", "CET-1\nCEST", "CET\u{0}-1", String(repeating: "A", count: 300) + "0",
        "CET-1CEST-99,M3.5.0,M10.5.0", "1CET", "AAA3BBB,J60/167,+300/-167", "CET-1CEST1:2:3:4,J1,J2",
    ]

    @Test("Malformed strings give nil", arguments: malformed)
    func refuses(_ string: String) {
        #expect(POSIXTimeZone(string) == nil)
    }

    @Test("Random strings over the TZ alphabet never trap")
    func randomStrings() {
        let alphabet = Array("ACEMJST<>+-:,./0123456789")
        var generator = SplitMix64(state: 42)
        var parsed = 0
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...30, using: &generator)
            let s = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            if let tz = POSIXTimeZone(s) {
                parsed += 1
                _ = tz.localTimeType(at: Int64.random(in: -(1 << 40)...(1 << 40), using: &generator))
                _ = tz.nextTransition(after: 0)
            }
        }
        #expect(parsed >= 0)  // reaching here without a trap is the property
    }

    /// Strings whose rules exercise every date form, negative and beyond-24h times, southern hemisphere and
    /// negative DST. (Not DST all year, nor transitions pushed into the next calendar year: glibc decides by
    /// the calendar year of the instant and gets those wrong; see `allYearDaylight`.)
    static let evaluated = [
        "EST5EDT,M3.2.0,M11.1.0", "CET-1CEST,M3.5.0,M10.5.0/3", "IST-1GMT0,M10.5.0,M3.5.0/1",
        "<+1030>-10:30<+11>-11,M10.1.0,M4.1.0", "<+1245>-12:45<+1345>,M9.5.0/2:45,M4.1.0/3:45",
        "<-04>4<-03>,M9.1.6/24,M4.1.6/24", "<-03>3<-02>,M3.5.0/-2,M10.5.0/-1", "AAA3BBB,J60/167,300/-167",
        "XXX3YYY,J60/2,300", "WWW-5VVV,59/1:30:15,J300", "<+13>-13<+14>,M9.5.0/3,M4.1.0/4",
    ]

    @Test(
        "Evaluation matches glibc at random instants and around every transition",
        .enabled(if: python3Path != nil), arguments: evaluated)
    func matchesGlibc(_ string: String) throws {
        let tz = try #require(POSIXTimeZone(string))
        var generator = SplitMix64(state: UInt64(string.utf8.count))
        var queries = (0..<300).map { _ in
            (key: string, time: Int64.random(in: utc(1971, 1, 1)..<utc(2099, 1, 1), using: &generator))
        }
        var t = utc(1971, 1, 1)
        while let next = tz.nextTransition(after: t), next < utc(2099, 1, 1) {
            queries += [(string, next - 1), (string, next)]
            t = next
        }
        let expected = try expectations(for: queries, posix: true)
        #expect(expected.count == queries.count)
        for e in expected {
            let got = tz.localTimeType(at: e.time)
            #expect(got.utcOffset == e.utcOffset, "\(string) at \(e.time)")
            #expect(got.isDaylightSavingTime == e.isDaylightSavingTime, "\(string) at \(e.time)")
            #expect(got.abbreviation == e.abbreviation, "\(string) at \(e.time)")
        }
    }

    @Test("RFC 8536's example of daylight-saving time all year has no transitions and is always EDT")
    func allYearDaylight() throws {
        let tz = try #require(POSIXTimeZone("EST5EDT4,0/0,J365/25"))
        for year in 1970...2100 {
            #expect(tz.nextTransition(after: utc(year, 6, 1)) == nil)
            for t in [utc(year, 1, 1), utc(year, 1, 1, 4, 59), utc(year, 1, 1, 5), utc(year, 12, 31, 23)] {
                #expect(tz.localTimeType(at: t).abbreviation == "EDT", "\(t)")
            }
        }
    }

    @Test("An end pushed into the next calendar year keeps daylight-saving time until then")
    func endInNextYear() throws {
        // Ends on the last Saturday of December at 33:00 local, i.e. 09:00 the following Monday.
        let tz = try #require(POSIXTimeZone("HST10HDT,M3.1.0/-10,M12.5.6/33"))
        // The last Saturday of 2022 is December 31 (checked with Foundation's calendar below), so 2022's
        // daylight-saving time ends on 2023-01-01 at 09:00 HDT (UTC-9), which is 18:00 UTC.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        #expect(calendar.component(.weekday, from: Date(timeIntervalSince1970: TimeInterval(utc(2022, 12, 31)))) == 7)
        let end = utc(2023, 1, 1, 18)
        #expect(tz.nextTransition(after: utc(2022, 12, 1)) == end)
        #expect(tz.localTimeType(at: end - 1).abbreviation == "HDT")
        #expect(tz.localTimeType(at: end).abbreviation == "HST")
    }

    @Test("Extreme instants neither trap nor loop")
    func extremes() throws {
        let tz = try #require(POSIXTimeZone("CET-1CEST,M3.5.0,M10.5.0/3"))
        for t in [Int64.min, Int64.min + 1, -(1 << 50), 1 << 50, Int64.max - 1, Int64.max] {
            _ = tz.localTimeType(at: t)
            _ = tz.nextTransition(after: t)
        }
        #expect(tz.nextTransition(after: Int64.max) == nil)
    }
}
