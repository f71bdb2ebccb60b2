import BarazaModel

/// The file a proposal is written to: a `placements:` section a workspace can include, with a header saying where
/// it came from and what it leaves out. The same proposal gives the same bytes.
public enum ProposalFile {
    /// The draft `baraza propose` writes (included by nothing).
    public static let draftName = "proposed.yaml"
    /// The accepted placements `--apply` writes and includes from `event.yaml`.
    public static let acceptedName = "placements.yaml"

    /// The YAML text of `proposal`: a comment with each session's title and times above its entry.
    public static func render(_ proposal: Proposal, accepted: Bool = false) -> String {
        let s = proposal.statistics
        var out = "# \(accepted ? "Accepted" : "Proposed") by `baraza propose` (seed \(s.seed), \(s.effort) moves"
        out += s.stoppedByTimeLimit ? "; stopped by the time limit after \(s.movesTried))" : ")"
        out += ": \(proposal.placements.count) session\(proposal.placements.count == 1 ? "" : "s") placed, "
        out += "\(proposal.avoidableErrors.count) hard violation\(proposal.avoidableErrors.count == 1 ? "" : "s"), "
        out += "soft penalty \(proposal.score.soft).\n"
        if accepted {
            out += "# `event.yaml` includes this file; `baraza propose --apply` rewrites it.\n"
        } else {
            out +=
                "# Review it, then accept it with `baraza propose --apply` (which writes \(acceptedName) and includes it).\n"
        }
        if !proposal.notPlaced.isEmpty {
            out +=
                "# Not placed (see why in the output of baraza propose): "
                + proposal.notPlaced.map(\.id.rawValue).joined(separator: ", ") + "\n"
        }
        out += "placements:\n"
        if proposal.placements.isEmpty { out = out.dropLast() + " []\n" }
        for p in proposal.placements {
            let zone = p.start.zone
            let end = zone.localDateTime(at: p.interval.end)
            let title = p.title.english ?? p.title.french ?? ""
            let place = [p.venue?.rawValue, p.room?.rawValue].compactMap { $0 }.joined(separator: "/")
            out += "  # \(title): \(p.start.local)–\(end.time) \(zone)\(place.isEmpty ? "" : ", \(place)")\n"
            var fields = ["session: \(p.id.rawValue)", "start: \(timeText(p.start))"]
            if let v = p.venue { fields.append("venue: \(v.rawValue)") }
            if let r = p.room { fields.append("room: \(r.rawValue)") }
            out += "  - { \(fields.joined(separator: ", ")) }\n"
        }
        return out
    }

    /// `2027-03-23T14:00`, with `+01:00` when the reading happens twice.
    static func timeText(_ w: WallTime) -> String {
        let l = w.local
        var text = "\(l.date.iso8601)T\(l.time)"
        if let offset = w.offset { text += formatOffset(offset) }
        return text
    }

    /// What changed from `previous` (an earlier proposal's placements) to `proposal`, session by session.
    public static func changes(from previous: [Placement], to proposal: Proposal) -> [Change] {
        var before: [Session.ID: String] = [:]
        for p in previous where before[p.session.id] == nil {
            var text = "\(p.start.date.iso8601)T\(p.start.time)" + (p.offset.map(formatOffset) ?? "")
            let place = [p.venue?.id.rawValue, p.room?.id.rawValue].compactMap { $0 }.joined(separator: "/")
            if !place.isEmpty { text += " " + place }
            before[p.session.id] = text
        }
        var after: [Session.ID: String] = [:]
        for p in proposal.placements {
            let place = [p.venue?.rawValue, p.room?.rawValue].compactMap { $0 }.joined(separator: "/")
            after[p.id] = timeText(p.start) + (place.isEmpty ? "" : " " + place)
        }
        var changes: [Change] = []
        for id in Set(before.keys).union(after.keys).sorted() {
            switch (before[id], after[id]) {
            case (nil, let b?): changes.append(Change(session: id, before: nil, after: b))
            case (let a?, nil): changes.append(Change(session: id, before: a, after: nil))
            case (let a?, let b?) where a != b: changes.append(Change(session: id, before: a, after: b))
            default: break
            }
        }
        return changes
    }

    /// One session placed differently than in the previous proposal: newly placed (`before` nil), no longer placed
    /// (`after` nil), or moved.
    public struct Change: Hashable, Sendable {
        public var session: Session.ID
        public var before: String?
        public var after: String?
    }
}
