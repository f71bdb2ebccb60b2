import BarazaChecks
import BarazaModel

/// Says why sessions cannot be placed: sessions whose own rules leave them nowhere, rooms and people with more to
/// hold than time to hold it (both proven by counting), and otherwise a small set of sessions the search cannot
/// place together, shrunk one session at a time and then, when small enough, proven by exhaustive search.
struct Explainer {
    let problem: Problem
    let seed: UInt64

    /// The most sessions a conflict is shrunk from, and the exhaustive search's budget (candidate tries).
    static let conflictLimit = 24
    static let proofBudget = 2_000_000

    // MARK: Sessions with no candidate

    /// A session whose candidates every one fail some rule of its own.
    func noCandidate(_ i: Int) -> Infeasibility {
        let item = problem.items[i]
        let r = item.rejections
        let w = problem.workspace
        let rules = r.counts.keys.sorted()
        let people = r.people.sorted().map { w.people[$0] }
        let rooms = r.rooms.sorted().map { problem.rooms[$0].room }
        var reasons = rules.map { rule -> String in
            let n = r.counts[rule]!
            switch rule {
            case "unknown-reference": return "it names a room or venue that does not exist (or a room of another venue)"
            case "over-capacity":
                return "rooms too small for its \(item.headcount) people: "
                    + rooms.filter { ($0.capacity ?? .max) < item.headcount }.map { "`\($0.id)` (\($0.capacity!))" }
                    .joined(separator: ", ")
            case "room-lacks-equipment":
                return "no room offers \(item.session.constraints.requires.joined(separator: ", "))"
            default: return "\(n) start\(n == 1 ? "" : "s") break `\(rule)`"
            }
        }
        if reasons.isEmpty { reasons = ["no start on the grid fits the event days and opening hours"] }
        let who = people.isEmpty ? "" : " (people: \(people.map { "\($0.name) (\($0.id))" }.joined(separator: ", ")))"
        return Infeasibility(
            kind: .noCandidate, sessions: [item.id], people: people.map(\.id), rooms: rooms.map(\.id), rules: rules,
            proven: true,
            message: "session `\(item.id)` (\(item.minutes) min) fits nowhere: \(reasons.joined(separator: "; "))\(who)"
        )
    }

    // MARK: Counting

    /// Rooms that sessions can use alone, and people, whose sessions need more minutes than are free in the hours
    /// those sessions may use: each a proof that the sessions cannot all be placed.
    func overloads(among sessions: Set<Int>) -> [(Infeasibility, [Int])] {
        var found: [(Infeasibility, [Int])] = []
        let w = problem.workspace
        // Rooms.
        for r in problem.rooms.indices {
            let bound = problem.movable.filter { i in
                let groups = problem.items[i].groups
                return !groups.isEmpty && groups.allSatisfy { $0.rooms == [r] }
            }
            guard bound.contains(where: sessions.contains) else { continue }
            let fixed = problem.items.indices.filter { !problem.items[$0].movable && problem.items[$0].fixedRoom == r }
            if let shortfall = overload(bound, busy: fixed.compactMap { busySpan($0) }) {
                let room = problem.rooms[r].room
                found.append(
                    (
                        Infeasibility(
                            kind: .roomOverloaded, sessions: bound.map { problem.items[$0].id }, people: [],
                            rooms: [room.id], rules: ["room-double-booked"], proven: true,
                            message: "these \(bound.count) sessions can only use room `\(room.id)` and need "
                                + "\(shortfall.needed) min of it on \(shortfall.days); it is free \(shortfall.free) min "
                                + "in the hours they may use: \(bound.map { "`\(problem.items[$0].id)`" }.joined(separator: ", "))"
                        ),
                        bound
                    ))
            }
        }
        // People.
        for (p, person) in problem.people.enumerated() {
            let mine = person.presented.filter { problem.items[$0].movable && !problem.items[$0].groups.isEmpty }
            guard mine.count > 1, mine.contains(where: sessions.contains) else { continue }
            let fixed =
                person.presented.filter { !problem.items[$0].movable }.compactMap { busySpan($0) }
                + person.elsewhere
            if let shortfall = overload(mine, busy: fixed) {
                let who = w.people[p]
                found.append(
                    (
                        Infeasibility(
                            kind: .personOverloaded, sessions: mine.map { problem.items[$0].id }, people: [who.id],
                            rooms: [], rules: ["person-double-booked"], proven: true,
                            message:
                                "\(who.name) (\(who.id)) presents \(mine.count) sessions needing \(shortfall.needed) min "
                                + "on \(shortfall.days), but has \(shortfall.free) min free in the hours they may use: "
                                + mine.map { "`\(problem.items[$0].id)`" }.joined(separator: ", ")),
                        mine
                    ))
            }
        }
        return found
    }

