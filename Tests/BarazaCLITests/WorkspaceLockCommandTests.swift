import BarazaTestSupport
import Foundation
import Testing

/// One writer at a time (issue 12, item 3), with real processes: two imports at once lose nobody, a writer waits
/// for the lock and says who holds it, gives up after the timeout with exit 2, and never waits for a killed holder.
struct WorkspaceLockCommandTests {
    /// Starts `baraza` without waiting for it; read its output with `finish`.
    final class Running: @unchecked Sendable {
        let process = Process()
        private let out = Pipe()
        private let err = Pipe()
        private var outData = Data()
        private var errData = Data()
        private let group = DispatchGroup()

        init(_ arguments: [String], in directory: URL) throws {
            process.executableURL = barazaExecutable
            process.arguments = arguments
            process.currentDirectoryURL = directory
            var environment = ProcessInfo.processInfo.environment
            environment["NO_COLOR"] = "1"
            process.environment = environment
            process.standardOutput = out
            process.standardError = err
            try process.run()
            for (pipe, isOut) in [(out, true), (err, false)] {
                group.enter()
                DispatchQueue.global().async {
                    let data = pipe.fileHandleForReading.readDataToEndOfFile()
                    if isOut { self.outData = data } else { self.errData = data }
                    self.group.leave()
                }
            }
        }

        func finish() -> BarazaRun {
            group.wait()
            process.waitUntilExit()
            return BarazaRun(
                stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
                exitCode: process.terminationStatus)
        }
    }

    /// Two exports sharing 1,500 of their emails, imported at the same moment into one workspace: every person
    /// arrives once. Before the lock, the last writer of registrations.yaml won (half the people gone, both
    /// exiting 0), or the shared emails were kept twice.
    @Test func twoImportsAtOnceLoseNobodyAndDuplicateNoEmail() throws {
        let scratch = try ScratchWorkspace()
        let first = try scratch.export("first.xml", first: 0, count: 3_000)
        let second = try scratch.export("second.xml", first: 1_500, count: 3_000)
        let a = try Running(["import", "registrations", first, "--into", "events/ws"], in: scratch.root)
        let b = try Running(["import", "registrations", second, "--into", "events/ws"], in: scratch.root)
        let (ra, rb) = (a.finish(), b.finish())
        #expect(ra.exitCode == 0, "\(ra.stderr)")
        #expect(rb.exitCode == 0, "\(rb.stderr)")
        let emails = try scratch.importedEmails()
        #expect(emails.count == 4_500)
        #expect(Set(emails).count == emails.count)
        #expect(Set(emails) == Set((0..<4_500).map { "person-\($0)@example.org" }))
        // Whichever came second skipped the 1,500 people the first had just imported, and said so.
        let skipped = (ra.stdout + rb.stdout).components(separatedBy: "1500 already in the workspace").count - 1
        #expect(skipped == 1, "\(ra.stdout)\(rb.stdout)")
        let index = try String(contentsOfFile: scratch.workspace + "/registrations.yaml", encoding: .utf8)
        #expect(index.contains("registrations/first.xml.people.yaml"))
        #expect(index.contains("registrations/second.xml.people.yaml"))
        let check = try scratch.run(["check", "events/ws"])
        #expect(check.exitCode == 0, "\(check.stdout)\(check.stderr)")
    }

    /// A real process holds the lock (`flock`, the same kernel lock); a writer waits, names it, gives up.
    @Test func aWriterWaitsNamesTheHolderThenGivesUpWithExitTwo() throws {
        let scratch = try ScratchWorkspace()
        let export = try scratch.export("export.xml", count: 5)
        let holder = try Self.holdLock(scratch.workspace)
        defer { kill(holder.processIdentifier, SIGKILL) }
        let before = scratch.workspaceSnapshot
        let start = Date()
        let run = try scratch.run(
            ["import", "registrations", export, "--into", "events/ws"], environment: ["BARAZA_LOCK_TIMEOUT": "1"])
        #expect(Date().timeIntervalSince(start) >= 1)
        #expect(run.exitCode == 2)
        let pid = holder.processIdentifier
        #expect(run.stderr.contains("waiting for the lock on events/ws to change it (held by pid \(pid) (flock))"))
        #expect(run.stderr.contains("the workspace is locked by pid \(pid) (flock); gave up after 1 s"))
        #expect(scratch.workspaceSnapshot == before)
        // A reader waits for a writer too.
        let check = try scratch.run(["check", "events/ws"], environment: ["BARAZA_LOCK_TIMEOUT": "0.2"])
        #expect(check.exitCode == 2)
        #expect(check.stderr.contains("waiting for the lock on events/ws to read it"))

        // The holder is killed: the kernel releases its lock, and the next writer goes straight through.
        kill(pid, SIGKILL)
        holder.waitUntilExit()
        let started = Date()
        let retried = try scratch.run(["import", "registrations", export, "--into", "events/ws"])
        #expect(retried.exitCode == 0, "\(retried.stderr)")
        #expect(!retried.stderr.contains("waiting"))
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(try scratch.importedEmails().count == 5)
    }

    /// An import whose file cannot be read says so at once, even while another process holds the lock: it never
    /// waits for a lock it will not use.
    @Test(arguments: [
        ["import", "registrations", "no-such-export.xml", "--into", "events/ws"],
        ["import", "schedule", "no-such-schedule.xml", "--into", "events/ws"],
        ["import", "schedule", "events", "--into", "events/ws"],
    ])
    func anUnreadableImportFileFailsWithoutWaiting(_ arguments: [String]) throws {
        let scratch = try ScratchWorkspace()
        let holder = try Self.holdLock(scratch.workspace)
        defer { kill(holder.processIdentifier, SIGKILL) }
        let run = try scratch.run(arguments, environment: ["BARAZA_LOCK_TIMEOUT": "30"])
        #expect(run.exitCode == 2, "\(run.stderr)")
        #expect(!run.stderr.contains("waiting"), "\(run.stderr)")
        #expect(run.stderr.contains(arguments[2]), "\(run.stderr)")
    }

    /// A publication (`export invitations`) and a badge print run take the lock to record their state.
    @Test(arguments: [["export", "invitations"], ["export", "badges"]])
    func recordingStateWaitsForTheLock(_ command: [String]) throws {
        let scratch = try ScratchWorkspace()
        try scratch.write(ScratchWorkspace.eventYAML + "  - people.yaml\n", at: "event.yaml")
        try scratch.write(
            "people:\n  - { id: amina, name: Amina Uwase, email: amina@example.org }\n", at: "people.yaml")
        let holder = try Self.holdLock(scratch.workspace)
        defer { kill(holder.processIdentifier, SIGKILL) }
        let run = try scratch.run(
            command + ["events/ws", "--out", scratch.root.path + "/out"],
            environment: ["BARAZA_LOCK_TIMEOUT": "0.3"])
        #expect(run.exitCode == 2, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("the workspace is locked by pid \(holder.processIdentifier)"), "\(run.stderr)")
    }

    /// `flock --close --exclusive <folder> sleep 30` (the lock held by `flock` itself), started and holding it.
    static func holdLock(_ folder: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        process.arguments = ["--close", "--exclusive", folder, "sleep", "30"]
        try process.run()
        let deadline = Date().addingTimeInterval(10)
        repeat {
            // `flock --nonblock` fails (exit 1) while the holder has it.
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
            p.arguments = ["--nonblock", "--shared", folder, "true"]
            try p.run()
            p.waitUntilExit()
            if p.terminationStatus != 0 { break }
            usleep(20_000)
        } while Date() < deadline
        return process
    }
}
