import BarazaModel
import Foundation

/// What one search reports as it goes.
public struct SearchProgress: Sendable {
    /// Moves tried so far, and the budget.
    public var moves: Int
    public var effort: Int
    /// The best score found so far.
    public var best: Score
    /// Time since the search started.
    public var elapsed: Duration
}

/// Construction, then late-acceptance hill climbing (Burke and Bykov) over moves of one session, swaps of two and
/// shifts in time or room, each scored by `Scorer.delta`. When a rule stays broken and no move has found a better
/// placement for a while, the search kicks: it moves a few of the sessions in violation to random candidates and
/// climbs on from there (a climber alone stays stuck where every single move is worse, such as two sessions each
/// blocking the other's only free hours). Deterministic: the moves come from the seed, and the budget counts moves,
/// not seconds; a deadline only stops the search early (and says so).
struct Search {
    var seed: UInt64
    /// Moves to try after construction.
    var effort: Int
    /// When to stop whatever the budget (a safety net); nil for none.
    var deadline: ContinuousClock.Instant?
    var progress: (@Sendable (SearchProgress) -> Void)?
    /// Stop at the first placement without hard violations instead of spending the rest of the budget.
    var stopWhenFeasible = false

    struct Result {
        var scorer: Scorer
        var movesTried: Int
        var stoppedByDeadline: Bool
        /// Moves (and time) until the first placement without hard violations; nil when none was found.
        var firstFeasibleMove: Int?
        var firstFeasibleTime: Duration?
        var elapsed: Duration

        /// This result followed by `next`, a search that went on from it: moves and time add up; the first
        /// feasible placement is this one's when `keepingFirstFeasible` and it had one, else the next search's.
        func then(_ next: Result, keepingFirstFeasible: Bool) -> Result {
            let kept = keepingFirstFeasible && firstFeasibleMove != nil
            return Result(
                scorer: next.scorer, movesTried: movesTried + next.movesTried,
                stoppedByDeadline: stoppedByDeadline || next.stoppedByDeadline,
                firstFeasibleMove: kept ? firstFeasibleMove : next.firstFeasibleMove.map { movesTried + $0 },
                firstFeasibleTime: kept ? firstFeasibleTime : next.firstFeasibleTime.map { elapsed + $0 },
                elapsed: elapsed + next.elapsed)
        }
    }

    /// Places the movable sessions of `problem` in `subset` (all by default), the others left out; `initial`
    /// (by session number) is where to start from instead of constructing.
    func run(_ problem: Problem, subset: [Int]? = nil, from initial: [Candidate?]? = nil) -> Result {
        let clock = ContinuousClock()
        let began = clock.now
        var random = SplitMix(seed: seed)
        var scorer = Scorer(problem)
        let sessions = (subset ?? problem.movable).filter { !problem.items[$0].groups.isEmpty }
        var firstFeasible: (Int, Duration)?

        // Construction: where they were first (with `--keep-placed`), then the hardest to place first, each at its
        // cheapest candidate (or the cheapest of a sample, for very large domains).
        var order: [Int] = []
        for i in sessions {
            if let c = initial?[i] {
                scorer.place(i, at: c)
            } else if let original = problem.items[i].original, let c = Self.candidate(problem, i, original) {
                scorer.place(i, at: c)
            } else {
                order.append(i)
            }
        }
        let size = Dictionary(
            uniqueKeysWithValues: order.map { i in (i, problem.items[i].groups.reduce(0) { $0 + $1.count }) })
        order.sort { a, b in
            let ka = (size[a]!, -problem.items[a].presenters.count - problem.items[a].order.count, a)
            let kb = (size[b]!, -problem.items[b].presenters.count - problem.items[b].order.count, b)
            return ka < kb
        }
        for i in order {
            var best: (Score, Candidate)?
            let total = size[i]!
            let sample = total <= 4000 ? nil : 800
            for k in 0..<(sample ?? total) {
                let c = sample == nil ? Self.candidate(problem, i, k) : Self.randomCandidate(problem, i, &random)
                let d = scorer.delta(i, to: c)
                if best == nil || d < best!.0 { best = (d, c) }
            }
            scorer.place(i, at: best!.1, delta: best!.0)
        }
        if scorer.score.hard == 0 { firstFeasible = (0, clock.now - began) }

        // Late acceptance hill climbing.
        guard !sessions.isEmpty, !(stopWhenFeasible && firstFeasible != nil) else {
            return Result(
                scorer: scorer, movesTried: 0, stoppedByDeadline: false, firstFeasibleMove: firstFeasible?.0,
                firstFeasibleTime: firstFeasible?.1, elapsed: clock.now - began)
        }
        let length = max(50, min(effort / 500, 5000))
        var history = Array(repeating: scorer.score, count: length)
        var best = scorer.score
        var bestPlacement = scorer.current
        var stopped = false
        var tried = 0
        let report = max(1, effort / 200)
        // Moves without a better placement before a kick (a kick weighs every session, so not too often).
        let patience = max(500, 4 * length, 4 * sessions.count)
        var stalled = 0
        while tried < effort {
            if tried & 255 == 0, let deadline, clock.now >= deadline {
                stopped = true
                break
            }
            let slot = tried % length
            tried += 1
            let current = scorer.score
            let i = sessions[random.below(sessions.count)]
            let old = scorer.current[i]!
            let kind = random.below(100)
            let groups = scorer.t.groups[i]
            if kind < 35, let j = Optional(sessions[random.below(sessions.count)]), j != i,
                let ci = Self.candidate(groups, Self.place(scorer.position(j, scorer.current[j]!))),
                let cj = Self.candidate(scorer.t.groups[j], Self.place(scorer.position(i, old)))
            {
                // Swap: each takes the other's start and room.
                scorer.place(i, at: ci)
                let d = scorer.delta(j, to: cj)
                let candidate = scorer.score + d
                if candidate <= current || candidate <= history[slot] {
                    scorer.place(j, at: cj, delta: d)
                } else {
                    scorer.place(i, at: old)
                }
            } else {
                let c: Candidate
                let group = groups[Int(old.group)]
                if kind < 55 && group.starts.count > 1 {
                    // A small shift in time, same room.
                    let step = random.below(3) + 1
                    let t = Int(old.start) + (random.chance(50) ? step : -step)
                    c = Candidate(
                        group: old.group, room: old.room, start: Int32(min(max(t, 0), group.starts.count - 1)))
                } else if kind < 70 && group.rooms.count > 1 {
                    // Another room, same time.
                    c = Candidate(group: old.group, room: Int32(random.below(group.rooms.count)), start: old.start)
                } else {
                    c = Self.randomCandidate(groups, &random)
                }
                if c != old {
                    let d = scorer.delta(i, to: c)
                    let candidate = current + d
                    if candidate <= current || candidate <= history[slot] {
                        scorer.place(i, at: c, delta: d)
                    }
                }
            }
            history[slot] = scorer.score
            if scorer.score < best {
                best = scorer.score
                bestPlacement = scorer.current
                stalled = 0
                if best.hard == 0 && firstFeasible == nil {
                    firstFeasible = (tried, clock.now - began)
                    if stopWhenFeasible { break }
                }
            } else {
                stalled += 1
            }
            if stalled >= patience && scorer.score.hard > 0 {
                Self.kick(&scorer, sessions, &random)
                history = Array(repeating: scorer.score, count: length)
                stalled = 0
            }
            if let progress, tried % report == 0 {
                progress(SearchProgress(moves: tried, effort: effort, best: best, elapsed: clock.now - began))
            }
        }
        // Back to the best placement seen.
        for i in sessions where scorer.current[i] != bestPlacement[i] { scorer.place(i, at: nil) }
        for i in sessions where scorer.current[i] == nil { scorer.place(i, at: bestPlacement[i]) }
        return Result(
            scorer: scorer, movesTried: tried, stoppedByDeadline: stopped, firstFeasibleMove: firstFeasible?.0,
            firstFeasibleTime: firstFeasible?.1, elapsed: clock.now - began)
    }

