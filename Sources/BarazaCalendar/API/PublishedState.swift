import BarazaFolder
import BarazaModel
import Foundation

/// What `baraza export invitations` last sent, kept in the workspace (``fileName``) so the next run can tell
/// which sessions changed, raise their SEQUENCE and write updates and cancellations only for those affected.
///
/// Its `stamp` is also the DTSTAMP of every calendar export (see ``CalendarStamp``). Stored as JSON with
/// sorted keys, so the file diffs cleanly in version control.
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

    /// Reads the state file of the workspace at `workspacePath`; nil when there is none yet.
    /// The file is read inside the workspace only: a symbolic link that leads outside it is refused.
    public static func load(workspacePath: String) throws -> PublishedState? {
        let folder = try WorkspaceFolder(workspacePath)
        let path = folder.display(fileName)
        let data: Data
        do {
            let entry = try folder.resolve(fileName)
            guard entry.exists else { return nil }
            data = try folder.contents(of: entry, written: path)
        } catch {
            throw error.named(path)
        }
        do {
            return try JSONDecoder().decode(PublishedState.self, from: data)
        } catch {
            throw CalendarExportError.unreadableState(file: path, reason: "\(error)")
        }
    }

    /// The file's bytes: pretty-printed JSON with sorted keys and a final newline.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = (try? encoder.encode(self)) ?? Data()
        data.append(0x0A)
        return data
    }

    /// The `stamp` as an instant; nil when it is not `YYYY-MM-DDTHH:MM:SSZ`.
    public var stampInstant: Instant? { CalendarStamp.parse(stamp) }
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

/// Why a calendar or invitation export cannot run; names files and fields, never personal data.
public enum CalendarExportError: Error, CustomStringConvertible, Sendable {
    /// The published-state file exists but cannot be read.
    case unreadableState(file: String, reason: String)
    /// The published-state file belongs to another event.
    case stateOfAnotherEvent(file: String, event: String)
    /// Invitations need an organiser address (`organizer.email` in event.yaml).
    case missingOrganizerEmail(file: String)
    /// A stamp given on the command line is not a UTC instant.
    case invalidStamp(String)

    /// The error for a person: the file, what is wrong, what was expected.
    public var description: String {
        switch self {
        case .unreadableState(let file, let reason): "\(file): cannot read the published state: \(reason)"
        case .stateOfAnotherEvent(let file, let event): "\(file): this state belongs to event \(event)"
        case .missingOrganizerEmail(let file):
            "\(file): event.organizer.email is needed to send invitations (expected an address such as name@example.org)"
        case .invalidStamp(let text): "stamp \(text.debugDescription): expected a UTC time such as 2027-03-01T09:00:00Z"
        }
    }
}
