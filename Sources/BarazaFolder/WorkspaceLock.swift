import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How long to wait for another process's workspace lock, and what to say while waiting.
public struct LockWaiting: Sendable {
    /// Seconds to wait before giving up (0: give up at once).
    public var timeout: Double
    /// Called once, when the lock is busy, with a line saying who holds it.
    public var notice: @Sendable (String) -> Void

    /// The environment variable that sets ``timeout`` in seconds (`BARAZA_LOCK_TIMEOUT=300`).
    public static let timeoutVariable = "BARAZA_LOCK_TIMEOUT"
    /// The timeout without the variable.
    public static let defaultTimeout: Double = 60

    public init(timeout: Double, notice: @escaping @Sendable (String) -> Void) {
        self.timeout = timeout
        self.notice = notice
    }

    /// The timeout from ``timeoutVariable`` (else ``defaultTimeout``), the notice on standard error.
    public static var standard: LockWaiting {
        let timeout = timeout(from: ProcessInfo.processInfo.environment[timeoutVariable] ?? "")
        return LockWaiting(timeout: timeout) { line in FileHandle.standardError.write(Data("\(line)\n".utf8)) }
    }

    /// Seconds from the variable's text: a number from 0 up; anything else gives ``defaultTimeout``.
    static func timeout(from text: String) -> Double {
        Double(text).flatMap { $0.isFinite && $0 >= 0 ? $0 : nil } ?? defaultTimeout
    }
}

/// A lock on a workspace folder: shared by readers, exclusive for a writer. It is an OS file lock (`flock(2)`) on
/// the folder's own descriptor, so there is no lock file: the kernel releases it when the process ends, however
/// it ends, and nothing is left to clean by hand.
///
/// Within one process locks nest: a reader inside a writer (an import loading its workspace) shares the
/// writer's lock, and a writer waits for the process's own readers to finish (a shared lock is never upgraded).
public final class WorkspaceLock: @unchecked Sendable {
    /// Readers share the lock; a writer holds it alone.
    public enum Mode: Sendable {
        case shared
        case exclusive
    }

    private let root: String
    private var released = false

    private init(root: String) { self.root = root }

    deinit { release() }

