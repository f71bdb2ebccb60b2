import BarazaTestSupport
import Foundation
import Testing

/// `baraza init` makes a workspace that checks clean, and never overwrites one.
struct InitCommandTests {
    /// A fresh, empty temporary folder, removed afterwards by the caller.
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("baraza-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func initThenCheckIsClean() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let created = try runBaraza(["init", "events/training-2027", "--timezone", "Africa/Maputo"], in: root)
        #expect(created.exitCode == 0, "\(created.stderr)")
        #expect(created.stdout.contains("next: baraza check events/training-2027"))
        let files = try FileManager.default.contentsOfDirectory(
            atPath: root.appendingPathComponent("events/training-2027").path)
        #expect(Set(files) == ["event.yaml", "venues.yaml", "people.yaml", "sessions.yaml"])
        let event = try String(
            contentsOf: root.appendingPathComponent("events/training-2027/event.yaml"), encoding: .utf8)
        #expect(event.contains("id: training-2027"))
        #expect(event.contains("Africa/Maputo"))

        let checked = try runBaraza(["check", "events/training-2027"], in: root)
        #expect(checked.exitCode == 0, "\(checked.stdout)\(checked.stderr)")
        #expect(checked.stdout.hasPrefix("No findings"))
        #expect(checked.stdout.contains("(training-2027)"))
    }

    @Test func initRefusesAnExistingWorkspaceAndLeavesItAlone() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try runBaraza(["init", "ws"], in: root).exitCode == 0)
        let entry = root.appendingPathComponent("ws/event.yaml")
        let edited = try String(contentsOf: entry, encoding: .utf8) + "# edited by hand\n"
        try edited.write(to: entry, atomically: true, encoding: .utf8)

        let again = try runBaraza(["init", "ws"], in: root)
        #expect(again.exitCode == 2)
        #expect(again.stdout.isEmpty)
        #expect(again.stderr.hasPrefix("error: "))
        #expect(again.stderr.contains("ws"))
        #expect(try String(contentsOf: entry, encoding: .utf8) == edited)
    }

    @Test func initRejectsAZoneTheDatabaseDoesNotKnow() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        // A bad value on the command line is a usage error (64), with the nearest zone.
        let run = try runBaraza(["init", "ws", "--timezone", "Africa/Kigal"], in: root)
        #expect(run.exitCode == 64)
        #expect(
            run.stderr.hasPrefix(
                "Error: --timezone Africa/Kigal: expected an IANA time zone such as Europe/Brussels; did you mean "
                    + "Africa/Kigali?\n"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("ws/event.yaml").path))
    }
}
