import Foundation

/// Something that hands a message to a mail server: ``SMTPClient``, or a test's own.
public protocol MailSubmission {
    /// Submits `message` with envelope sender `sender` to `recipients`.
    func send(_ message: Data, from sender: MailAddress, to recipients: [MailAddress]) -> SMTPOutcome
}

extension SMTPClient: MailSubmission {}
