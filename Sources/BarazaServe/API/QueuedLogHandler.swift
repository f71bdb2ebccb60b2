import Foundation
import Logging

/// A swift-log handler for the access log: each line is formatted and queued in memory, and a thread of its own
/// writes the queue to a file descriptor every 50 ms (at once for warnings and worse). Answering a request never
/// waits for a write. Lines read `2026-12-05T09:12:00Z info baraza.serve: request method=GET route=feed-person ...`
/// (UTC, metadata sorted by key).
public struct QueuedLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    private let label: String
    private let queue: LogQueue

    /// A handler for `label` writing through `queue`.
    public init(label: String, queue: LogQueue) {
        self.label = label
        self.queue = queue
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var line = queue.timestamp()
        line += " \(event.level) \(label): \(event.message)"
        let fields = (event.metadata ?? [:]).merging(metadata) { given, _ in given }
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) { line += " \(key)=\(value)" }
        line += "\n"
        queue.append(line, urgent: event.level >= .warning)
    }
}

/// The lines queued by ``QueuedLogHandler``s, written in order to one file descriptor by a thread of their own.
public final class LogQueue: @unchecked Sendable {
    /// Standard error's queue.
    public static let standardError = LogQueue(descriptor: 2)

    /// Most bytes held before lines are dropped (a writer that cannot keep up must not grow memory).
    static let capacity = 4 << 20

    private let descriptor: Int32
    private let lock = NSCondition()
    private var pending: [UInt8] = []
    private var dropped = 0
    private var secondShown = Int.min
    private var secondText = ""
    private let writing = NSLock()

    /// A queue writing to `descriptor` (not closed by the queue).
    public init(descriptor: Int32) {
        self.descriptor = descriptor
        pending.reserveCapacity(1 << 16)
        Thread.detachNewThread { [self] in
            while true {
                lock.lock()
                _ = lock.wait(until: Date().addingTimeInterval(0.05))
                lock.unlock()
                flush()
            }
        }
    }

    func append(_ line: String, urgent: Bool) {
        lock.lock()
        if pending.count + line.utf8.count <= Self.capacity {
            pending.append(contentsOf: line.utf8)
        } else {
            dropped += 1
        }
        if urgent { lock.signal() }
        lock.unlock()
    }

    /// Writes every queued line now.
    public func flush() {
        writing.withLock {
            lock.lock()
            var bytes = pending
            pending.removeAll(keepingCapacity: true)
            if dropped > 0 {
                bytes += Array("(\(dropped) log line(s) dropped: the log could not keep up)\n".utf8)
                dropped = 0
            }
            lock.unlock()
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    break
                }
            }
        }
    }

    /// The current second in UTC, ISO 8601 (`2026-12-05T09:12:00Z`), formatted once a second.
    func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let seconds = now.tv_sec
        lock.lock()
        defer { lock.unlock() }
        if seconds != secondShown {
            secondShown = seconds
            let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
            let second = seconds - day * 86_400
            let (y, m, d) = HTTPDate.civil(fromDays: day)
            func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
            secondText = "\(y)-\(two(m))-\(two(d))T\(two(second / 3600)):\(two(second / 60 % 60)):\(two(second % 60))Z"
        }
        return secondText
    }
}
