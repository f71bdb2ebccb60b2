import BarazaChecks
import BarazaLogistics
import BarazaModel

/// The score of a placement computed from nothing, term by term, with the sessions behind each soft penalty: the
/// slow, obvious twin of `Scorer`'s incremental score (a test holds them equal) and the source of the summary.
struct Evaluation {
    /// The total, as `Scorer.score` keeps it.
    var total = Score.zero
    /// Hard violations per rule id (in the rule's unit).
    var hard: [String: Int64] = [:]
    /// Each soft constraint's penalty before weighting, and the sessions (numbers) behind it.
    var soft: [SoftConstraint: (units: Int64, sessions: Set<Int>)] = [:]
    /// Movable sessions not where they were (with `--keep-placed`).
    var moved: [Int] = []

    init(_ s: Scorer) {
        let problem = s.problem
        let items = problem.items
        let h = problem.hard
        let weights = problem.weights
        func overlap(_ a: Int, _ b: Int) -> Int64 {
            guard s.start[a] < s.end[b] && s.start[b] < s.end[a] else { return 0 }
            return max(1, (min(s.end[a], s.end[b]) - max(s.start[a], s.start[b])) / 60)
        }
        func interval(_ i: Int) -> Interval {
            Interval(start: Instant(secondsSince1970: s.start[i]), end: Instant(secondsSince1970: s.end[i]))
        }
        func addHard(_ rule: String, _ n: Int64) {
            guard n != 0 else { return }
            hard[rule, default: 0] += n
            total.hard += n
        }
        func addSoft(_ c: SoftConstraint, _ units: Int64, _ sessions: [Int]) {
            guard units != 0, weights[c.index] > 0 else { return }
            soft[c, default: (0, [])].units += units
            soft[c]!.sessions.formUnion(sessions)
            total.soft += units * weights[c.index]
        }
        let live = items.indices.filter { s.active[$0] }
        // Unary terms of each placed movable session.
        for i in live where items[i].movable {
            let c = s.current[i]!
            let g = items[i].groups[Int(c.group)]
            let t = Int(c.start)
            let r = g.rooms[Int(c.room)]
            let span = interval(i)
            if g.online {
                var outside: Int64 = 0
                for p in items[i].attendees {
                    guard let home = problem.workspace.people[p].homeZone else { continue }
                    outside += Int64(
                        WakingHoursRule().minutesOutside(
                            span, window: problem.workspace.settings.wakingHours, zone: home))
                }
                if h.has("outside-waking-hours") {
                    addHard("outside-waking-hours", outside)
                } else {
                    addSoft(.wakingHours, outside, [i])
                }
            }
            let windows =
                items[i].kind == .meal
                ? problem.settings.mealTimes : items[i].kind == .break ? problem.settings.breakTimes : []
            if !windows.isEmpty {
                addSoft(.mealTimes, Int64(Problem.minutesOutside(span, windows: windows, zone: g.zone)), [i])
            }
            let roomValue = r >= 0 ? problem.rooms[r].room : nil
            let left = Int64(
                LanguageRule.leftOut(items[i].session, room: roomValue, people: problem.workspace.peopleByID).count)
            if h.has("language-not-covered") {
                addHard("language-not-covered", left)
            } else {
                addSoft(.language, left * Int64(items[i].minutes), [i])
            }
            if let capacity = roomValue?.capacity {
                addSoft(.popularRooms, Problem.crowding(headcount: items[i].headcount, capacity: capacity), [i])
                if !g.mealHeadcount.isEmpty {
                    addHard("meal-over-capacity", Int64(max(0, g.mealHeadcount[t] - capacity)))
                }
            }
            if let o = items[i].original, o.start != s.start[i] || o.room != s.room[i] || o.venue != s.venue[i] {
                moved.append(i)
                total.moved += 1
            }
        }
        // Pairs with at least one movable session.
        func pairs(_ list: [Int], _ body: (Int, Int) -> Void) {
            for x in list.indices {
                for y in list.indices where y > x {
                    let (a, b) = (list[x], list[y])
                    if s.active[a] && s.active[b] && (items[a].movable || items[b].movable) { body(a, b) }
                }
            }
        }
        for person in problem.people {
            if h.has("person-double-booked") {
                pairs(person.presented) { a, b in
                    // Fixed sessions are kept out of a movable one's candidates, so only movable pairs remain.
                    if items[a].movable && items[b].movable { addHard("person-double-booked", overlap(a, b)) }
                }
            }
            let inPerson = person.presented.filter { o in
                s.active[o] && s.venue[o] >= 0 && items[o].inPersonAt[s.venue[o]]
            }
            if person.severalVenues && h.has("travel-time") {
                let timeline = inPerson.map { (interval: interval($0), venue: problem.venues[s.venue[$0]].id) }
                for short in TravelTimeRule.shortfalls(
                    timeline, travel: { problem.workspace.travelMinutes(from: $0, to: $1) })
                {
                    if items[inPerson[short.earlier]].movable || items[inPerson[short.later]].movable {
                        addHard("travel-time", Int64(short.needed - short.gap))
                    }
                }
            }
            let timeline = inPerson.map { (interval: interval($0), key: items[$0].id) }
            for t in person.transfers where !timeline.isEmpty {
                let direction: Journey.Direction = t.arrival ? .arrival : .departure
                guard
                    let k = TransferTimingRule.decisive(
                        direction, journey: Instant(secondsSince1970: t.journey), sessions: timeline),
                    items[inPerson[k]].movable
                else { continue }
                let v = s.venue[inPerson[k]]
                let short =
                    t.arrival
                    ? timeline[k].interval.start.minutes(until: Instant(secondsSince1970: t.perVenue[v]))
                    : Instant(secondsSince1970: t.pickUp).minutes(
                        until: timeline[k].interval.end.adding(minutes: Int(t.perVenue[v])))
                if short > 0 { addHard(t.arrival ? "arrival-transfer-late" : "departure-transfer-early", Int64(short)) }
            }
            if person.hasMovable {
                // Beyond the days the fixed sessions already take, which no placement changes.
                let days = Set(person.presented.filter { s.active[$0] }.map { s.day[$0] })
                let fixedDays = Set(person.presented.filter { s.active[$0] && !items[$0].movable }.map { s.day[$0] })
                addSoft(
                    .speakerDays, Int64(max(0, days.count - 1) - max(0, fixedDays.count - 1)),
                    person.presented.filter { s.active[$0] && items[$0].movable })
            }
        }
        if h.has("room-double-booked") {
            var byRoom: [Int: [Int]] = [:]
            for i in live where s.room[i] >= 0 { byRoom[s.room[i], default: []].append(i) }
            for r in byRoom.keys.sorted() { pairs(byRoom[r]!) { a, b in addHard("room-double-booked", overlap(a, b)) } }
        }
        var parallel: Set<[Int]> = []
        for i in items.indices {
            let item = items[i]
            if h.has("parallel-sessions") {
                var others = Set(item.notParallel)
                for t in item.excludedTags { others.formUnion(problem.tagMembers[t]) }
                for o in others where o != i { parallel.insert([min(i, o), max(i, o)]) }
            }
        }
        if h.has("session-order") {
            // Each written constraint once: `Problem` stores it on both sessions, the other side first.
            for i in items.indices where s.active[i] {
                for (o, follows) in items[i].order where o > i && s.active[o] && (items[i].movable || items[o].movable)
                {
                    addHard(
                        "session-order",
                        Int64(SessionOrderRule.minutesOutOfOrder(interval(i), mustFollow: follows, other: interval(o))))
                }
            }
        }
        if h.has("different-rooms") {
            for i in items.indices where s.active[i] {
                for o in items[i].sameRoom where o > i && s.active[o] && (items[i].movable || items[o].movable) {
                    if s.room[i] >= 0 && s.room[o] >= 0 && s.room[i] != s.room[o] { addHard("different-rooms", 60) }
                }
            }
        }
        for pair in parallel.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let (a, b) = (pair[0], pair[1])
            if s.active[a] && s.active[b] && (items[a].movable || items[b].movable) {
                addHard("parallel-sessions", overlap(a, b))
            }
        }
        for i in items.indices where s.active[i] {
            for (o, people) in items[i].coSignups where o > i && s.active[o] {
                let torn = overlap(i, o) * people
                if h.has("participant-overlap") {
                    addHard("participant-overlap", torn)
                } else {
                    addSoft(.participantOverlap, torn, [i, o])
                }
            }
        }
        for i in live {
            for o in live where o > i && (items[i].kind == .plenary || items[o].kind == .plenary) {
                if items[i].movable || items[o].movable {
                    addSoft(.plenaryAlone, overlap(i, o), [i, o])
                }
            }
        }
        for t in problem.tagNames.indices where problem.tagMovable[t] {
            // Beyond the rooms the fixed sessions already take that day.
            var rooms: [Int: Set<Int>] = [:]
            var fixedRooms: [Int: Set<Int>] = [:]
            var members: [Int: [Int]] = [:]
            for i in problem.tagMembers[t] where s.active[i] && s.room[i] >= 0 {
                rooms[s.day[i], default: []].insert(s.room[i])
                if !items[i].movable { fixedRooms[s.day[i], default: []].insert(s.room[i]) }
                members[s.day[i], default: []].append(i)
            }
            for d in rooms.keys.sorted() {
                let extra = max(0, rooms[d]!.count - 1) - max(0, (fixedRooms[d]?.count ?? 0) - 1)
                addSoft(.trackRoom, Int64(extra), members[d]!.filter { items[$0].movable })
            }
        }
    }
}
