import BarazaCalendar
import Foundation

/// One planned message of a batch.
public struct BatchMessage: Codable, Hashable, Sendable {
    /// Who gets it (person id).
    public var person: String
    /// The session it is about.
    public var session: String
    /// `REQUEST` or `CANCEL`.
    public var method: String
    /// The SEQUENCE it carries.
    public var sequence: Int
    /// Why this person gets it.
    public var reason: String
    /// The envelope recipient (the person's address at planning time); nil when not selected.
    public var recipient: String?
    /// The message file in the batch folder; nil when `--only` left it out (it waits for a later run).
    public var file: String?

    /// `session/person`: the message's key in the sent log (unique in a batch: one message per person and session).
    public var key: String { session + "/" + person }
    /// Whether this run sends it.
    public var isSelected: Bool { file != nil }
}

/// What one `baraza send invitations` publishes, kept as `batch.json` in its outbox folder so a run that is
/// interrupted resumes the same messages: the published state before and after, and every planned message.
public struct InvitationBatch: Codable, Sendable {
    /// The format version of `batch.json`.
    public var format: Int
    /// The event id.
    public var event: String
    /// The publication stamp (UTC): the messages' DTSTAMP and `Date:`.
    public var stamp: String
    /// The stamp of the published state the batch was planned from; nil for the first publication.
    public var previousStamp: String?
    /// The envelope sender (`MAIL FROM`).
    public var envelopeFrom: String
    /// The people `--only` selected; nil: everyone.
    public var only: [String]?
    /// The published state the batch was planned from.
    public var previous: PublishedState?
    /// The published state once every planned message is accepted.
    public var target: PublishedState
    /// Every message the plan holds, by session then person.
    public var messages: [BatchMessage]

    /// The messages this batch sends.
    public var selected: [BatchMessage] { messages.filter(\.isSelected) }
}
