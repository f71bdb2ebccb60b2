import BarazaModel

/// What a run of `baraza export invitations` sends, and why: computed from the workspace and the published
/// state, with no files touched.
///
/// Rules (RFC 5546): a session seen for the first time is sent to everyone in it (SEQUENCE 0). A session whose
/// content changed (times, zone, titles, abstract, place, link, tags, language: see ``PublishedSession``) gets
/// SEQUENCE + 1 and is sent again to everyone in it. Someone newly added gets the current SEQUENCE; someone
/// removed gets a METHOD:CANCEL, and the session's SEQUENCE rises so the cancellation supersedes the request; someone
/// invited again after such a cancellation raises it once more, so the new request supersedes the cancellation.
/// A session gone from the programme is cancelled for everyone it was sent to. Nobody else gets anything.
public struct InvitationPlan: Sendable {
    /// iTIP methods used.
    public enum Method: String, Hashable, Sendable {
        case request = "REQUEST"
        case cancel = "CANCEL"
    }

    /// One message to one person about one session.
    public struct Delivery: Hashable, Sendable {
        /// Who gets the message.
        public var person: Person.ID
        /// The session it is about (its UID is derived from it).
        public var session: Session.ID
        /// REQUEST or CANCEL.
        public var method: Method
        /// The SEQUENCE the message carries.
        public var sequence: Int
        /// Why this person gets this message, for `--dry-run` and the notes.
        public var reason: String
    }

    /// Messages to send, by session then person.
    public var deliveries: [Delivery]
    /// The published state once these messages are sent.
    public var state: PublishedState
    /// People in sessions who have no email address, so get no invitation.
    public var withoutEmail: [Person.ID]
    /// Published sessions whose times no longer resolve; left as they were sent.
    public var unresolved: [Session.ID]

    /// Plans the run for `workspace` after `previous` (nil before the first publication), stamped `stamp`.
    public init(workspace: Workspace, previous: PublishedState?, stamp: Instant) {
        let text = EventText(workspace: workspace)
        var state = PublishedState(event: workspace.event.id.rawValue, stamp: CalendarStamp.format(stamp))
        let old = previous?.sessions ?? [:]
        state.sessions = old
        var deliveries: [Delivery] = []
        var withoutEmail = Set<Person.ID>()
        var unresolved: [Session.ID] = []
        var present = Set<String>()

        var seenSessions = Set<Session.ID>()
        for session in workspace.sessions where seenSessions.insert(session.id).inserted {
            present.insert(session.id.rawValue)
            guard let interval = session.interval else {
                if old[session.id.rawValue].map({ !$0.cancelled }) == true { unresolved.append(session.id) }
                continue
            }
            let invitees = Self.invitees(of: session, in: workspace, withoutEmail: &withoutEmail).map(\.id.rawValue)
            let fingerprint = Self.fingerprint(session, interval: interval, text: text)
            let start = CalendarStamp.format(interval.start)
            let end = CalendarStamp.format(interval.end)
            var entry = PublishedSession(
                uid: EventText.uid(session: session.id, event: workspace.event.id), sequence: 0,
                fingerprint: fingerprint, start: start, end: end, summary: session.title.bilingual,
                attendees: invitees.sorted())
            let send = { (person: String, method: Method, sequence: Int, reason: String) in
                deliveries.append(
                    Delivery(
                        person: Person.ID(person), session: session.id, method: method, sequence: sequence,
                        reason: reason))
            }
            if let before = old[session.id.rawValue], !before.cancelled {
                let removed = Set(before.attendees).subtracting(invitees)
                let changed = before.fingerprint != fingerprint
                // Someone cancelled earlier and invited again needs a SEQUENCE above their cancellation's, or
                // their calendar keeps the event cancelled.
                let cancelledBefore = Set(before.cancelledAttendees ?? [])
                let returning = Set(invitees).intersection(cancelledBefore).subtracting(before.attendees)
                entry.sequence = before.sequence + (changed || !removed.isEmpty || !returning.isEmpty ? 1 : 0)
                let stillCancelled = cancelledBefore.union(removed).subtracting(invitees)
                entry.cancelledAttendees = stillCancelled.isEmpty ? nil : stillCancelled.sorted()
                let why: String
                if before.start != start || before.end != end {
                    why = "time changed from \(before.start)–\(before.end) to \(start)–\(end)"
                } else {
                    why = "details changed (title, abstract, place, link, tags or language)"
                }
                for person in invitees {
                    if changed {
                        send(person, .request, entry.sequence, why)
                    } else if returning.contains(person) {
                        send(person, .request, entry.sequence, "invited again after a cancellation")
                    } else if !before.attendees.contains(person) {
                        send(person, .request, entry.sequence, "newly invited")
                    }
                }
                for person in removed.sorted() { send(person, .cancel, entry.sequence, "removed from the session") }
            } else {
                // New, or back after a cancellation: a fresh request that outranks the cancellation.
                entry.sequence = old[session.id.rawValue].map { $0.sequence + 1 } ?? 0
                let reason = old[session.id.rawValue] == nil ? "new session" : "session restored after cancellation"
                for person in invitees { send(person, .request, entry.sequence, reason) }
            }
            state.sessions[session.id.rawValue] = entry
        }
        for (id, before) in old.sorted(by: { $0.key < $1.key }) where !before.cancelled && !present.contains(id) {
            var entry = before
            entry.sequence += 1
            entry.cancelled = true
            for person in before.attendees {
                deliveries.append(
                    Delivery(
                        person: Person.ID(person), session: Session.ID(id), method: .cancel,
                        sequence: entry.sequence, reason: "session removed from the programme"))
            }
            state.sessions[id] = entry
        }
        self.deliveries = deliveries.sorted {
            ($0.session.rawValue, $0.person.rawValue) < ($1.session.rawValue, $1.person.rawValue)
        }
        self.state = state
        self.withoutEmail = withoutEmail.sorted()
        self.unresolved = unresolved
    }

    /// Whether anything is to be sent.
    public var isEmpty: Bool { deliveries.isEmpty }

    /// The people a session invites (speakers, moderators, signed-up participants), once each, who have an email.
    static func invitees(of session: Session, in workspace: Workspace, withoutEmail: inout Set<Person.ID>) -> [Person] {
        var people: [Person] = []
        for reference in session.attendees {
            guard let person = workspace.peopleByID[reference.id] else { continue }
            if person.email?.isEmpty == false { people.append(person) } else { withoutEmail.insert(person.id) }
        }
        return people
    }

    /// The iTIP role of a person in a session: CHAIR for moderators, REQ-PARTICIPANT for speakers,
    /// OPT-PARTICIPANT for signed-up participants.
    static func role(of person: Person.ID, in session: Session) -> String {
        if session.moderators.contains(where: { $0.id == person }) { return "CHAIR" }
        if session.speakers.contains(where: { $0.id == person }) { return "REQ-PARTICIPANT" }
        return "OPT-PARTICIPANT"
    }

    static func fingerprint(_ session: Session, interval: Interval, text: EventText) -> String {
        Fingerprint.of([
            String(interval.start.secondsSince1970), String(interval.end.secondsSince1970), session.zone.identifier,
            session.title.english ?? "", session.title.french ?? "", session.abstract?.english ?? "",
            session.abstract?.french ?? "", text.location(of: session, in: .both) ?? "",
            text.url(of: session)?.absoluteString ?? "", session.tags.joined(separator: ","),
            session.language?.code ?? "", session.interpretation.map(\.code).joined(separator: ","),
        ])
    }
}
