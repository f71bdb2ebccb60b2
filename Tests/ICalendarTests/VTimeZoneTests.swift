import Foundation
import Testing

@testable import ICalendar

@Suite("VTIMEZONE from the tz database")
struct VTimeZoneTests {
    static func text(_ zone: String, _ from: String, _ to: String) -> String {
        ICalendarWriter.string(
            VTimeZone.component(
                for: TestDates.zone(zone), from: TestDates.utc(from),
                to: TestDates.utc(to)))
    }

    static func observance(_ kind: String, _ start: String, _ from: String, _ to: String, _ name: String) -> String {
        "BEGIN:\(kind)\r\nDTSTART:\(start)\r\nTZOFFSETFROM:\(from)\r\nTZOFFSETTO:\(to)\r\nTZNAME:\(name)\r\nEND:\(kind)\r\n"
    }

    @Test("Europe/Paris around the last Sunday of October 2026")
    func paris() {
        // The summer observance in force at `from` starts on 2026-03-29; DTSTARTs are local times before the change.
        #expect(
            Self.text("Europe/Paris", "2026-10-20T00:00:00Z", "2026-10-30T00:00:00Z")
                == "BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n"
                + Self.observance("DAYLIGHT", "20260329T020000", "+0100", "+0200", "+02")
                + Self.observance("STANDARD", "20261025T030000", "+0200", "+0100", "+01")
                + "END:VTIMEZONE\r\n")
    }

    @Test("Africa/Casablanca across Ramadan 2026 (+01 -> +00 -> +01)")
    func casablanca() {
        // Foundation on Linux flags +01 as daylight time and +00 as standard: classification follows it.
        #expect(
            Self.text("Africa/Casablanca", "2026-02-01T00:00:00Z", "2026-04-01T00:00:00Z")
                == "BEGIN:VTIMEZONE\r\nTZID:Africa/Casablanca\r\n"
                + Self.observance("DAYLIGHT", "20250406T020000", "+0000", "+0100", "+01")
                + Self.observance("STANDARD", "20260215T030000", "+0100", "+0000", "+00")
                + Self.observance("DAYLIGHT", "20260322T020000", "+0000", "+0100", "+01")
                + "END:VTIMEZONE\r\n")
    }

    @Test("Africa/Kigali has no transition: one STANDARD block from 1970")
    func kigali() {
        #expect(
            Self.text("Africa/Kigali", "2026-01-01T00:00:00Z", "2027-12-31T00:00:00Z")
                == "BEGIN:VTIMEZONE\r\nTZID:Africa/Kigali\r\n"
                + Self.observance("STANDARD", "19700101T000000", "+0200", "+0200", "+02")
                + "END:VTIMEZONE\r\n")
    }

    @Test("A span without transitions in summer gets one DAYLIGHT block, as the zone flags it")
    func summerSpan() {
        let instant = "2026-07-01T12:00:00Z"
        #expect(
            Self.text("Europe/Paris", instant, instant)
                == "BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n"
                + Self.observance("DAYLIGHT", "19700101T000000", "+0200", "+0200", "+02")
                + "END:VTIMEZONE\r\n")
    }

    @Test(
        "Foundation's transitions and the offset scan agree",
        arguments: [
            ("Europe/Paris", "2025-01-01T00:00:00Z", "2027-12-31T00:00:00Z", 6),
            ("Africa/Casablanca", "2024-01-01T00:00:00Z", "2026-09-19T00:00:00Z", 6),
            ("Africa/Kigali", "2020-01-01T00:00:00Z", "2030-01-01T00:00:00Z", 0),
            ("America/New_York", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z", 2),
            ("Australia/Lord_Howe", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z", 2),
            ("Europe/Volgograd", "2018-01-01T00:00:00Z", "2021-06-01T00:00:00Z", 2),
        ])
    func searchesAgree(zone: String, from: String, to: String, count: Int) {
        let search = TransitionSearch(zone: TestDates.zone(zone))
        let (first, last) = (wholeSecond(TestDates.utc(from)), wholeSecond(TestDates.utc(to)))
        let foundation = search.reportedByDatabase(first, last)
        let scanned = search.foundByScanning(first, last)
        #expect(foundation == scanned)
        #expect(search.transitions(after: TestDates.utc(from), through: TestDates.utc(to)).count == count)
    }

    @Test("Each transition changes the offset exactly at its instant")
    func transitionsAreExact() {
        let zone = TestDates.zone("Africa/Casablanca")
        for transition in VTimeZone.transitions(
            in: zone, from: TestDates.utc("2026-01-01T00:00:00Z"),
            to: TestDates.utc("2026-09-19T00:00:00Z"))
        {
            #expect(zone.secondsFromGMT(for: transition.instant.addingTimeInterval(-1)) == transition.offsetBefore)
            #expect(zone.secondsFromGMT(for: transition.instant) == transition.offsetAfter)
            #expect(transition.offsetBefore != transition.offsetAfter)
        }
    }
}
