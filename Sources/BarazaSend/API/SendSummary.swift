import BarazaMail
import BarazaOutput
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

/// The per-person report: one CSV row per message, without addresses (replies that quote one are masked).
public enum SendReport {
    /// The CSV columns.
    public static let header = ["person", "session", "method", "sequence", "status", "time", "attempts", "reply"]

    /// The report's bytes (UTF-8, CRLF, cells that start with `= + - @` neutralised).
    public static func csv(_ results: [DeliveryResult]) -> Data {
        var text = CSV.record(header)
        for result in results {
            let reply = result.reply.map { reply in
                masked(
                    reply.code == 0 || reply.text.hasPrefix("\(reply.code)")
                        ? reply.text : "\(reply.code) \(reply.text)")
            }
            text += CSV.record([
                result.message.person, result.message.session, result.message.method, String(result.message.sequence),
                result.status.rawValue, result.time ?? "", String(result.attempts), reply ?? "",
            ])
        }
        return Data(text.utf8)
    }

    /// The text with anything shaped like an email address replaced by `<address>`.
    public static func masked(_ text: String) -> String {
        text.replacing(/<?[^\s<>@,;:"]+@[A-Za-z0-9.\-\[\]]+>?/, with: "<address>")
    }
}

/// Why a send cannot start or go on. Names files and fields; never an address or the password.
public enum SendError: Error, CustomStringConvertible, Sendable {
    /// An interrupted batch is pending with another `--only` selection.
    case pendingBatchDiffers(folder: String, only: [String])
    /// `--only` names people the workspace does not have.
    case unknownPeople([String])
    /// batch.json of the outbox cannot be read.
    case unreadableBatch(file: String, reason: String)

    /// The error for a person.
    public var description: String {
        switch self {
        case .pendingBatchDiffers(let folder, let only):
            let selection = only.isEmpty ? "everyone" : "--only " + only.joined(separator: " ")
            return "\(folder): an interrupted batch for \(selection) is pending; run `baraza send invitations` with "
                + "that selection (or none) to finish it first"
        case .unknownPeople(let ids): return "--only: no such person in the workspace: " + ids.joined(separator: ", ")
        case .unreadableBatch(let file, let reason): return "\(file): cannot read the batch: \(reason)"
        }
    }
}
