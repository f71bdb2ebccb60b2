import Foundation
import Testing

@testable import ICalendar

@Suite("Independent validator")
struct ValidatorTests {
    @Test(
        "ics-check passes the sample calendars",
        .enabled(
            if: ICSCheck.isRunnable,
            "ics-check or its readers are not installed; see ../shared/tools/ics-check.md"))
    func icsCheckPasses() throws {
        // ICS_KEEP_DIR=/some/dir keeps the files for a look; otherwise they go to a scratch directory.
        let kept = ProcessInfo.processInfo.environment["ICS_KEEP_DIR"].map { URL(fileURLWithPath: $0) }
        let directory =
            kept
            ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("baraza-ics-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { if kept == nil { try? FileManager.default.removeItem(at: directory) } }
        try ICalendarWriter.data(SampleCalendars.validatorSample)
            .write(to: directory.appendingPathComponent("validator-sample.ics"))
        try ICalendarWriter.data(SampleCalendars.small).write(to: directory.appendingPathComponent("small.ics"))
        var stream = CalendarStreamWriter(output: UTF8DataOutput())
        var header = SampleCalendars.validatorSample
        let events = header.components(named: "VEVENT")
        header.components.removeAll { $0.name == "VEVENT" }
        stream.begin(header)
        for event in events { stream.append(event) }
        stream.finish()
        try stream.output.data.write(to: directory.appendingPathComponent("streamed.ics"))

        let result = try ICSCheck.run([directory.path])
        #expect(result.status == 0, "ics-check failed:\n\(result.output)")
        #expect(result.output.contains("ics-check: 3 passed, 0 failed"), "\(result.output)")
    }
}
