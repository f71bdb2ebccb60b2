import BarazaTestSupport
import Foundation
import Testing

/// `baraza propose` end to end, with the built executable: files written, exit codes, byte-identical reruns,
/// accepting with --apply, re-proposing with --keep-placed, explanations, bad input.
struct CommandLineTests {
    static let unplaced = ["ws-flood-mapping", "ws-informal-transport", "ws-waste-value", "panel-municipal-finance"]
    /// A budget that keeps the suite quick; the default budget is the benchmark's business.
    static let effort = ["--effort", "30000"]

    func copy(_ name: String) throws -> (URL, URL) {
        let folder = try scratchFolder(name)
        let workspace = try sampleWithUnplacedSessions("final-kigali-2027", unplaced: Self.unplaced, into: folder)
        return (folder, workspace)
    }

    @Test func aProposalIsWrittenReviewedThenAppliedAndTheChecksPass() throws {
        let (folder, ws) = try copy("apply")
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try runBaraza(["check", ws.path])
        #expect(before.exitCode == 0)
        #expect(before.stdout.contains("session-not-placed (4 warnings)"))

        let run = try runBaraza(["propose", ws.path, "--alone"] + Self.effort)
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Placed 4 of 4 sessions in final-kigali-2027 (seed 1, 30000 moves)\n"))
        #expect(run.stdout.contains("hard violations: 0"))
        #expect(run.stdout.contains("Wrote \(ws.path)/proposed.yaml"))
        // Nothing includes the draft: the workspace is unchanged until it is accepted.
        let draft = try String(contentsOf: ws.appendingPathComponent("proposed.yaml"), encoding: .utf8)
        #expect(draft.contains("placements:\n"))
        #expect(try runBaraza(["check", ws.path]).stdout.contains("session-not-placed (4 warnings)"))
        #expect(run.stderr.isEmpty, "no progress line when standard error is not a terminal")

        let apply = try runBaraza(["propose", ws.path, "--apply", "--alone"] + Self.effort)
        #expect(apply.exitCode == 0, "\(apply.stderr)")
        #expect(
            apply.stdout.contains("Changes from the previous proposal: 0 moved, 0 newly placed, 0 no longer placed"))
        let event = try String(contentsOf: ws.appendingPathComponent("event.yaml"), encoding: .utf8)
        #expect(event.contains("  - logistics.yaml\n  - placements.yaml\n"))
        let after = try runBaraza(["check", ws.path])
        #expect(after.exitCode == 0, "\(after.stdout)")
        #expect(after.stdout.hasPrefix("No findings: 0 errors, 0 warnings"), "\(after.stdout)")
        // Applying again keeps one include.
        _ = try runBaraza(["propose", ws.path, "--apply", "--alone"] + Self.effort)
        let again = try String(contentsOf: ws.appendingPathComponent("event.yaml"), encoding: .utf8)
        #expect(again.components(separatedBy: "placements.yaml").count == 2)
    }

    @Test func theSameSeedGivesByteIdenticalOutputAndAnotherSeedIsAccepted() throws {
        let (folder, ws) = try copy("seed")
        defer { try? FileManager.default.removeItem(at: folder) }
        let draft = ws.appendingPathComponent("proposed.yaml")
        let first = try runBaraza(["propose", ws.path, "--seed", "7", "--alone"] + Self.effort)
        let firstFile = try Data(contentsOf: draft)
        try FileManager.default.removeItem(at: draft)
        let second = try runBaraza(["propose", ws.path, "--seed", "7", "--alone"] + Self.effort)
        #expect(first.stdout == second.stdout)
        #expect(try Data(contentsOf: draft) == firstFile)
        let other = try runBaraza(["propose", ws.path, "--seed", "8", "--alone"] + Self.effort)
        #expect(other.exitCode == 0)
        #expect(other.stdout.contains("(seed 8, 30000 moves)"))
    }

    @Test func reproposingAfterAFlightMovesWithKeepPlacedMovesFewSessions() throws {
        let (folder, ws) = try copy("keep")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try runBaraza(["propose", ws.path, "--apply", "--alone"] + Self.effort).exitCode == 0)
        // A speaker of one placed session can now come only on another day than the one it was placed on.
        let placed = try String(contentsOf: ws.appendingPathComponent("placements.yaml"), encoding: .utf8)
        let entry = try #require(placed.split(separator: "\n").first { $0.contains("session: ws-flood-mapping,") })
        let day = ["2027-03-23", "2027-03-24", "2027-03-25"].first { !entry.contains("start: \($0)T") }!
        let people = ws.appendingPathComponent("people.yaml")
        var text = try String(contentsOf: people, encoding: .utf8)
        let marker = "  - id: senan-hounkpatin\n"
        #expect(text.contains(marker))
        text = text.replacingOccurrences(
            of: marker,
            with: marker + "    availability: [{ start: \(day)T08:00, end: \(day)T18:00, timezone: Africa/Kigali }]\n")
        try text.write(to: people, atomically: true, encoding: .utf8)
        let run = try runBaraza(["propose", ws.path, "--keep-placed", "--alone"] + Self.effort)
        #expect(run.exitCode == 0, "\(run.stdout)\(run.stderr)")
        let moved = run.stdout.split(separator: "\n").first { $0.hasPrefix("  moved: ") }
        let line = try #require(moved)
        #expect(line.hasPrefix("  moved: 1 already-placed session: ws-flood-mapping"), "\(line)")
    }

    @Test func anImpossibleProgrammeExitsOneAndSaysWhy() throws {
        let fixture = fixtures.appendingPathComponent("plenary-hall-full")
        let folder = try scratchFolder("impossible")
        defer { try? FileManager.default.removeItem(at: folder) }
        let ws = folder.appendingPathComponent("plenary-hall-full")
        try FileManager.default.copyItem(at: fixture, to: ws)
        let run = try runBaraza(["propose", ws.path, "--alone", "--apply"] + Self.effort)
        #expect(run.exitCode == 1)
        #expect(run.stdout.hasPrefix("Placed 6 of 7 sessions"))
        #expect(run.stdout.contains("Not placed (1):"))
        #expect(run.stdout.contains("[room-overloaded, proven] these 7 sessions can only use room `plenary-hall`"))
        #expect(run.stderr.contains("error: not applied: the proposal does not place every session"))
        #expect(!FileManager.default.fileExists(atPath: ws.appendingPathComponent("placements.yaml").path))
        let draft = try String(contentsOf: ws.appendingPathComponent("proposed.yaml"), encoding: .utf8)
        #expect(draft.contains("# Not placed (see why in the output of baraza propose): "))
    }

    @Test func badInputExitsTwoWithFileLineAndColumn() throws {
        let folder = try scratchFolder("bad")
        defer { try? FileManager.default.removeItem(at: folder) }
        let ws = folder.appendingPathComponent("bad")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("order-cycle"), to: ws)
        let event = ws.appendingPathComponent("event.yaml")
        var text = try String(contentsOf: event, encoding: .utf8)
        text = text.replacingOccurrences(of: "after: [egg]", with: "aftr: [egg]")
        text = text.replacingOccurrences(of: "grid_minutes: 30", with: "grid_minutes: 7")
        try text.write(to: event, atomically: true, encoding: .utf8)
        let run = try runBaraza(["propose", ws.path])
        #expect(run.exitCode == 2)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(
            lines.contains {
                $0.hasSuffix(
                    "event.yaml:9:17: error: propose.grid_minutes: `7` is not valid; expected minutes that divide a day evenly (5, 10, 15, 20, 30, 60...)"
                )
            })
        #expect(lines.contains { $0.contains("unknown key `aftr`; did you mean `after`?") })
        #expect(try runBaraza(["propose", ws.path, "--time-limit", "soon"]).exitCode == 64)
    }
}
