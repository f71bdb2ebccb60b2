import BarazaChecks
import BarazaModel
import Foundation

/// How to propose.
public struct ProposeOptions: Sendable {
    /// Seeds the search: the same workspace and seed give the same proposal, on any machine.
    public var seed: UInt64
    /// Moves the search tries; nil for the default, which grows with the programme (`defaultEffort`).
    public var effort: Int?
    /// A safety stop: the search ends here even with moves left (and the proposal says so); nil for none.
    public var timeLimit: Duration?
    /// Start from where sessions were (a `start` with `pin: false`, an applied or previous proposal) and move as
    /// few of them as possible.
    public var keepPlaced: Bool
    /// Called now and then while searching (for a terminal's progress line).
    public var progress: (@Sendable (SearchProgress) -> Void)?

    public init(
        seed: UInt64 = 1, effort: Int? = nil, timeLimit: Duration? = .seconds(60), keepPlaced: Bool = false,
        progress: (@Sendable (SearchProgress) -> Void)? = nil
    ) {
        self.seed = seed
        self.effort = effort
        self.timeLimit = timeLimit
        self.keepPlaced = keepPlaced
        self.progress = progress
    }

    /// The default budget: 4,000 moves per movable session plus 100,000, at most 12 million.
    public static func defaultEffort(movable: Int) -> Int { min(12_000_000, 100_000 + 4_000 * movable) }
}

/// Drafts placements for a workspace's movable sessions (no `start`, or `pin: false`) that keep every error rule
/// of `baraza check`, weighs the soft constraints of `event.yaml`, and explains what cannot fit.
public struct Proposer: Sendable {
    public var options: ProposeOptions

    public init(options: ProposeOptions = ProposeOptions()) { self.options = options }

    /// A proposal for `workspace`. `others` are the other workspaces whose presenters' sessions stay as they are
    /// (double bookings across workspaces are hard); `previous` the placements of an earlier proposal.
    public func propose(_ workspace: Workspace, others: [Workspace] = [], previous: [Placement] = []) -> Proposal {
        let clock = ContinuousClock()
        let began = clock.now
        let elsewhere =
            others.isEmpty ? [:] : PersonDoubleBookedRule.presentedElsewhere([workspace] + others, index: 0)
        let problem = Problem(
            workspace: workspace, elsewhere: elsewhere, previous: Self.resolve(previous, in: workspace),
            keepPlaced: options.keepPlaced, rules: ProposeRules.all.map(\.id))
        let effort = options.effort ?? ProposeOptions.defaultEffort(movable: problem.movable.count)
        let compiled = clock.now - began
        let search = Search(
            seed: options.seed, effort: effort, deadline: options.timeLimit.map { began + $0 },
            progress: options.progress)
        var result: Search.Result
        if problem.countsMovableMeals {
            // Settle the meals' headcounts on the first feasible placement, before optimising, so that the first
            // placement the search reports is one the checks accept; then spend the rest of the budget.
            var first = search
            first.stopWhenFeasible = true
            result = settleMeals(first.run(problem), problem: problem, search: first)
            var rest = search
            rest.effort = max(0, effort - result.movesTried)
            result = result.then(rest.run(problem, from: result.scorer.current), keepingFirstFeasible: true)
        } else {
            result = search.run(problem)
        }
        var repair = search
        repair.effort = max(1, effort / 4)
        result = settleMeals(result, problem: problem, search: repair)
        var scorer = result.scorer
        let explainer = Explainer(problem: problem, seed: options.seed)
        var notPlaced: [Int: String] = [:]
        var explanations: [Infeasibility] = []
        for i in problem.movable where problem.items[i].groups.isEmpty {
            let e = explainer.noCandidate(i)
            explanations.append(e)
            notPlaced[i] = e.message
        }
        if scorer.score.hard > 0 {
            let (dropped, more) = resolveConflicts(&scorer, explainer: explainer, effort: effort)
            for (i, why) in dropped { notPlaced[i] = why }
            explanations += more
        }
        // The real checks have the last word: an error the incremental form did not see (a vehicle for a
        // shuttle, a meal count) takes its sessions out of the proposal.
        var applied = apply(scorer)
        var avoidable = Self.avoidableErrors(
            applied, original: workspace, others: others, problem: problem, scorer: scorer)
        for _ in 0..<3 where !avoidable.isEmpty {
            for finding in avoidable {
                for i in Self.movableNamed(finding, problem: problem, scorer: scorer) {
                    scorer.place(i, at: nil)
                    notPlaced[i] = "placing it gave `\(finding.rule)`: \(finding.message)"
                }
            }
            applied = apply(scorer)
            avoidable = Self.avoidableErrors(
                applied, original: workspace, others: others, problem: problem, scorer: scorer)
        }
        let evaluation = Evaluation(scorer)
        let placements = problem.movable.filter { scorer.active[$0] }.map { i in
            let s = applied.sessionsByID[problem.items[i].id]!
            return PlacedSession(
                id: s.id, title: s.title, start: s.start, interval: s.interval!, venue: applied.venue(of: s)?.id,
                room: s.room?.id)
        }.sorted { ($0.interval.start, $0.id) < ($1.interval.start, $1.id) }
        let penalties = SoftConstraint.allCases.compactMap { c -> SoftPenalty? in
            let weight = workspace.proposeSettings.weight(c)
            guard weight > 0 else { return nil }
            let entry = evaluation.soft[c]
            return SoftPenalty(
                constraint: c, weight: weight, units: entry?.units ?? 0, weighted: (entry?.units ?? 0) * Int64(weight),
                sessions: (entry?.sessions ?? []).map { problem.items[$0].id }.sorted())
        }
        return Proposal(
            placements: placements,
            notPlaced: notPlaced.keys.sorted().map { NotPlaced(id: problem.items[$0].id, reason: notPlaced[$0]!) },
            explanations: explanations, score: evaluation.total, penalties: penalties,
            moved: evaluation.moved.map { problem.items[$0].id }.sorted(), avoidableErrors: avoidable,
            workspace: applied,
            statistics: .init(
                seed: options.seed, effort: effort, movesTried: result.movesTried,
                stoppedByTimeLimit: result.stoppedByDeadline, firstFeasibleMove: result.firstFeasibleMove,
                firstFeasibleTime: result.firstFeasibleTime.map { compiled + $0 }, searchTime: result.elapsed,
                totalTime: clock.now - began,
                candidates: problem.totalCandidates))
    }