    /// Takes the lock on `folder`, waiting as `waiting` says.
    /// - Throws: ``FolderError/lockTimeout(folder:seconds:holder:)`` when another process holds it longer.
    public static func acquire(_ folder: WorkspaceFolder, _ mode: Mode, waiting: LockWaiting = .standard)
        throws(FolderError) -> WorkspaceLock
    {
        let start = Date()
        while true {
            let acquired = try held.withLock { (table) throws(FolderError) -> WorkspaceLock? in
                if var entry = table[folder.root] {
                    // A reader inside a writer shares its lock; a writer waits for this process's readers.
                    guard entry.mode == .exclusive || mode == .shared else { return nil }
                    entry.count += 1
                    table[folder.root] = entry
                    return WorkspaceLock(root: folder.root)
                }
                let descriptor = openPath(folder.root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                guard descriptor >= 0 else {
                    throw .unreadable(folder.path, reason: WorkspaceFolder.systemReason())
                }
                do throws(FolderError) {
                    try wait(for: descriptor, mode, folder: folder, waiting: waiting)
                } catch {
                    close(descriptor)
                    throw error
                }
                table[folder.root] = Held(descriptor: descriptor, mode: mode, count: 1)
                return WorkspaceLock(root: folder.root)
            }
            if let acquired { return acquired }
            guard Date().timeIntervalSince(start) < waiting.timeout else {
                throw .lockTimeout(folder: folder.path, seconds: waiting.timeout, holder: "this process")
            }
            usleep(10_000)
        }
    }

    /// The mode this process holds the lock on `folder` in, if it holds it.
    public static func heldMode(_ folder: WorkspaceFolder) -> Mode? {
        held.withLock { $0[folder.root]?.mode }
    }

    /// Gives the lock back (the kernel's lock goes when the last holder in this process releases it). Idempotent.
    public func release() {
        guard !released else { return }
        released = true
        Self.held.withLock { table in
            guard var entry = table[root] else { return }
            entry.count -= 1
            if entry.count > 0 {
                table[root] = entry
            } else {
                flock(entry.descriptor, LOCK_UN)
                close(entry.descriptor)
                table[root] = nil
            }
        }
    }

    private static func wait(for descriptor: Int32, _ mode: Mode, folder: WorkspaceFolder, waiting: LockWaiting)
        throws(FolderError)
    {
        let operation = (mode == .shared ? LOCK_SH : LOCK_EX) | LOCK_NB
        let start = Date()
        var noticed = false
        var pause = 0.01
        while flock(descriptor, operation) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                throw .unreadable(folder.path, reason: WorkspaceFolder.systemReason())
            }
            let elapsed = Date().timeIntervalSince(start)
            if elapsed >= waiting.timeout {
                throw .lockTimeout(folder: folder.path, seconds: waiting.timeout, holder: holder(of: folder))
            }
            if !noticed {
                noticed = true
                let by = holder(of: folder).map { " (held by \($0))" } ?? ""
                let what = mode == .shared ? "to read" : "to change"
                waiting.notice(
                    "waiting for the lock on \(folder.path) \(what) it\(by); giving up after "
                        + "\(formatted(waiting.timeout)) s (\(LockWaiting.timeoutVariable))")
            }
            let slept = min(pause, waiting.timeout - elapsed)
            if slept > 0 { usleep(UInt32(slept * 1_000_000)) }
            pause = min(pause * 2, 0.2)
        }
    }

    /// `pid 1234 (baraza import registrations)` for a process holding a lock on `folder`, read from the kernel's
    /// list of locks (`/proc/locks`, Linux); nil where that list is not available.
    static func holder(of folder: WorkspaceFolder) -> String? {
        var status = stat()
        guard stat(folder.root, &status) == 0,
            let locks = try? String(contentsOfFile: "/proc/locks", encoding: .utf8)
        else { return nil }
        let device = UInt64(status.st_dev)
        let major = ((device >> 8) & 0xfff) | ((device >> 32) & ~0xfff)
        let minor = (device & 0xff) | ((device >> 12) & ~0xff)
        for line in locks.split(separator: "\n") {
            // `1: FLOCK  ADVISORY  WRITE 1234 08:01:5678 0 EOF`; lines with `->` are processes waiting.
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 6, fields[1] == "FLOCK", let pid = Int32(fields[4]) else { continue }
            let file = fields[5].split(separator: ":")
            guard file.count == 3, UInt64(file[0], radix: 16) == major, UInt64(file[1], radix: 16) == minor,
                UInt64(file[2]) == UInt64(status.st_ino)
            else { continue }
            return "pid \(pid)" + (command(of: pid).map { " (\($0))" } ?? "")
        }
        return nil
    }

    /// The program and its first plain words (`baraza import registrations`), never its file arguments.
    static func command(of pid: Int32) -> String? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"), !data.isEmpty else {
            return nil
        }
        let arguments = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        guard let program = arguments.first else { return nil }
        let words = arguments.dropFirst().prefix { word in
            !word.isEmpty && word.count <= 24 && word.allSatisfy { $0.isASCII && ($0.isLetter || $0 == "-") }
                && !word.hasPrefix("-")
        }
        return ([(program as NSString).lastPathComponent] + words.prefix(2)).joined(separator: " ")
    }

    static func formatted(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }

    private struct Held {
        var descriptor: Int32
        var mode: Mode
        var count: Int
    }

    private static let held = LockTable()

    /// The locks this process holds, by canonical folder.
    private final class LockTable: @unchecked Sendable {
        private let lock = NSLock()
        private var table: [String: Held] = [:]

        func withLock<T, E: Error>(_ body: (inout [String: Held]) throws(E) -> T) throws(E) -> T {
            lock.lock()
            defer { lock.unlock() }
            return try body(&table)
        }
    }
}
