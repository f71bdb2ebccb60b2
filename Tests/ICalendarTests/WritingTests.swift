import Foundation
import Testing

@testable import ICalendar

@Suite("Writing content lines")
struct WritingTests {
    /// Physical lines of serialized text as octets, without their CRLF (octets, not `Character`s: a fold
    /// space followed by a combining scalar would otherwise merge into one grapheme).
    static func physicalLines(_ text: String) -> [[UInt8]] {
        var lines = Array(text.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { Array($0) }
        #expect(lines.last == [], "text ends with a line break")
        lines.removeLast()
        for line in lines { #expect(line.last == UInt8(ascii: "\r"), "every line ends in CRLF") }
        return lines.map { Array($0.dropLast()) }
    }

    static func line(_ property: Property) -> String {
        var text = ""
        ICalendarWriter.write(property, to: &text)
        return text
    }

    @Test("Short lines are not folded and end in CRLF")
    func shortLine() {
        #expect(Self.line(.summary("Opening plenary")) == "SUMMARY:Opening plenary\r\n")
    }

    // Each filler puts the multi-octet character so that it would straddle octet 75 of the first line.
    @Test(
        "Folding at 75 octets never splits a UTF-8 sequence",
        arguments: [
            ("é", 2), ("ع", 2), ("€", 3), ("😀", 4), ("👩🏽‍💻", 4),
        ])
    func foldsOnScalarBoundaries(character: String, width: Int) {
        for shift in 0..<6 {
            // "DESCRIPTION:" is 12 octets; vary the ASCII prefix so the character lands on every octet near 75.
            let prefix = String(repeating: "a", count: 75 - 12 - width + shift - 2)
            let text = prefix + String(repeating: character, count: 40)
            let serialized = Self.line(.description(text))
            let lines = Self.physicalLines(serialized)
            #expect(lines.count > 1)
            for (index, line) in lines.enumerated() {
                #expect(line.count <= 75, "line \(index) is \(line.count) octets")
                #expect(String(validating: line, as: UTF8.self) != nil, "line \(index) is whole UTF-8")
                if index > 0 { #expect(line.first == UInt8(ascii: " ")) }
            }
            // Unfolding gives back the original line exactly.
            let unfolded = lines.enumerated().flatMap { $0.offset == 0 ? $0.element : Array($0.element.dropFirst()) }
            #expect(unfolded == Array(("DESCRIPTION:" + text).utf8))
        }
    }

    @Test("A line of exactly 75 octets stays on one line; 76 folds")
    func exactBoundary() {
        let seventyFive = "SUMMARY:" + String(repeating: "x", count: 67)
        #expect(
            Self.line(Property(name: "SUMMARY", rawValue: String(repeating: "x", count: 67)))
                == seventyFive + "\r\n")
        let folded = Self.line(Property(name: "SUMMARY", rawValue: String(repeating: "x", count: 68)))
        #expect(folded == seventyFive + "\r\n x\r\n")
        // A two-octet character that would end at octet 76 moves to the next line whole.
        let accent = Self.line(Property(name: "SUMMARY", rawValue: String(repeating: "x", count: 66) + "é"))
        #expect(accent == "SUMMARY:" + String(repeating: "x", count: 66) + "\r\n é\r\n")
    }

    @Test("Continuation lines count their leading space: at most 74 octets of content")
    func continuationWidth() {
        let lines = Self.physicalLines(Self.line(Property(name: "X-A", rawValue: String(repeating: "y", count: 300))))
        #expect(lines.map(\.count) == [75, 75, 75, 75, 8])  // 4 + 300 octets = 75 + 3 × 74 + 7
    }

    @Test(
        "TEXT escaping",
        arguments: [
            ("a,b;c\\d", "a\\,b\\;c\\\\d"),
            ("line one\nline two", "line one\\nline two"),
            ("windows\r\nbreak", "windows\\nbreak"),
            ("old mac\rbreak", "old mac\\nbreak"),
            ("tab\tkept, bell\u{07}dropped", "tab\tkept\\, belldropped"),
            ("Kigali: salle « Akagera »", "Kigali: salle « Akagera »"),
        ])
    func textEscaping(input: String, expected: String) {
        #expect(Property.text("COMMENT", input).value == expected)
        #expect(
            Property.text("COMMENT", input).textValue
                == input.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
                .replacingOccurrences(of: "\u{07}", with: ""))
    }

    @Test(
        "Parameter values are quoted when needed; DQUOTE is replaced",
        arguments: [
            ("Amina Uwase", "CN=Amina Uwase"),
            ("Uwase, Amina", "CN=\"Uwase, Amina\""),
            ("a:b", "CN=\"a:b\""),
            ("a;b", "CN=\"a;b\""),
            ("Hélène Dubois", "CN=\"Hélène Dubois\""),
            ("محمد العلوي", "CN=\"محمد العلوي\""),
            ("The \"Boss\"", "CN=The 'Boss'"),
            ("Say \"hi\", please", "CN=\"Say 'hi', please\""),
        ])
    func parameterQuoting(value: String, expected: String) {
        let line = Self.line(.calendarAddress("ATTENDEE", email: "a@example.org", commonName: value))
        #expect(line == "ATTENDEE;" + expected + ":mailto:a@example.org\r\n")
    }

    @Test("DATE-TIME in UTC and with TZID, and DATE")
    func dateTimes() throws {
        let instant = Date(timeIntervalSince1970: 1_795_597_200)  // 2026-11-25T09:00:00Z
        #expect(Self.line(.dtstart(instant)) == "DTSTART:20261125T090000Z\r\n")
        #expect(Self.line(.dtstart(instant, in: TimeZone(identifier: "UTC")!)) == "DTSTART:20261125T090000Z\r\n")
        let kigali = try #require(TimeZone(identifier: "Africa/Kigali"))
        #expect(Self.line(.dtstart(instant, in: kigali)) == "DTSTART;TZID=Africa/Kigali:20261125T110000\r\n")
        #expect(
            Self.line(.date("DTSTART", CalendarDate(year: 2026, month: 11, day: 25)))
                == "DTSTART;VALUE=DATE:20261125\r\n")
        let before1970 = Date(timeIntervalSince1970: -1)
        #expect(Self.line(.dtstamp(before1970)) == "DTSTAMP:19691231T235959Z\r\n")
    }

