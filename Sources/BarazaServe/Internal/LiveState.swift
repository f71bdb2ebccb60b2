import Foundation

/// The snapshot being served and the last refused load, swapped under a lock: a request sees one whole state.
final class LiveState: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Snapshot
    private var lastProblem: LoadProblem?
    private var currentKeys: FeedKeys

    init(snapshot: Snapshot, keys: FeedKeys) {
        current = snapshot
        currentKeys = keys
    }

    var snapshot: Snapshot { lock.withLock { current } }
    var problem: LoadProblem? { lock.withLock { lastProblem } }
    var keys: FeedKeys { lock.withLock { currentKeys } }

    func serve(_ snapshot: Snapshot, keys: FeedKeys) {
        lock.withLock {
            current = snapshot
            currentKeys = keys
            lastProblem = nil
        }
    }

    func refuse(_ problem: LoadProblem) { lock.withLock { lastProblem = problem } }
}
