import BarazaModel

extension Finding {
    /// One sentence saying what is wrong, built from the finding's data.
    public var message: String {
        let first = subjects.first.map(describe) ?? ""
        let fact = { (name: String) in facts.first { $0.name == name }?.value ?? "?" }
        let m = minutes ?? 0
        switch rule {
        case "person-double-booked":
            let across =
                facts.contains { $0.name == "across workspaces" } ? " in two events (\(fact("across workspaces")))" : ""
            return "\(first) is booked in two sessions at once\(across), overlapping \(m) min"
        case "travel-time":
            return "\(first) has \(fact("gap")) between sessions but needs \(fact("travel")) (\(m) min short)"
        case "outside-availability":
            return "\(first) is booked outside their availability (\(m) min outside; available \(fact("available")))"
        case "outside-waking-hours":
            return
                "\(first) would join at \(fact("starts at home")) at home, \(m) min outside waking hours \(fact("waking hours"))"
        case "before-arrival":
            // Past the buffer, the session starts before the person has even landed: say that.
            let buffer = Int(fact("buffer").prefix { $0.isNumber }) ?? 0
            if let minutes, minutes > buffer {
                return
                    "\(first) has a session starting \(minutes - buffer) min before arriving (buffer \(fact("buffer")))"
            }
            return "\(first) has a session \(m) min too soon after arriving (buffer \(fact("buffer")))"
        case "after-departure":
            let buffer = Int(fact("buffer").prefix { $0.isNumber }) ?? 0
            if let minutes, minutes > buffer {
                return
                    "\(first) has a session ending \(minutes - buffer) min after departing (buffer \(fact("buffer")))"
            }
            return "\(first) has a session ending \(m) min too close to departing (buffer \(fact("buffer")))"
        case "room-double-booked":
            return "\(first) holds two sessions at once, overlapping \(m) min"
        case "over-capacity":
            let label = facts.first.map { "\($0.value) \($0.name)" } ?? ""
            return
                "\(first) has \(label) for \(subjects.dropFirst().first.map(describe) ?? "its room") seating \(fact("capacity"))"
        case "outside-opening-hours":
            return
                "\(first) runs outside the opening hours of \(subjects.dropFirst().first.map(describe) ?? "its venue") (\(fact("opening hours")))"
        case "outside-event-dates":
            return "\(first) starts on \(fact("starts on")), outside the event dates \(fact("event dates"))"
        case "participant-overlap":
            return "\(first) is signed up for two sessions that overlap \(m) min"
        case "language-not-covered":
            let interp = fact("interpretation")
            return
                "\(first) is in `\(fact("session language"))`\(interp.isEmpty ? " with no interpretation" : " interpreted into \(interp)")"
                + "; \(fact("people left out") == "1" ? "1 signed-up person speaks" : "\(fact("people left out")) signed-up people speak")"
                + " only \(fact("their languages"))"
        case "session-order":
            let other = subjects.dropFirst().first.map(describe) ?? "the other session"
            return fact("must be") == "after"
                ? "\(first) must come after \(other) but starts \(m) min before it ends"
                : "\(first) must come before \(other) but ends \(m) min after it starts"
        case "different-rooms":
            return "\(first) must share a room with \(subjects.dropFirst().first.map(describe) ?? "another session")"
                + " but they are in \(fact("rooms"))"
        case "parallel-sessions":
            return "\(first) and \(subjects.dropFirst().first.map(describe) ?? "another session") share an audience"
                + " (\(fact("shared audience"))) but overlap \(m) min"
        case "room-lacks-equipment":
            return fact("room") == "none"
                ? "\(first) requires \(fact("missing")) but has no room"
                : "\(first) requires \(fact("missing")), which \(subjects.dropFirst().first.map(describe) ?? "its room") lacks"
        case "outside-allowed-times":
            return "\(first) runs outside the times it allows (\(fact("allowed")))"
        case "session-not-placed":
            return
                "\(first) has no start yet (\(fact("duration"))); `baraza propose` can place it, exports leave it out"
        case "placement-ignored":
            let hint = facts.first { $0.name == "did you mean" }.map { "; did you mean `\($0.value)`?" } ?? ""
            return "the placement of \(first) is ignored: \(fact("reason"))\(hint)"
        case "missing-material":
            return "\(first) lists the material `\(fact("material"))`: \(fact("problem"))"
        case "unknown-reference":
            let hint = facts.first { $0.name == "did you mean" }.map { "; did you mean `\($0.value)`?" } ?? ""
            let note = facts.first { $0.name == "note" }.map { " (\($0.value))" } ?? ""
            return "\(first) refers to \(fact("missing")), which is not defined\(note)\(hint)"
        case "nonexistent-local-time":
            return "\(first): \(fact("written")) does not exist (the clocks skip it)"
        case "ambiguous-local-time":
            return "\(first): \(fact("written")) happens twice; write the offset \(fact("choices")) to choose"
        case "wrong-utc-offset":
            return
                "\(first): \(fact("written")) uses an offset the zone does not use then; valid: \(fact("valid offsets"))"
        case "stay-gap":
            return
                "\(first) has no hotel stay for the night(s) \(fact("missing nights")) (nights needed \(fact("nights needed")))"
        case "hotel-block-overbooked":
            return "\(first) needs more `\(fact("room type"))` rooms than the event holds on \(fact("nights"))"
        case "no-accommodation":
            let why = facts.map { "\($0.name) \($0.value)" }.joined(separator: ", ")
            return "\(first) attends in person (\(why)) but has no hotel stay and no local address"
        case "arrival-transfer-late":
            return "\(first) reaches the venue at \(fact("at the venue")) on run \(fact("run")) (after waiting"
                + " \(fact("wait"))), \(m) min after \(subjects.dropFirst().first.map(describe) ?? "the session") starts"
        case "departure-transfer-early":
            return "\(first) is picked up at \(fact("pick-up at")) at \(fact("pick-up")) on run \(fact("run")),"
                + " \(m) min before \(subjects.dropFirst().first.map(describe) ?? "the session") ends plus the \(fact("drive")) drive"
        case "transfer-no-vehicle":
            let needs = facts.first { $0.name == "needs" }.map { ", needs \($0.value)" } ?? ""
            return "\(first) (\(fact("passengers")) passengers, leaves \(fact("leaves"))\(needs)) has no vehicle free"
        case "journey-unknown-place":
            let hint = facts.first { $0.name == "did you mean" }.map { "; did you mean `\($0.value)`?" } ?? ""
            if fact("place") == "none given" {
                return "\(first) gives no place for this journey (a transfer place of the logistics section), so no "
                    + "pick-up is planned"
            }
            return
                "\(first) travels via `\(fact("place"))`, which is not a transfer place, so no pick-up is planned\(hint)"
        case "meal-over-capacity":
            return
                "\(first) feeds \(fact("headcount")) (\(fact("from"))) in \(subjects.dropFirst().first.map(describe) ?? "its room")"
                + " seating \(fact("capacity"))"
        default:
            return "\(first): \(facts.map { "\($0.name) \($0.value)" }.joined(separator: ", "))"
        }
    }