    @Test(
        "DURATION values",
        arguments: [
            (ICalDuration(hours: 1, minutes: 30), "PT1H30M"),
            (ICalDuration(minutes: 90), "PT1H30M"),
            (ICalDuration(days: 1), "P1D"),
            (ICalDuration(minutes: 15, negative: true), "-PT15M"),
            (ICalDuration(exactSeconds: -900), "-PT15M"),
            (ICalDuration(exactSeconds: 3605), "PT1H0M5S"),
            (ICalDuration(exactSeconds: 86_400), "PT24H"),
            (ICalDuration(days: 2, hours: 3), "P2DT3H"),
            (ICalDuration(seconds: 45), "PT45S"),
            (ICalDuration(), "PT0S"),
            (ICalDuration.weeks(2), "P2W"),
        ])
    func durations(duration: ICalDuration, expected: String) {
        #expect(duration.iCalendarText == expected)
        #expect(ICalDuration(iCalendarText: expected) == duration)
    }

    @Test("Malformed durations are rejected", arguments: ["", "P", "PT", "1H", "PT1H5S1M", "P1W2D", "PT1D", "P1H"])
    func badDurations(text: String) {
        #expect(ICalDuration(iCalendarText: text) == nil)
    }

    @Test("URI values are written as given")
    func uri() throws {
        let url = try #require(URL(string: "https://example.org/agenda?day=1&room=a"))
        #expect(Self.line(.url(url)) == "URL:https://example.org/agenda?day=1&room=a\r\n")
    }

    @Test("UTC offsets")
    func offsets() {
        #expect(UTCOffset.text(seconds: 3600) == "+0100")
        #expect(UTCOffset.text(seconds: 0) == "+0000")
        #expect(UTCOffset.text(seconds: -12_600) == "-0330")
        #expect(UTCOffset.text(seconds: 19_828) == "+053028")
        #expect(UTCOffset.seconds(text: "-0330") == -12_600)
        #expect(UTCOffset.seconds(text: "-0000") == nil)
    }

    @Test("Streaming gives the same octets as writing the tree")
    func streamingMatchesTree() {
        let events = (0..<50).map { n in
            Component("VEVENT", properties: [.uid("e\(n)@baraza"), .summary("Session \(n), salle B; étage 2")])
        }
        let header = Component.calendar(productID: "-//Baraza//Test//EN")
        var tree = header
        tree.components = events
        var stream = CalendarStreamWriter(output: UTF8DataOutput())
        stream.begin(header)
        for event in events { stream.append(event) }
        stream.finish()
        #expect(stream.output.data == ICalendarWriter.data(tree))
        #expect(String(decoding: stream.output.data, as: UTF8.self) == ICalendarWriter.string(tree))
    }
}

@Suite("Streaming")
struct StreamingTests {
    @Test("Ten thousand events stream through a sink that keeps nothing")
    func manyEvents() {
        let zone = TestDates.zone("Europe/Paris")
        let first = TestDates.utc("2026-10-01T07:00:00Z")
        let last = first.addingTimeInterval(10_000 * 1800)
        var stream = CalendarStreamWriter(output: LineCheckingOutput())
        stream.begin(
            .calendar(
                productID: "-//Baraza//Stream//EN",
                components: [VTimeZone.component(for: zone, from: first, to: last)]))
        for n in 0..<10_000 {
            let start = first.addingTimeInterval(TimeInterval(n * 1800))
            stream.append(
                Component(
                    "VEVENT",
                    properties: [
                        .uid("s\(n)@baraza.example"), .dtstamp(first),
                        .dtstart(start, in: zone), .dtend(start.addingTimeInterval(1500), in: zone),
                        .summary("Session \(n): « Logistique » — الجلسة \(n)"),
                        .description(String(repeating: "Détails, horaires; salle \(n). ", count: 4)),
                    ]))
        }
        stream.finish()
        #expect(stream.output.bareLineFeeds == 0)
        #expect(stream.output.longestLine <= 75)
        #expect(stream.output.lines == 10_000 * 9 + 26)  // 9 lines per event; header, VTIMEZONE, END
    }
}
