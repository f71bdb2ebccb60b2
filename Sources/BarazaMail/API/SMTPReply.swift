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
