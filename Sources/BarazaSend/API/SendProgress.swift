/// Counts while a batch is sent.
public struct SendProgress: Sendable {
    /// Accepted in this run.
    public var sent: Int
    /// Accepted in an earlier, interrupted run of the same batch.
    public var sentEarlier: Int
    /// Refused for good.
    public var failed: Int
    /// Not yet settled (waiting or to be tried again).
    public var left: Int
    /// Messages in the batch.
    public var total: Int
    /// Messages accepted per minute so far in this run.
    public var perMinute: Double
}
