import Foundation
import Testing

@testable import ICalendar

@Suite("Write, read back, compare")
struct RoundTripTests {
    /// For random instants in the span: local time + the written VTIMEZONE, read back, gives the same instant.
    @Test(
        "Local time and VTIMEZONE read back as the tz database's instant",
        arguments: [
            ("Europe/Paris", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"),
            ("Africa/Casablanca", "2025-06-01T00:00:00Z", "2026-09-19T00:00:00Z"),
            ("Africa/Kigali", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"),
            ("America/New_York", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"),
            ("Australia/Lord_Howe", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"),
            ("Asia/Kolkata", "2026-01-01T00:00:00Z", "2026-03-01T00:00:00Z"),
        ])
    func instantsSurvive(zoneID: String, from: String, to: String) throws {
        let zone = TestDates.zone(zoneID)
        let (start, end) = (TestDates.utc(from), TestDates.utc(to))
        var generator = SeededGenerator(seed: UInt64(truncatingIfNeeded: zoneID.utf8.reduce(7) { $0 &* 31 &+ Int($1) }))
        var instants = (0..<2000).map { _ in
            start.addingTimeInterval(
                TimeInterval(
                    Int.random(
                        in: 0...Int(end.timeIntervalSince(start)),
                        using: &generator)))
        }
        // Around every transition, too, where mistakes live.
        for transition in VTimeZone.transitions(in: zone, from: start, to: end) {
            for delta in [-3601, -3600, -1, 0, 1, 3599, 3600, 7200] {
                instants.append(transition.instant.addingTimeInterval(TimeInterval(delta)))
            }
        }
        let events = instants.enumerated().map { index, instant in
            Component("VEVENT", properties: [.uid("rt-\(index)"), .dtstart(instant, in: zone)])
        }
        let calendar = Component.calendar(
            productID: "-//Baraza//Round trip//EN",
            components: [VTimeZone.component(for: zone, from: start, to: end)] + events)
        let read = try ICalendarReader.parse(ICalendarWriter.data(calendar))
        let resolver = try DateTimeResolver(calendar: read)
        let readEvents = read.components(named: "VEVENT")
        try #require(readEvents.count == instants.count)
        for (instant, event) in zip(instants, readEvents) {
            let back = try resolver.instant(of: try #require(event.property("DTSTART")))
            if back == instant { continue }
            // A wall-clock time repeated by a backward change reads as its first occurrence (RFC 5545).
            #expect(
                back < instant && LocalDateTime(back, in: zone) == LocalDateTime(instant, in: zone),
                "\(zoneID): \(instant) came back as \(back)")
        }
    }

    @Test("Times skipped by a forward change use the offset before it")
    func skippedHour() throws {
        let zone = TestDates.zone("Europe/Paris")
        let vtimezone = VTimeZone.component(
            for: zone, from: TestDates.utc("2026-03-01T00:00:00Z"),
            to: TestDates.utc("2026-04-01T00:00:00Z"))
        let rules = try VTimeZoneRules(vtimezone)
        // 02:30 on 2026-03-29 does not exist in Paris; read with +01 it is 01:30Z.
        let skipped = LocalDateTime(year: 2026, month: 3, day: 29, hour: 2, minute: 30)
        #expect(rules.instant(for: skipped) == TestDates.utc("2026-03-29T01:30:00Z"))
        #expect(rules.offset(at: TestDates.utc("2026-03-29T01:00:00Z")) == 7200)
        #expect(rules.offset(at: TestDates.utc("2026-03-29T00:59:59Z")) == 3600)
    }

    @Test(
        "TEXT, parameters and durations read back as written",
        arguments: [
            "Plain",
            "Virgules, points-virgules; barres \\ obliques",
            "Deux lignes\nTwo lines\r\nTrois",
            "الجلسة الافتتاحية: كلمة الترحيب، ثم النقاش",
            "Café crème 😀👩🏽‍💻 " + String(repeating: "é", count: 80),
        ])
    func textSurvives(text: String) throws {
        let cn = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
        let event = Component(
            "VEVENT",
            properties: [
                .description(text),
                .calendarAddress("ATTENDEE", email: "x@example.org", commonName: cn),
                .trigger(ICalDuration(minutes: 15, negative: true)),
            ])
        let read = try ICalendarReader.parse(ICalendarWriter.string(event))
        let expected = text.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(read.property("DESCRIPTION")?.textValue == expected)
        #expect(read.property("ATTENDEE")?.parameter("CN") == cn)
        #expect(
            read.property("TRIGGER").flatMap { ICalDuration(iCalendarText: $0.value) }
                == ICalDuration(exactSeconds: -900))
        #expect(read == event)
    }

    @Test(
        "The reader reports where the text is wrong",
        arguments: [
            (
                "BEGIN:VCALENDAR\r\nEND:VEVENT\r\n",
                ICalendarReadError.mismatchedEnd(line: 2, expected: "VCALENDAR", found: "VEVENT")
            ),
            (
                "BEGIN:VCALENDAR\r\nSUMMARY\r\nEND:VCALENDAR\r\n",
                .malformedLine(line: 2, expected: "':' before the value")
            ),
            (
                "BEGIN:VCALENDAR\r\nX;CN=\"open:x\r\nEND:VCALENDAR\r\n",
                .malformedLine(line: 2, expected: "a closing DQUOTE in CN")
            ),
            ("BEGIN:VCALENDAR\r\n", .unclosed(line: 1, component: "VCALENDAR")),
            ("", .topLevelComponents(count: 0)),
        ])
    func readErrors(text: String, error: ICalendarReadError) {
        #expect(throws: error) { try ICalendarReader.parse(text) }
    }

    @Test("A TZID without VTIMEZONE is an error, not a guess")
    func unknownZone() throws {
        let calendar = Component.calendar(
            productID: "x",
            components: [
                Component(
                    "VEVENT",
                    properties: [.dtstart(TestDates.utc("2026-01-01T00:00:00Z"), in: TestDates.zone("Africa/Kigali"))])
            ])
        let read = try ICalendarReader.parse(ICalendarWriter.string(calendar))
        let start = try #require(read.components(named: "VEVENT").first?.property("DTSTART"))
        #expect(throws: ICalendarReadError.unknownTimeZone(tzid: "Africa/Kigali")) {
            try DateTimeResolver(calendar: read).instant(of: start)
        }
    }

    @Test("The reader unfolds tab continuations, accepts bare LF and keeps multi-valued parameters")
    func lenientInput() throws {
        let text =
            "BEGIN:VEVENT\nSUMMARY:Hal\r\n\tf and\r\n  half\nATTENDEE;MEMBER=\"mailto:a@x.org\",\"mailto:b@x.org\";"
            + "CN=Ana:mailto:c@x.org\r\nEND:VEVENT\n"
        let event = try ICalendarReader.parse(text)
        #expect(event.property("SUMMARY")?.textValue == "Half and half")
        #expect(event.property("ATTENDEE")?.parameter("MEMBER") == "mailto:a@x.org,mailto:b@x.org")
        #expect(event.property("ATTENDEE")?.parameter("cn") == "Ana")
        #expect(event.property("ATTENDEE")?.value == "mailto:c@x.org")
    }

    @Test("The golden calendar reads back into the tree that wrote it")
    func goldenReadsBack() throws {
        let calendar = SampleCalendars.small
        #expect(try ICalendarReader.parse(ICalendarWriter.data(calendar)) == calendar)
        let sample = SampleCalendars.validatorSample
        #expect(try ICalendarReader.parse(ICalendarWriter.data(sample)) == sample)
    }
}
