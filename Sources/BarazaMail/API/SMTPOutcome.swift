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