    private func busySpan(_ i: Int) -> (Int64, Int64)? {
        problem.items[i].fixedStart.map { ($0, problem.items[i].fixedEnd) }
    }

    /// Whether `sessions`, which must not overlap one another, need more minutes than the union of their candidate
    /// spans leaves free of `busy`.
    private func overload(_ sessions: [Int], busy: [(Int64, Int64)]) -> (needed: Int, free: Int, days: String)? {
        var spans: [(Int64, Int64)] = []
        for i in sessions {
            let length = Int64(problem.items[i].minutes) * 60
            for g in problem.items[i].groups { for s in g.starts { spans.append((s, s + length)) } }
        }
        let free = Self.minutes(Self.subtract(Self.union(spans), Self.union(busy)))
        let needed = sessions.reduce(0) { $0 + problem.items[$1].minutes }
        guard needed > free else { return nil }
        let zone = problem.workspace.event.zone
        let days = Set(spans.map { zone.localDateTime(at: Instant(secondsSince1970: $0.0)).date }).sorted()
        let shown = days.count <= 3 ? days.map(\.iso8601).joined(separator: ", ") : "\(days.count) days"
        return (needed, free, shown)
    }

    static func union(_ spans: [(Int64, Int64)]) -> [(Int64, Int64)] {
        var out: [(Int64, Int64)] = []
        for (a, b) in spans.sorted(by: { $0 < $1 }) {
            if let last = out.last, a <= last.1 {
                out[out.count - 1].1 = max(last.1, b)
            } else {
                out.append((a, b))
            }
        }
        return out
    }

    static func subtract(_ spans: [(Int64, Int64)], _ busy: [(Int64, Int64)]) -> [(Int64, Int64)] {
        var out: [(Int64, Int64)] = []
        for (a, b) in spans {
            var pieces = [(a, b)]
            for (c, d) in busy {
                pieces = pieces.flatMap { (x, y) -> [(Int64, Int64)] in
                    guard c < y && x < d else { return [(x, y)] }
                    return [(x, c), (d, y)].filter { $0.0 < $0.1 }
                }
            }
            out += pieces
        }
        return out
    }

    static func minutes(_ spans: [(Int64, Int64)]) -> Int { Int(spans.reduce(0) { $0 + ($1.1 - $1.0) } / 60) }

    // MARK: Conflicts

    /// Whether the search places every session of `subset` (the fixed programme kept, other movable sessions left
    /// out) without a hard violation; with the scorer it ended with.
    func placeable(_ subset: [Int], effort: Int) -> (Bool, Scorer) {
        let result = Search(seed: seed, effort: effort, deadline: nil, progress: nil).run(problem, subset: subset)
        return (result.scorer.score.hard == 0, result.scorer)
    }

    /// The sessions `i` competes with: sharing a presenter, a room both can only use, a relation, signed-up
    /// audiences when overlaps are hard; then the rest of the movable sessions sharing a room with it.
    func rivals(of i: Int) -> [Int] {
        var ordered: [Int] = []
        var seen: Set<Int> = [i]
        func add(_ o: Int) {
            if problem.items[o].movable, !problem.items[o].groups.isEmpty, seen.insert(o).inserted { ordered.append(o) }
        }
        let item = problem.items[i]
        for p in item.presenters { for o in problem.people[p].presented { add(o) } }
        for (o, _) in item.order { add(o) }
        for o in item.sameRoom + item.notParallel { add(o) }
        for t in item.excludedTags { for o in problem.tagMembers[t] { add(o) } }
        for t in item.tags { for o in problem.tagExcluders[t] { add(o) } }
        let myRooms = Set(item.groups.flatMap(\.rooms).filter { $0 >= 0 })
        let narrow = problem.movable.filter { o in
            let rooms = Set(problem.items[o].groups.flatMap(\.rooms))
            return !rooms.isDisjoint(with: myRooms)
        }
        // Sessions with fewer rooms to choose from first: they compete hardest.
        for o in narrow.sorted(by: {
            (Set(problem.items[$0].groups.flatMap(\.rooms)).count, $0) < (
                Set(problem.items[$1].groups.flatMap(\.rooms)).count, $1
            )
        }) {
            add(o)
        }
        return ordered
    }

