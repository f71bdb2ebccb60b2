import Dispatch
import Foundation

/// `0..<count` cut into at most `pieces` consecutive ranges of nearly equal size (none when `count` is 0), for
/// the jobs of a `parallelMap` that each take a run of items.
public func pieceRanges(_ count: Int, pieces: Int) -> [Range<Int>] {
    let size = max(1, (count + max(1, pieces) - 1) / max(1, pieces))
    return stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
}

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

/// `job` run on each of `items` and on every item a job's result names in turn, each item once (by `id`), on
/// `workers` threads of their own: the results by item id. Each job runs outside any `parallelMap`, so it may
/// itself use every core (nested inside a dispatch apply, a `parallelMap` would run one job at a time).
///
/// For work that discovers more work: a workspace file names the files it includes, which are read while the
/// first is still being read.
public func parallelWorklist<Item: Sendable, ID: Hashable & Sendable, T: Sendable>(
    _ items: [Item], workers: Int = ProcessInfo.processInfo.activeProcessorCount, id: @escaping @Sendable (Item) -> ID,
    _ job: @escaping @Sendable (Item) -> (result: T, more: [Item])
) -> [ID: T] {
    let queue = WorklistQueue<Item, ID, T>(id: id)
    queue.add(items)
    let threads = (0..<max(1, workers)).map { _ in
        Background {
            while let item = queue.next() {
                let (result, more) = job(item)
                queue.finish(item, result, adding: more)
            }
        }
    }
    for thread in threads { thread.value() }
    return queue.results
}

/// The items of a `parallelWorklist` still to run, those running, and the results.
private final class WorklistQueue<Item, ID: Hashable, T>: @unchecked Sendable {
    private let condition = NSCondition()
    private let id: (Item) -> ID
    private var pending: [Item] = []
    private var seen: Set<ID> = []
    private var running = 0
    private var done: [ID: T] = [:]

    init(id: @escaping (Item) -> ID) { self.id = id }

    /// Queues the items not seen before (the caller holds the lock or is alone).
    func add(_ items: [Item]) {
        for item in items where seen.insert(id(item)).inserted { pending.append(item) }
    }

    /// The next item to run; nil once nothing is pending and nothing running could add more.
    func next() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while pending.isEmpty && running > 0 { condition.wait() }
        guard !pending.isEmpty else { return nil }
        running += 1
        return pending.removeFirst()
    }

    func finish(_ item: Item, _ result: T, adding more: [Item]) {
        condition.lock()
        done[id(item)] = result
        add(more)
        running -= 1
        condition.broadcast()
        condition.unlock()
    }

    var results: [ID: T] {
        condition.lock()
        defer { condition.unlock() }
        return done
    }
}
