import Foundation

/// How a send runs: pace, retries, the clock and progress.
public struct SendOptions: Sendable {
    /// At most this many messages a minute.
    public var ratePerMinute: Int
    /// Seconds to wait before each new attempt after a temporary failure; when they run out the message is left
    /// for the next run. A dropped connection is first tried again at once.
    public var retryDelays: [Double]
    /// The wall clock, for the times in `sent.log` and the report (the messages themselves never read it).
    public var now: @Sendable () -> Date
    /// Called after every message with the counts so far.
    public var progress: (@Sendable (SendProgress) -> Void)?

    /// The retry delays when none are given: 1, 2, 4, 8 and 16 seconds.
    public static let defaultRetryDelays: [Double] = [1, 2, 4, 8, 16]

    /// Creates options.
    public init(
        ratePerMinute: Int, retryDelays: [Double] = defaultRetryDelays, now: @escaping @Sendable () -> Date,
        progress: (@Sendable (SendProgress) -> Void)? = nil
    ) {
        self.ratePerMinute = ratePerMinute
        self.retryDelays = retryDelays
        self.now = now
        self.progress = progress
    }
}