    private func describe(_ s: Subject) -> String {
        switch s.kind {
        case .person: return "\(s.label) (\(s.id))"
        case .session: return "session `\(s.id)`"
        case .journey: return "transfer run `\(s.id)`"
        case .travel: return "the travel time between \(s.id)"
        default: return "\(s.kind.rawValue) `\(s.id)`"
        }
    }
}

extension Occurrence {
    /// `2026-11-17 09:00–10:30 Africa/Kigali (+02:00)`; the end's date is shown only when it differs.
    public var venueTime: String { Self.format(interval, in: zone) }

    /// The same span on the person's home clock, when their zone differs.
    public var homeTime: String? { homeZone.map { Self.format(interval, in: $0) } }

    static func format(_ interval: Interval, in zone: Zone) -> String {
        let a = zone.localDateTime(at: interval.start)
        let b = zone.localDateTime(at: interval.end)
        let offsetA = formatOffset(zone.offset(at: interval.start))
        let offsetB = formatOffset(zone.offset(at: interval.end))
        if interval.start == interval.end { return "\(a) \(zone) (\(offsetA))" }
        let end = b.date == a.date ? "\(b.time)" : "\(b)"
        let offsets = offsetA == offsetB ? offsetA : "\(offsetA) → \(offsetB)"
        return "\(a)–\(end) \(zone) (\(offsets))"
    }
}
