import Foundation

/// The snapshot being served and the last refused load, swapped under a lock: a request sees one whole state.
final class LiveState: @unchecked Sendable {
    /// One served state, shared by reference: a request takes one reference, not a copy of every table.
    final class Served: Sendable {
        let snapshot: Snapshot
        init(_ snapshot: Snapshot) { self.snapshot = snapshot }
    }

    private let lock = NSLock()
    private var current: Served
    private var lastProblem: LoadProblem?
    private var currentKeys: FeedKeys

    init(snapshot: Snapshot, keys: FeedKeys) {
        current = Served(snapshot)
        currentKeys = keys
    }

    var snapshot: Snapshot { served.snapshot }
    /// The current state, by reference (the request path's way in).
    var served: Served {
        lock.lock()
        defer { lock.unlock() }
        return current
    }
    var problem: LoadProblem? { lock.withLock { lastProblem } }
    var keys: FeedKeys { lock.withLock { currentKeys } }

    func serve(_ snapshot: Snapshot, keys: FeedKeys) {
        lock.withLock {
            current = Served(snapshot)
            currentKeys = keys
            lastProblem = nil
        }
    }

    func refuse(_ problem: LoadProblem) { lock.withLock { lastProblem = problem } }
}
