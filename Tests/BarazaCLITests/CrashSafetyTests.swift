import BarazaTestSupport
import Foundation
import Testing

/// An import is all or nothing, even under `kill -9` (issue 12, item 4). The commit code's test hook
/// (`BARAZA_TEST_KILL_AFTER_STEP=N`) makes a real `baraza` process kill itself with SIGKILL right after step N of
/// its transaction; the test does so at every step, from the lock taken to the last clean-up, then lets `baraza
/// check` open the workspace (which completes or drops the interrupted change) and compares the workspace, byte
/// for byte, with the one before and the one after an uninterrupted run.
struct CrashSafetyTests {
    /// One kind of change and the workspace it starts from.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        /// The command, given the scratch tree (the workspace is `events/ws` in its root).
        let command: @Sendable (ScratchWorkspace) throws -> [String]
        /// Prepares the workspace before the change.
        let prepare: @Sendable (ScratchWorkspace) throws -> Void
        /// The fewest steps the commit takes (a test that reached fewer would test less than it says).
        let minimumSteps: Int

        var testDescription: String { name }
    }

    static let schedule = packageRoot.appendingPathComponent(
        "Tests/BarazaImportTests/Fixtures/schedules/mini.schedule.xml"
    ).path

    static let cases: [Case] = [
        Case(
            name: "import registrations",
            command: { ["import", "registrations", try $0.export("export.xml", count: 200), "--into", "events/ws"] },
            prepare: { _ in }, minimumSteps: 18),
        Case(
            name: "import registrations over an earlier import",
            command: {
                ["import", "registrations", try $0.export("export.xml", first: 100, count: 200), "--into", "events/ws"]
            },
            prepare: { scratch in
                let earlier = try scratch.export("earlier.xml", count: 150)
                let run = try scratch.run(["import", "registrations", earlier, "--into", "events/ws"])
                guard run.exitCode == 0 else { throw CocoaError(.fileWriteUnknown) }
            }, minimumSteps: 15),
        Case(
            name: "import schedule",
            command: { _ in ["import", "schedule", schedule, "--into", "events/ws"] },
            prepare: { scratch in
                // The schedule brings its own venue and sessions: start from an event with none.
                try scratch.write(
                    ScratchWorkspace.eventYAML.replacingOccurrences(
                        of: "include:\n  - venues.yaml\n  - sessions.yaml\n", with: ""),
                    at: "event.yaml")
            }, minimumSteps: 15),
        Case(
            name: "init --from-schedule into an existing folder",
            command: { _ in ["init", "events/ws", "--from-schedule", schedule] },
            prepare: { scratch in
                for name in try FileManager.default.contentsOfDirectory(atPath: scratch.workspace) {
                    try FileManager.default.removeItem(atPath: scratch.workspace + "/" + name)
                }
            }, minimumSteps: 15),
    ]

    @Test(arguments: cases)
    func aChangeKilledAtEveryStepLeavesTheWorkspaceExactlyBeforeOrAfter(_ change: Case) throws {
        let scratch = try ScratchWorkspace()
        try change.prepare(scratch)
        let command = try change.command(scratch)
        let pristine = scratch.root.appendingPathComponent("pristine").path
        try FileManager.default.copyItem(atPath: scratch.workspace, toPath: pristine)
        func reset() throws {
            try FileManager.default.removeItem(atPath: scratch.workspace)
            try FileManager.default.copyItem(atPath: pristine, toPath: scratch.workspace)
        }
        let before = scratch.workspaceSnapshot
        let checkBefore = try scratch.run(["check", "events/ws"])
        let done = try scratch.run(command)
        #expect(done.exitCode == 0, "\(done.stderr)")
        let after = scratch.workspaceSnapshot
        #expect(after != before)
        let checkAfter = try scratch.run(["check", "events/ws"])
        #expect(checkAfter.exitCode != 2, "\(checkAfter.stderr)")

        var outcomes: [String] = []
        var step = 1
        while step < 200 {
            try reset()
            let killed = try scratch.run(command, environment: ["BARAZA_TEST_KILL_AFTER_STEP": String(step)])
            if killed.signal == nil {
                // Past the last step: the run completed as the uninterrupted one did.
                #expect(killed.exitCode == 0, "\(killed.stderr)")
                #expect(scratch.workspaceSnapshot == after)
                break
            }
            #expect(killed.signal == SIGKILL, "step \(step): \(killed.stderr)")
            // The next command to open the workspace completes or drops the change; what it then reports is what
            // it reports on the workspace before or after.
            let check = try scratch.run(["check", "events/ws"])
            let state = scratch.workspaceSnapshot
            if state == before {
                outcomes.append("before")
                #expect(check.stdout == checkBefore.stdout && check.exitCode == checkBefore.exitCode)
            } else if state == after {
                outcomes.append("after")
                #expect(check.stdout == checkAfter.stdout && check.exitCode == checkAfter.exitCode)
            } else {
                outcomes.append("neither")
                let extra = state.keys.filter { state[$0] != before[$0] && state[$0] != after[$0] }.sorted()
                Issue.record("killed after step \(step): the workspace is neither before nor after: \(extra)")
            }
            step += 1
        }
        let killPoints = outcomes.count
        #expect(killPoints >= change.minimumSteps, "only \(killPoints) kill points")
        // Early kills leave it as it was, late ones as it will be: both sides of the commit point were hit.
        #expect(outcomes.first == "before" && outcomes.last == "after", "\(outcomes)")
        #expect(!outcomes.contains("neither"))
        // Once after, always after: the commit point is one step.
        #expect(outcomes.drop { $0 == "before" }.allSatisfy { $0 == "after" }, "\(outcomes)")
        print(
            "\(change.name): \(killPoints) kill points, \(outcomes.filter { $0 == "before" }.count) before, "
                + "\(outcomes.filter { $0 == "after" }.count) after")
    }
}
