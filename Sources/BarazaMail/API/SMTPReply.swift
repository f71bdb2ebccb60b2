import Foundation

/// What became of one message handed to the server.
public enum SMTPOutcome: Sendable, Hashable {
    /// The server took responsibility for the message (250 after the data).
    case accepted(SMTPReply)
    /// Try again later: a 4xx reply, or the connection failed or dropped before the server accepted.
    case temporaryFailure(SMTPReply)
    /// The server refused for good (5xx: unknown mailbox, message refused); sending it again would not help.
    case permanentFailure(SMTPReply)
    /// Nothing can be sent with these settings (certificate not trusted, login refused, no STARTTLS): stop.
    case unusable(SMTPReply)

    /// The reply the outcome carries.
    public var reply: SMTPReply {
        switch self {
        case .accepted(let r), .temporaryFailure(let r), .permanentFailure(let r), .unusable(let r): r
        }
    }
}

/// A server's reply: its code (0 when there was none, e.g. the connection dropped) and its text, or what went
/// wrong on the way when there was no reply.
public struct SMTPReply: Sendable, Hashable, CustomStringConvertible {
    /// The three-digit reply code; 0 when the server did not answer.
    public var code: Int
    /// The reply's text (its last line when it had several), or the client's description of the failure.
    public var text: String

    /// Creates a reply.
    public init(code: Int, text: String) {
        self.code = code
        self.text = text
    }

    /// `550 5.1.1 mailbox unknown`, or the failure's text when there was no reply.
    public var description: String { text }
}

/// Something that hands a message to a mail server: ``SMTPClient``, or a test's own.
public protocol MailSubmission {
    /// Submits `message` with envelope sender `sender` to `recipients`.
    func send(_ message: Data, from sender: MailAddress, to recipients: [MailAddress]) -> SMTPOutcome
}

extension SMTPClient: MailSubmission {}
