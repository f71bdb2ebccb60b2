import Foundation

/// The order messages go in: new ones in batch order, a retry as soon as its back-off has passed (before new
/// ones), and never two starts closer together than the rate allows. Waiting blocks the calling thread.
struct SendQueue {
    private var fresh: ArraySlice<BatchMessage>
    private var retries: [(message: BatchMessage, attempt: Int, due: ContinuousClock.Instant)] = []
    private let interval: Duration
    private var lastStart: ContinuousClock.Instant?
    private let clock = ContinuousClock()

    init(_ messages: [BatchMessage], ratePerMinute: Int) {
        fresh = messages[...]
        interval = Duration.seconds(60) / max(ratePerMinute, 1)
    }

    /// The next message and which attempt this is (1 for the first), once its turn has come; nil when none is left.
    mutating func next() -> (message: BatchMessage, attempt: Int)? {
        let next: (message: BatchMessage, attempt: Int)
        if let soonest = retries.indices.min(by: { retries[$0].due < retries[$1].due }),
            fresh.isEmpty || retries[soonest].due <= clock.now
        {
            let retry = retries.remove(at: soonest)
            wait(until: retry.due)
            next = (retry.message, retry.attempt)
        } else if let message = fresh.popFirst() {
            next = (message, 1)
        } else {
            return nil
        }
        if let lastStart { wait(until: lastStart + interval) }
        lastStart = clock.now
        return next
    }

    /// Puts `message` back for its attempt number `attempt`, `seconds` from now.
    mutating func retry(_ message: BatchMessage, attempt: Int, after seconds: Double) {
        retries.append((message, attempt, clock.now + .milliseconds(Int(seconds * 1000))))
    }

    private func wait(until instant: ContinuousClock.Instant) {
        let wait = instant - clock.now
        guard wait > .zero else { return }
        let (seconds, attoseconds) = wait.components
        Thread.sleep(forTimeInterval: Double(seconds) + Double(attoseconds) / 1e18)
    }
}
