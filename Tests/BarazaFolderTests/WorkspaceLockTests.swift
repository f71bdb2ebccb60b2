import Foundation
import Testing

@testable import BarazaFolder

/// The workspace lock is the kernel's: held by another process, it makes a writer wait, then give up with the
/// holder named; gone with its holder, however the holder ended.
struct WorkspaceLockTests {
    typealias Tree = WorkspaceFolderTests.Tree

    /// Starts `flock --close <mode> <folder> sleep 30`, a real process holding the same kind of lock (itself, not
    /// its child), and waits until it holds it.
    static func holdLock(on folder: WorkspaceFolder, shared: Bool = false) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        process.arguments = ["--close", shared ? "--shared" : "--exclusive", folder.root, "sleep", "30"]
        try process.run()
        let deadline = Date().addingTimeInterval(10)
        while WorkspaceLock.holder(of: folder) == nil && Date() < deadline { usleep(10_000) }
        return process
    }

    @Test func aWriterWaitsNamesTheHolderAndGivesUpAfterTheTimeout() throws {
        let folder = try WorkspaceFolder(try Tree().workspace)
        let holder = try Self.holdLock(on: folder)
        defer { kill(holder.processIdentifier, SIGKILL) }
        let notices = Notices()
        let waiting = LockWaiting(timeout: 0.5) { notices.append($0) }
        let start = Date()
        let error = #expect(throws: FolderError.self) {
            try WorkspaceLock.acquire(folder, .exclusive, waiting: waiting)
        }
        #expect(Date().timeIntervalSince(start) >= 0.5)
        guard case .lockTimeout(_, let seconds, let by)? = error else {
            Issue.record("expected a lock timeout, got \(String(describing: error))")
            return
        }
        #expect(seconds == 0.5)
        #expect(by == "pid \(holder.processIdentifier) (flock)")
        #expect(notices.lines.count == 1)
        #expect(notices.lines.first?.contains("held by pid \(holder.processIdentifier) (flock)") == true)
        #expect(error?.description.contains("BARAZA_LOCK_TIMEOUT") == true)
    }

    /// SIGKILL gives the holder no chance to clean anything: the kernel drops its lock all the same.
    @Test func aKilledHoldersLockIsFreeAtOnce() throws {
        let folder = try WorkspaceFolder(try Tree().workspace)
        let holder = try Self.holdLock(on: folder)
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        let start = Date()
        let lock = try WorkspaceLock.acquire(folder, .exclusive, waiting: LockWaiting(timeout: 5) { _ in })
        #expect(Date().timeIntervalSince(start) < 1)
        lock.release()
    }

    @Test func readersShareTheLockAndAWriterWaitsForThem() throws {
        let folder = try WorkspaceFolder(try Tree().workspace)
        let reader = try Self.holdLock(on: folder, shared: true)
        defer { kill(reader.processIdentifier, SIGKILL) }
        let shared = try WorkspaceLock.acquire(folder, .shared, waiting: LockWaiting(timeout: 0) { _ in })
        shared.release()
        #expect(throws: FolderError.self) {
            try WorkspaceLock.acquire(folder, .exclusive, waiting: LockWaiting(timeout: 0.2) { _ in })
        }
    }

    /// Within a process, a reader inside a writer (an import loading its workspace) shares the writer's lock.
    @Test func locksNestWithinAProcess() throws {
        let folder = try WorkspaceFolder(try Tree().workspace)
        let writer = try WorkspaceLock.acquire(folder, .exclusive)
        let reader = try folder.lockForReading(waiting: LockWaiting(timeout: 0) { _ in })
        #expect(WorkspaceLock.heldMode(folder) == .exclusive)
        reader.release()
        #expect(WorkspaceLock.heldMode(folder) == .exclusive)
        writer.release()
        #expect(WorkspaceLock.heldMode(folder) == nil)
    }

    @Test(arguments: [("", 60.0), ("2.5", 2.5), ("0", 0.0), ("soon", 60.0), ("-1", 60.0)])
    func theTimeoutComesFromTheEnvironment(_ text: String, _ expected: Double) {
        #expect(LockWaiting.timeout(from: text) == expected)
    }

    final class Notices: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [String] = []
        var lines: [String] { lock.withLock { stored } }
        func append(_ line: String) { lock.withLock { stored.append(line) } }
    }
}