    /// Takes sessions out until no hard violation is left (each time the one whose removal helps most), tries to
    /// put each back, and explains the ones that stay out.
    /// Meals' headcounts count who is in town, which placing other sessions changes: counts again with the
    /// placements of `result` and, while a meal no longer fits, searches on with `search` from where it was (at
    /// most three times; counts only rise, so this settles).
    private func settleMeals(_ result: Search.Result, problem: Problem, search: Search) -> Search.Result {
        var result = result
        for _ in 0..<3 where problem.raiseMealHeadcounts(presentIn: apply(result.scorer)) {
            var rescored = Scorer(problem)
            for i in problem.movable { if let c = result.scorer.current[i] { rescored.place(i, at: c) } }
            result.scorer = rescored
            guard rescored.score.hard > 0 else { continue }
            result = result.then(search.run(problem, from: rescored.current), keepingFirstFeasible: false)
        }
        return result
    }

    private func resolveConflicts(_ scorer: inout Scorer, explainer: Explainer, effort: Int)
        -> ([Int: String], [Infeasibility])
    {
        let problem = scorer.problem
        var dropped: [Int] = []
        while scorer.score.hard > 0 {
            var best: (Int64, Int)?
            for i in problem.movable where scorer.active[i] {
                let gain = scorer.delta(i, to: nil).hard
                if gain < 0 && (best == nil || gain < best!.0) { best = (gain, i) }
            }
            guard let (_, i) = best else { break }
            scorer.place(i, at: nil)
            dropped.append(i)
        }
        // Put back what now fits, at its cheapest place.
        dropped.removeAll { i in
            var best: (Score, Candidate)?
            let total = problem.items[i].groups.reduce(0) { $0 + $1.count }
            for k in 0..<total {
                let c = Search.candidate(problem, i, k)
                let d = scorer.delta(i, to: c)
                if d.hard == 0 && (best == nil || d < best!.0) { best = (d, c) }
            }
            guard let (_, c) = best else { return false }
            scorer.place(i, at: c)
            return true
        }
        var reasons: [Int: String] = [:]
        var explanations: [Infeasibility] = []
        let perSession = max(2_000, effort / max(1, problem.movable.count))
        let counted = explainer.overloads(among: Set(dropped))
        for i in dropped {
            if let (e, _) = counted.first(where: { $0.1.contains(i) }) {
                if !explanations.contains(e) { explanations.append(e) }
                reasons[i] = e.message
            } else if let e = explanations.first(where: {
                $0.kind == .conflict && $0.sessions.contains(problem.items[i].id)
            }) {
                reasons[i] = e.message
            } else if let e = explainer.conflict(around: i, effortPerSession: perSession) {
                explanations.append(e)
                reasons[i] = e.message
            } else {
                reasons[i] = "the search found no place for it alongside the rest of the programme"
            }
        }
        return (reasons, explanations)
    }

