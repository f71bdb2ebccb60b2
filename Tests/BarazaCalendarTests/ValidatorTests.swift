import BarazaCalendar
import BarazaOutput
import Foundation
import Testing

// One ics-check run for everything: started from the test process, a second concurrent run was seen to hang
// in ics-check's forked libical child.
@Suite("ics-check passes every exported file", .serialized)
struct ValidatorTests {
    @Test(
        "Calendars, invitations, updates and cancellations (.ics and .eml) of both samples pass ics-check",
        .enabled(
            if: ICSCheck.isRunnable, "ics-check or its readers are not installed; see ../shared/tools/ics-check.md"))
    func samplesPass() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        var count = 0
        for sample in [Samples.kigali, Samples.reflection] {
            let workspace = try Samples.load(try scratch.copyOfSample(sample))
            let context = ExportContext(directory: scratch.path("out/\(sample)"))
            count += try CalendarExporter(systemTimeZoneDirectory: "/usr/share/zoneinfo").export(
                workspace, context: context
            ).files.count
            count += try InvitationExporter(systemTimeZoneDirectory: "/usr/share/zoneinfo").export(
                workspace, context: context
            ).files.count
        }
        // An update run after a change: requests with SEQUENCE 1 and cancellations.
        let cycle = try Scratch()
        defer { cycle.cleanUp() }
        let path = try UpdateCycle.publishAndChange(in: cycle)
        let updates = try InvitationExporter().export(
            try Samples.load(path), context: ExportContext(directory: scratch.path("out/updates")))
        #expect(updates.files.contains { $0.hasSuffix("hybrid-secretariat.eml") })
        count += updates.files.count
        #expect(count > 100)
        let result = try ICSCheck.run(["-j", "2", scratch.path("out")])
        #expect(result.status == 0, "ics-check failed:\n\(result.output.suffix(4000))")
        #expect(result.output.contains("ics-check: \(count) passed, 0 failed"), "\(result.output.suffix(2000))")
    }
}