    /// A small set of sessions, including `i`, that the search cannot place together, shrunk by leaving out one
    /// session at a time while the rest still fails; proven when an exhaustive search confirms it. Nil when `i`
    /// and its rivals can be placed together (the conflict is spread wider than this looks).
    func conflict(around i: Int, effortPerSession: Int) -> Infeasibility? {
        var core = [i] + rivals(of: i).prefix(Self.conflictLimit - 1)
        func fails(_ set: [Int]) -> Bool { !placeable(set, effort: min(200_000, effortPerSession * set.count)).0 }
        guard fails(core) else { return nil }
        // Leave out one at a time, keeping `i`; what still fails without it is not needed.
        var k = core.count - 1
        while k >= 1 {
            let smaller = core.enumerated().filter { $0.offset != k }.map(\.element)
            if fails(smaller) { core = smaller }
            k -= 1
        }
        let proven = core.count <= 12 && exhaustivelyInfeasible(core)
        let (_, attempt) = placeable(core, effort: min(200_000, effortPerSession * core.count))
        let evaluation = Evaluation(attempt)
        let rules = evaluation.hard.keys.sorted()
        var people: Set<Int> = []
        var rooms: Set<Int> = []
        for s in core {
            let presenters = Set(problem.items[s].presenters)
            for o in core where o != s { people.formUnion(presenters.intersection(problem.items[o].presenters)) }
            let mine = Set(problem.items[s].groups.flatMap(\.rooms).filter { $0 >= 0 })
            for o in core where o != s {
                rooms.formUnion(mine.intersection(problem.items[o].groups.flatMap(\.rooms)))
            }
        }
        let w = problem.workspace
        let ids = core.map { problem.items[$0].id }
        let shared = [
            people.isEmpty
                ? nil
                : "people "
                    + people.sorted().map { "\(w.people[$0].name) (\(w.people[$0].id))" }.joined(separator: ", "),
            rooms.isEmpty || rooms.count > 4
                ? nil : "rooms " + rooms.sorted().map { "`\(problem.rooms[$0].id)`" }.joined(separator: ", "),
        ].compactMap { $0 }
        let how = proven ? "proven by trying every placement" : "the search found no placement; not proven"
        return Infeasibility(
            kind: .conflict, sessions: ids, people: people.sorted().map { w.people[$0].id },
            rooms: rooms.count > 4 ? [] : rooms.sorted().map { problem.rooms[$0].id }, rules: rules, proven: proven,
            message: "these \(core.count) sessions cannot all be placed (\(how)): "
                + ids.map { "`\($0)`" }.joined(separator: ", ")
                + (shared.isEmpty ? "" : "; they share " + shared.joined(separator: " and "))
                + (rules.isEmpty ? "" : "; rules in the way: " + rules.joined(separator: ", ")))
    }

    /// Whether no placement of `sessions` (fixed programme kept, other movable sessions out) is free of hard
    /// violations, by trying them all (depth first, fewest candidates first); false when the budget runs out.
    func exhaustivelyInfeasible(_ sessions: [Int]) -> Bool {
        var scorer = Scorer(problem)
        let order = sessions.sorted {
            (problem.items[$0].groups.reduce(0) { $0 + $1.count }, $0) < (
                problem.items[$1].groups.reduce(0) { $0 + $1.count }, $1
            )
        }
        var budget = Self.proofBudget
        func search(_ depth: Int) -> Bool? {
            if depth == order.count { return true }
            let i = order[depth]
            let total = problem.items[i].groups.reduce(0) { $0 + $1.count }
            for k in 0..<total {
                budget -= 1
                if budget < 0 { return nil }
                let c = Search.candidate(problem, i, k)
                guard (scorer.score + scorer.delta(i, to: c)).hard == 0 else { continue }
                scorer.place(i, at: c)
                let found = search(depth + 1)
                scorer.place(i, at: nil)
                if found != false { return found }
            }
            return false
        }
        return search(0) == false
    }
}
