import BarazaMail

/// What became of one message.
public struct DeliveryResult: Sendable {
    /// Where a message ended.
    public enum Status: String, Sendable {
        /// Accepted by the server in this run.
        case sent
        /// Accepted in an earlier, interrupted run of the batch (recorded in its sent.log).
        case sentEarlier = "sent earlier"
        /// Refused for good (5xx); planned again by the next run.
        case failed
        /// Not accepted (temporary failures to the end, or the run stopped); planned again by the next run.
        case notSent = "not sent"
    }

    /// The message.
    public var message: BatchMessage
    /// Its status.
    public var status: Status
    /// When it was settled (UTC); nil when it was never tried.
    public var time: String?
    /// The server's last reply about it.
    public var reply: SMTPReply?
    /// How many times it was handed to the server in this run.
    public var attempts: Int
}
