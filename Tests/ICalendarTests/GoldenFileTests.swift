import Foundation
import Testing

@testable import ICalendar

/// Byte-for-byte comparison with `Fixtures/small-calendar.ics`.
///
/// To regenerate after an intended change: `RECORD_GOLDEN=1 swift test --filter GoldenFileTests`. Recording
/// rewrites the file and fails the test on purpose; review the diff, then run again without the variable.
@Suite("Golden files")
struct GoldenFileTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    @Test("The small calendar matches its golden file byte for byte")
    func smallCalendar() throws {
        let actual = ICalendarWriter.data(SampleCalendars.small)
        let url = Self.fixtures.appendingPathComponent("small-calendar.ics")
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try actual.write(to: url, options: .atomic)
            Issue.record("RECORD_GOLDEN=1: rewrote \(url.path); review the diff and run again without RECORD_GOLDEN")
            return
        }
        let expected = try Data(contentsOf: url)
        #expect(
            actual == expected, "differs from \(url.path); if intended, rerun with RECORD_GOLDEN=1 and review the diff")
    }

    @Test("Every line of the golden calendar ends in CRLF and fits in 75 octets")
    func shape() {
        let octets = Array(ICalendarWriter.data(SampleCalendars.small))
        var lineStart = 0
        for (index, byte) in octets.enumerated() where byte == UInt8(ascii: "\n") {
            #expect(index > 0 && octets[index - 1] == UInt8(ascii: "\r"), "bare LF at octet \(index)")
            #expect(index - 1 - lineStart <= 75, "line at octet \(lineStart) is too long")
            lineStart = index + 1
        }
        #expect(lineStart == octets.count, "text ends with CRLF")
    }
}
