import Foundation

/// What `baraza export invitations` last sent, kept in the workspace (``fileName``) so the next run can tell
/// which sessions changed, raise their SEQUENCE and write updates and cancellations only for those affected.
///
/// Its `stamp` is also the DTSTAMP of every calendar export (see BarazaCalendar's `CalendarStamp`). Read through
/// ``WorkspaceState/publishedInvitations()``. Stored as JSON with sorted keys, so the file diffs cleanly in
/// version control.
public struct PublishedState: Codable, Hashable, Sendable {
    /// The file's name inside the workspace folder.
    public static let fileName = "published-invitations.json"

    /// The format version of this file.
    public var format: Int
    /// The event id the state belongs to.
    public var event: String
    /// When the last publication was made, UTC (`2027-03-01T09:00:00Z`): the DTSTAMP of what was sent.
    public var stamp: String
    /// Every session ever published, by session id, cancelled ones included.
    public var sessions: [String: PublishedSession]

    /// Creates a state.
    public init(event: String, stamp: String, sessions: [String: PublishedSession] = [:]) {
        self.format = 1
        self.event = event
        self.stamp = stamp
        self.sessions = sessions
    }

    /// The file's bytes: pretty-printed JSON with sorted keys and a final newline.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = (try? encoder.encode(self)) ?? Data()
        data.append(0x0A)
        return data
    }
}

/// One published session: its UID, revision, what it said and who was invited.
public struct PublishedSession: Codable, Hashable, Sendable {
    /// The iCalendar UID of the session.
    public var uid: String
    /// The SEQUENCE last sent.
    public var sequence: Int
    /// A digest of what an attendee acts on: times, zone, titles, abstract, place, link, tags, language.
    public var fingerprint: String
    /// Start and end as sent, UTC, to explain what changed.
    public var start: String
    /// See `start`.
    public var end: String
    /// The bilingual title, for cancellation messages once the session is gone from the workspace.
    public var summary: String
    /// Ids of the people who were sent the session, sorted.
    public var attendees: [String]
    /// Whether a cancellation was sent for the whole session.
    public var cancelled: Bool
    /// People removed from the session (sent a CANCEL) while it went on; one invited again gets a SEQUENCE above
    /// the cancellation's. Absent when there are none, so older state files read and write unchanged.
    public var cancelledAttendees: [String]?

    /// Creates a record of a published session.
    public init(
        uid: String, sequence: Int, fingerprint: String, start: String, end: String, summary: String,
        attendees: [String], cancelled: Bool = false, cancelledAttendees: [String]? = nil
    ) {
        self.uid = uid
        self.sequence = sequence
        self.fingerprint = fingerprint
        self.start = start
        self.end = end
        self.summary = summary
        self.attendees = attendees
        self.cancelled = cancelled
        self.cancelledAttendees = cancelledAttendees
    }
}
