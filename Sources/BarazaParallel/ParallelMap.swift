import Dispatch
import Foundation

/// The results of `count` independent jobs, run on every core, in job order. Jobs share only what they read;
/// each builds its own result (loading files in pieces, decoding runs of people, calendar entries).
public func parallelMap<T>(_ count: Int, _ job: (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(job) }
    let slots = Slots<T>(count: count)
    withoutActuallyEscaping(job) { job in
        let shared = SharedJob(run: job)
        DispatchQueue.concurrentPerform(iterations: count) { index in slots.set(index, shared.run(index)) }
    }
    return slots.values
}

/// A job every thread of `parallelMap` calls; jobs only read what they share.
private struct SharedJob<T>: @unchecked Sendable {
    let run: (Int) -> T
}

/// One slot per job, each written once by its job's thread and read after every job has finished.
private final class Slots<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [T?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [T] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}

/// Work running on a thread of its own; ``value()`` waits for its result (and may be called more than once).
public final class Background<T>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: T?

    /// Starts `body` at once.
    public init(_ body: @escaping @Sendable () -> T) {
        Thread {
            self.result = body()
            self.done.signal()
        }.start()
    }

    /// The result, once `body` has returned.
    public func value() -> T {
        done.wait()
        defer { done.signal() }
        return result!
    }
}
