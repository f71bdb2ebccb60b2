import BarazaMail
import BarazaOutput
import Foundation

/// The outcome of a run.
public struct SendSummary: Sendable {
    /// One result per message the batch sends, in batch order.
    public var results: [DeliveryResult]
    /// Why the run stopped early (the server cannot be used with these settings); nil when it went through.
    public var stoppedBecause: String?
    /// The batch folder, as shown to the user.
    public var folder: String
    /// Whether the published state was updated (something was accepted).
    public var recorded = false

    /// Creates a summary.
    public init(results: [DeliveryResult], stoppedBecause: String?, folder: String) {
        self.results = results
        self.stoppedBecause = stoppedBecause
        self.folder = folder
    }

    /// Messages accepted, in this run or an earlier one of the batch.
    public var accepted: Int { results.filter { $0.status == .sent || $0.status == .sentEarlier }.count }
    /// Messages refused for good.
    public var failed: Int { results.filter { $0.status == .failed }.count }
    /// Messages left for the next run.
    public var notSent: Int { results.filter { $0.status == .notSent }.count }
    /// New attempts after temporary failures in this run.
    public var retries: Int { results.reduce(0) { $0 + max($1.attempts - 1, 0) } }
    /// Whether every message was accepted.
    public var isComplete: Bool { failed == 0 && notSent == 0 && stoppedBecause == nil }
}