    /// The workspace with the scorer's placements: placed movable sessions at their new start, venue and room;
    /// the others as written (a session that had no start stays unplaced).
    func apply(_ scorer: Scorer) -> Workspace {
        let problem = scorer.problem
        let w = problem.workspace
        var sessions: [Session] = []
        var unplaced: [UnplacedSession] = []
        let byID = Dictionary(problem.items.indices.map { (problem.items[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
        func placed(_ i: Int) -> Session {
            let item = problem.items[i]
            let c = scorer.current[i]!
            let g = item.groups[Int(c.group)]
            let v = g.venue >= 0 ? Reference(problem.venues[g.venue].id, at: item.session.location) : nil
            let r = g.rooms[Int(c.room)]
            let room = r >= 0 ? Reference(problem.rooms[r].id, at: item.session.location) : nil
            var s = item.session.moved(
                to: Instant(secondsSince1970: g.starts[Int(c.start)]), minutes: item.minutes, zone: g.zone,
                venue: item.session.venue ?? v, room: item.session.room ?? room)
            s.constraints.placedBy = item.session.location
            return s
        }
        for s in w.sessions {
            guard let i = byID[s.id], problem.items[i].movable else {
                sessions.append(s)
                continue
            }
            if scorer.active[i] {
                sessions.append(placed(i))
            } else if s.constraints.placedBy != nil {
                // Placed only by the proposal that is being replaced.
                unplaced.append(UnplacedSession(draft: s, minutes: problem.items[i].minutes))
            } else {
                sessions.append(s)
            }
        }
        for u in w.unplaced {
            if let i = byID[u.id], scorer.active[i] { sessions.append(placed(i)) } else { unplaced.append(u) }
        }
        return Workspace(
            path: w.path, event: w.event, venues: w.venues, travelTimes: w.travelTimes, hotels: w.hotels,
            people: w.people, sessions: sessions, settings: w.settings, logistics: w.logistics, unplaced: unplaced,
            placements: w.placements, proposeSettings: w.proposeSettings)
    }

    /// The errors of `baraza check` on `applied` (beside `others`) that placing could have avoided: errors of a
    /// placement rule that name a session this proposal placed, or that the workspace without its movable sessions
    /// does not have.
    static func avoidableErrors(
        _ applied: Workspace, original: Workspace, others: [Workspace], problem: Problem, scorer: Scorer
    ) -> [Finding] {
        let rules = ProposeRules.all
        let checker = Checker(rules: rules)
        let event = applied.event.id.rawValue
        var fixedOnly = original
        fixedOnly = Workspace(
            path: original.path, event: original.event, venues: original.venues, travelTimes: original.travelTimes,
            hotels: original.hotels, people: original.people,
            sessions: original.sessions.filter { !$0.constraints.movable }, settings: original.settings,
            logistics: original.logistics, unplaced: [], placements: [], proposeSettings: original.proposeSettings)
        func key(_ f: Finding) -> String {
            ([f.rule, f.event] + f.subjects.map { "\($0.kind):\($0.id)" }).joined(separator: "|")
        }
        let baseline = Set(checker.check([fixedOnly] + others).map(key))
        return checker.check([applied] + others).filter { f in
            guard f.severity == .error, ProposeRules.placementRules.contains(f.rule) else { return false }
            if !movableNamed(f, problem: problem, scorer: scorer).isEmpty { return true }
            return f.event == event && !baseline.contains(key(f))
        }
    }

    /// The movable sessions this proposal placed that `finding` names (as a subject of this workspace, or as an
    /// occurrence in it).
    static func movableNamed(_ finding: Finding, problem: Problem, scorer: Scorer) -> [Int] {
        let event = problem.workspace.event.id.rawValue
        var ids: Set<String> = []
        if finding.event == event {
            for s in finding.subjects where s.kind == .session { ids.insert(s.id) }
        }
        for o in finding.occurrences where o.kind == .session && o.event == event { ids.insert(o.id) }
        return problem.movable.filter { scorer.active[$0] && ids.contains(problem.items[$0].id.rawValue) }
    }

    /// An earlier proposal's placements as instants, read as the loader reads them.
    static func resolve(_ placements: [Placement], in w: Workspace) -> [Session.ID: PreviousPlacement] {
        var out: [Session.ID: PreviousPlacement] = [:]
        let drafts = Dictionary(w.unplaced.map { ($0.id, $0.draft) }, uniquingKeysWith: { a, _ in a })
        for p in placements where out[p.session.id] == nil {
            guard let draft = drafts[p.session.id] else { continue }
            let venueID = p.venue?.id ?? p.room.flatMap { w.roomsByID[$0.id]?.venue } ?? draft.venue?.id
            let zone = draft.constraints.zone ?? venueID.flatMap { w.venuesByID[$0]?.zone } ?? w.event.zone
            guard case .success(let instant) = WallTime(local: p.start, zone: zone, offset: p.offset).resolve() else {
                continue
            }
            out[p.session.id] = PreviousPlacement(start: instant, venue: venueID, room: p.room?.id ?? draft.room?.id)
        }
        return out
    }
}
