import BarazaChecks
import BarazaModel

/// The summary `baraza propose` prints: what was placed, hard violations, each soft penalty with its weight and
/// sessions, sessions moved, changes from the previous proposal, and why anything could not be placed. Times and
/// the machine never appear in it: the same input and seed give the same text.
public struct ProposalReport: Sendable {
    public var proposal: Proposal
    /// Changes from the previous proposal; nil when there was none.
    public var changes: [ProposalFile.Change]?
    /// Whether `--keep-placed` was asked for.
    public var keepPlaced: Bool

    public init(proposal: Proposal, changes: [ProposalFile.Change]?, keepPlaced: Bool) {
        self.proposal = proposal
        self.changes = changes
        self.keepPlaced = keepPlaced
    }

    public func text(colour: Bool) -> String {
        func paint(_ s: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        let p = proposal
        let s = p.statistics
        let movable = p.placements.count + p.notPlaced.count
        var out = paint("Placed \(p.placements.count) of \(movable) session\(movable == 1 ? "" : "s")", "1")
        out += " in \(p.workspace.event.id) (seed \(s.seed), \(s.effort) moves"
        out += s.stoppedByTimeLimit ? "; stopped by the time limit after \(s.movesTried))\n" : ")\n"
        if s.stoppedByTimeLimit {
            out +=
                "  note: the time limit cut the search short, so this result depends on the machine's speed; "
                + "allow more time (--time-limit) or fewer moves (--effort) for a reproducible one\n"
        }
        let errors = p.avoidableErrors.count
        out += "  hard violations: \(errors)"
        out += errors == 0 ? " (`baraza check` finds no error the placements could have avoided)\n" : "\n"
        for f in p.avoidableErrors { out += "    " + paint("error", "31;1") + ": \(f.rule): \(f.message)\n" }
        out += "  soft penalty: \(p.score.soft)\n"
        for penalty in p.penalties {
            let name = penalty.constraint.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0)
            var line =
                "    \(name) \(penalty.weighted) = \(penalty.weight) × \(penalty.units) \(unit(penalty.constraint))"
            if !penalty.sessions.isEmpty {
                let shown = penalty.sessions.prefix(6).map(\.rawValue).joined(separator: ", ")
                line += ": " + shown + (penalty.sessions.count > 6 ? " and \(penalty.sessions.count - 6) more" : "")
            }
            out += line + "\n"
        }
        if keepPlaced {
            out += "  moved: \(p.moved.count) already-placed session\(p.moved.count == 1 ? "" : "s")"
            out += p.moved.isEmpty ? "\n" : ": " + p.moved.map(\.rawValue).joined(separator: ", ") + "\n"
        }
        if let changes {
            let new = changes.filter { $0.before == nil }.count
            let gone = changes.filter { $0.after == nil }.count
            out +=
                "Changes from the previous proposal: \(changes.count - new - gone) moved, \(new) newly placed, "
                + "\(gone) no longer placed\n"
            for c in changes {
                out += "  \(c.session): \(c.before ?? "(not placed)") → \(c.after ?? "(not placed)")\n"
            }
        }
        if !p.placements.isEmpty {
            out += "Placements:\n"
            for placed in p.placements {
                let end = placed.start.zone.localDateTime(at: placed.interval.end)
                let place = [placed.venue?.rawValue, placed.room?.rawValue].compactMap { $0 }.joined(separator: "/")
                out +=
                    "  \(placed.start.local)–\(end.time) \(placed.start.zone)  \(place.isEmpty ? "-" : place)  "
                    + "\(placed.id)\n"
            }
        }
        if !p.notPlaced.isEmpty {
            out += paint("Not placed (\(p.notPlaced.count)):", "31;1") + "\n"
            for n in p.notPlaced { out += "  \(n.id): \(n.reason)\n" }
        }
        if !p.explanations.isEmpty {
            out += "Why:\n"
            for e in p.explanations {
                out += "  - [\(e.kind.rawValue)\(e.proven ? ", proven" : "")] \(e.message)\n"
            }
        }
        return out
    }

    private func unit(_ c: SoftConstraint) -> String {
        switch c {
        case .wakingHours, .participantOverlap, .language: return "person-min"
        case .popularRooms: return "people"
        case .trackRoom: return "extra rooms"
        case .speakerDays: return "extra days"
        case .plenaryAlone, .mealTimes: return "min"
        }
    }
}
