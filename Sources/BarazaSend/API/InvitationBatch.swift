import BarazaCalendar
import BarazaModel
import Foundation

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
