import BarazaTestSupport
import Foundation
import Testing

/// The real `baraza` binary on the sample workspace.
@Suite struct AgendaCommandLineTests {
    @Test func exportAgendaAndScheduleXML() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        for kind in ["agenda", "schedule-xml"] {
            let run = try runBaraza(["export", kind, "events/final-kigali-2027", "--out", out.path])
            #expect(run.exitCode == 0, "\(run.stderr)")
        }
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("agenda/index.html").path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("schedule.xml").path))
    }

    @Test func calendarOptionLinksTheNamedFiles() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try runBaraza([
            "export", "agenda", "events/final-kigali-2027", "--out", out.path, "--calendar", "calendars/event.ics",
        ])
        #expect(run.exitCode == 0)
        let html = try String(contentsOf: out.appendingPathComponent("agenda/index.html"), encoding: .utf8)
        #expect(html.contains(#"href="../calendars/event.ics""#))
        #expect(!run.stdout.contains("no calendar files"))
    }

    @Test func unreadableWorkspaceExitsWithStatus2() throws {
        let run = try runBaraza(["export", "schedule-xml", "events/does-not-exist", "--out", "/tmp/never"])
        #expect(run.exitCode == 2)
    }

    @Test func helpHasExamples() throws {
        for kind in ["agenda", "schedule-xml"] {
            let run = try runBaraza(["export", kind, "--help"])
            #expect(run.stdout.contains("Examples:"))
        }
    }
}
