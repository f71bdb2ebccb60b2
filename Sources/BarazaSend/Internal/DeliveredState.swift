import BarazaCalendar
import BarazaModel

/// The published state after a batch: the batch's target, except for the messages the server did not accept
/// (refused, still failing, or left out by `--only`). Those are recorded as not sent, so the next run plans them
/// again: a request not delivered leaves the person off the session's attendees (they are invited then), a
/// cancellation not delivered keeps them on it (they are cancelled then), and a whole-session cancellation keeps
/// the session open for the people who did not get it.
enum DeliveredState {
    static func merge(batch: InvitationBatch, undelivered: [BatchMessage]) -> PublishedState {
        var state = batch.target
        let bySession = Dictionary(grouping: undelivered, by: \.session)
        for (session, messages) in bySession {
            guard var entry = state.sessions[session] else { continue }
            let before = batch.previous?.sessions[session]
            var attendees = Set(entry.attendees)
            var cancelled = Set(entry.cancelledAttendees ?? [])
            var stillOpen: Set<String> = []
            for message in messages {
                if message.method == "REQUEST" {
                    attendees.remove(message.person)
                    // Cancelled earlier and still not re-invited: the next request must still outrank that.
                    if before?.cancelledAttendees?.contains(message.person) == true { cancelled.insert(message.person) }
                } else if entry.cancelled {
                    stillOpen.insert(message.person)
                } else {
                    attendees.insert(message.person)
                    cancelled.remove(message.person)
                }
            }
            if !stillOpen.isEmpty {
                entry.cancelled = false
                attendees = stillOpen
            }
            entry.attendees = attendees.sorted()
            entry.cancelledAttendees = cancelled.isEmpty ? nil : cancelled.sorted()
            state.sessions[session] = entry
        }
        return state
    }
}
