import BarazaCalendar
import BarazaModel
import Foundation

/// The SEQUENCE each session carries in the served feeds, so a subscribed calendar sees an edit as one.
///
/// `baraza export ics` writes the SEQUENCE of the workspace's published state (what invitations last sent).
/// While serving, a session whose content changes (the digest ``InvitationPlan`` keeps: times, zone, titles,
/// abstract, place, link, tags, language) gets one more than the larger of what was served and what was published.
/// A session that never changed while served carries exactly what the export writes. Kept in the state folder
/// (`served-sequences.json`), so a restart does not lower a number a client has seen.
struct SequenceLedger: Codable, Hashable, Sendable {
    static let fileName = "served-sequences.json"

    struct Entry: Codable, Hashable, Sendable {
        var fingerprint: String
        /// Nil while the session carries no SEQUENCE of the server's own.
        var sequence: Int?
    }

    var format = 1
    var event: String
    var sessions: [String: Entry] = [:]

    /// The ledger after seeing `workspace`, whose published state is `published`.
    func updated(for workspace: Workspace, published: PublishedState?) -> SequenceLedger {
        let stamp = CalendarStamp.stamp(for: workspace, state: published)
        let current = InvitationPlan(workspace: workspace, previous: nil, stamp: stamp).state.sessions
        var next = SequenceLedger(event: workspace.event.id.rawValue)
        for (id, now) in current {
            let publishedSequence = published?.sessions[id].flatMap { $0.cancelled ? nil : $0.sequence }
            guard let before = sessions[id] else {
                next.sessions[id] = Entry(fingerprint: now.fingerprint, sequence: nil)
                continue
            }
            var sequence = before.sequence
            if before.fingerprint != now.fingerprint {
                sequence = max(before.sequence ?? 0, publishedSequence ?? 0) + 1
            }
            next.sessions[id] = Entry(fingerprint: now.fingerprint, sequence: sequence)
        }
        return next
    }

    /// The published state the calendars are written from: the workspace's, with the served sequences where they
    /// are higher. Nil when the workspace has none and nothing changed while served (the export's own input).
    func effectiveState(for workspace: Workspace, published: PublishedState?) -> PublishedState? {
        let raised = sessions.compactMap { id, entry in entry.sequence.map { (id, $0) } }
        if raised.isEmpty { return published }
        let stamp = CalendarStamp.format(CalendarStamp.stamp(for: workspace, state: published))
        var state = published ?? PublishedState(event: workspace.event.id.rawValue, stamp: stamp)
        for (id, sequence) in raised {
            if var entry = state.sessions[id], !entry.cancelled {
                entry.sequence = max(entry.sequence, sequence)
                state.sessions[id] = entry
            } else {
                state.sessions[id] = PublishedSession(
                    uid: "", sequence: sequence, fingerprint: "", start: "", end: "", summary: "", attendees: [])
            }
        }
        return state
    }

    static func load(in folder: String, event: String) -> SequenceLedger {
        let path = folder + "/" + fileName
        guard let data = try? StateFile.read(path, limit: 1 << 26),
            let ledger = try? JSONDecoder().decode(SequenceLedger.self, from: data), ledger.event == event
        else { return SequenceLedger(event: event) }
        return ledger
    }

    func save(in folder: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try StateFile.write(try encoder.encode(self), to: folder + "/" + Self.fileName, in: folder)
    }
}