    /// Moves one to three of the sessions that break a hard rule (taking them out would lower the hard score) to
    /// random candidates, whatever that costs.
    static func kick(_ scorer: inout Scorer, _ sessions: [Int], _ random: inout SplitMix) {
        let breaking = sessions.filter { scorer.delta($0, to: nil).hard < 0 }
        guard !breaking.isEmpty else { return }
        for _ in 0..<min(breaking.count, 1 + random.below(3)) {
            let i = breaking[random.below(breaking.count)]
            scorer.place(i, at: randomCandidate(scorer.t.groups[i], &random))
        }
    }

    /// Where a position is, as candidates are looked up.
    static func place(_ p: (start: Int64, end: Int64, venue: Int, room: Int, day: Int)) -> (
        start: Int64, room: Int, venue: Int
    ) {
        (p.start, p.room, p.venue)
    }

    /// Candidate number `k` of session `i` (groups, then rooms, then starts).
    static func candidate(_ problem: Problem, _ i: Int, _ k: Int) -> Candidate {
        candidate(problem.items[i].groups, k)
    }

    static func candidate(_ groups: [Problem.CandidateGroup], _ k: Int) -> Candidate {
        var k = k
        for (g, group) in groups.enumerated() {
            if k < group.count {
                return Candidate(
                    group: Int32(g), room: Int32(k / group.starts.count), start: Int32(k % group.starts.count))
            }
            k -= group.count
        }
        preconditionFailure("candidate out of range")
    }

    /// A candidate of session `i` drawn evenly from all of them.
    static func randomCandidate(_ problem: Problem, _ i: Int, _ random: inout SplitMix) -> Candidate {
        randomCandidate(problem.items[i].groups, &random)
    }

    static func randomCandidate(_ groups: [Problem.CandidateGroup], _ random: inout SplitMix) -> Candidate {
        var total = 0
        for g in groups { total += g.count }
        return candidate(groups, random.below(total))
    }

    /// The candidate of session `i` that starts at `start` in `room` at `venue`, if it has one.
    static func candidate(_ problem: Problem, _ i: Int, _ p: (start: Int64, room: Int, venue: Int)) -> Candidate? {
        candidate(problem.items[i].groups, p)
    }

    static func candidate(_ groups: [Problem.CandidateGroup], _ p: (start: Int64, room: Int, venue: Int)) -> Candidate?
    {
        for (g, group) in groups.enumerated() where group.venue == p.venue {
            guard let r = group.rooms.firstIndex(of: p.room) else { continue }
            var lo = 0
            var hi = group.starts.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if group.starts[mid] < p.start { lo = mid + 1 } else { hi = mid }
            }
            if lo < group.starts.count && group.starts[lo] == p.start {
                return Candidate(group: Int32(g), room: Int32(r), start: Int32(lo))
            }
        }
        return nil
    }
}
