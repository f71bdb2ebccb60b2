import BarazaChecks
import BarazaLogistics
import BarazaModel

/// What the search reads on every move, copied once out of `Problem`'s classes into plain arrays (reading a class's
/// stored `var` costs an exclusivity check each time).
struct Tables {
    let movable: [Bool]
    let minutes: [Int]
    let presenters: [[Int]]
    let tags: [[Int]]
    let plenary: [Bool]
    let order: [[(other: Int, mustFollow: Bool)]]
    let sameRoom: [[Int]]
    let notParallel: [[Int]]
    let excludedTags: [[Int]]
    let coSignups: [[(other: Int, people: Int64)]]
    let inPersonAt: [[Bool]]
    let idRank: [Int]
    let original: [(start: Int64, room: Int, venue: Int)?]
    let groups: [[Problem.CandidateGroup]]
    let presented: [[Int]]
    let severalVenues: [Bool]
    let hasMovable: [Bool]
    let transfers: [[Problem.TransferDeadline]]
    let tagMembers: [[Int]]
    let tagExcluders: [[Int]]
    let tagMovable: [Bool]
    let plenaries: [Int]
    let roomCapacity: [Int?]
    let travel: [Int32]
    let venueCount: Int
    let hard: HardRules

    init(_ p: Problem) {
        movable = p.items.map(\.movable)
        minutes = p.items.map(\.minutes)
        presenters = p.items.map(\.presenters)
        tags = p.items.map(\.tags)
        plenary = p.items.map { $0.kind == .plenary }
        order = p.items.map(\.order)
        sameRoom = p.items.map(\.sameRoom)
        notParallel = p.items.map(\.notParallel)
        excludedTags = p.items.map(\.excludedTags)
        coSignups = p.items.map(\.coSignups)
        inPersonAt = p.items.map(\.inPersonAt)
        idRank = p.items.map(\.idRank)
        original = p.items.map(\.original)
        groups = p.items.map(\.groups)
        presented = p.people.map(\.presented)
        severalVenues = p.people.map(\.severalVenues)
        hasMovable = p.people.map(\.hasMovable)
        transfers = p.people.map(\.transfers)
        tagMembers = p.tagMembers
        tagExcluders = p.tagExcluders
        tagMovable = p.tagMovable
        plenaries = p.plenaries
        roomCapacity = p.rooms.map(\.capacity)
        travel = p.travel
        venueCount = p.venues.count
        hard = p.hard
    }
}

/// A movable session's place among its candidates: group, room and start, by position.
struct Candidate: Hashable, Sendable {
    var group: Int32
    var room: Int32
    var start: Int32
}

/// The search's state: where every session is, the indexes that let one session's move be scored on its own, and
/// the running score. Every term involves at least one movable session (what the fixed programme does alone is
/// not the proposal's doing), and each is decided by the rule's own code (see `Problem`).
struct Scorer {
    let problem: Problem
    /// `problem`'s arrays the search reads on every move.
    let t: Tables
    private(set) var start: [Int64]
    private(set) var end: [Int64]
    private(set) var venue: [Int]
    private(set) var room: [Int]
    private(set) var active: [Bool]
    /// The event-zone day number of each active session's start.
    private(set) var day: [Int]
    private(set) var current: [Candidate?]
    private var roomMembers: [[Int]]
    private var roomSlot: [Int]
    private var dayMembers: [[Int]]
    private var daySlot: [Int]
    private var personDays: [Int64: Int32] = [:]
    private var personDistinctDays: [Int32]
    private var trackCounts: [Int64: Int32] = [:]
    private var trackDistinct: [Int64: Int32] = [:]
    private var stamp: [UInt32]
    private var stampValue: UInt32 = 0
    // Reused buffers for one person's timeline, so that scoring a move allocates nothing.
    private var scratchMembers: [Int] = []
    private var scratchPlaces: [Int] = []
    private var scratchTravel: [(interval: Interval, venue: Int)] = []
    private var scratchTimeline: [(interval: Interval, key: Int)] = []
    /// The total of every term.
    private(set) var score = Score.zero

    private let w: [Int64]
    private let dayBase: Int

    init(_ problem: Problem) {
        self.problem = problem
        t = Tables(problem)
        let n = problem.items.count
        start = Array(repeating: 0, count: n)
        end = Array(repeating: 0, count: n)
        venue = Array(repeating: -1, count: n)
        room = Array(repeating: -1, count: n)
        active = Array(repeating: false, count: n)
        day = Array(repeating: 0, count: n)
        current = Array(repeating: nil, count: n)
        roomMembers = Array(repeating: [], count: problem.rooms.count)
        roomSlot = Array(repeating: -1, count: n)
        // Days from two before the event to two after cover every start a candidate or a fixed session has.
        dayBase = problem.firstDay - 2
        dayMembers = Array(repeating: [], count: problem.dayCount + 4)
        daySlot = Array(repeating: -1, count: n)
        personDistinctDays = Array(repeating: 0, count: problem.people.count)
        stamp = Array(repeating: 0, count: n)
        w = problem.weights
        for i in problem.items.indices where !problem.items[i].movable {
            let item = problem.items[i]
            guard let s = item.fixedStart else { continue }
            let d = problem.workspace.event.zone.localDateTime(at: Instant(secondsSince1970: s)).date.daysSince1970
            activate(i, start: s, end: item.fixedEnd, venue: item.fixedVenue, room: item.fixedRoom, day: d)
        }
    }

    // MARK: Positions

    /// Where candidate `c` of session `i` puts it.
    func position(_ i: Int, _ c: Candidate) -> (start: Int64, end: Int64, venue: Int, room: Int, day: Int) {
        let g = t.groups[i][Int(c.group)]
        let s = g.starts[Int(c.start)]
        return (s, s + Int64(t.minutes[i]) * 60, g.venue, g.rooms[Int(c.room)], g.days[Int(c.start)])
    }

    private mutating func activate(_ i: Int, start s: Int64, end e: Int64, venue v: Int, room r: Int, day d: Int) {
        start[i] = s
        end[i] = e
        venue[i] = v
        room[i] = r
        day[i] = d
        active[i] = true
        if r >= 0 {
            roomSlot[i] = roomMembers[r].count
            roomMembers[r].append(i)
        }
        let slot = min(max(d - dayBase, 0), dayMembers.count - 1)
        daySlot[i] = dayMembers[slot].count
        dayMembers[slot].append(i)
        for p in t.presenters[i] where t.hasMovable[p] {
            let key = Int64(p) << 32 | Int64(d)
            let n = personDays[key, default: 0]
            if n == 0 { personDistinctDays[p] += 1 }
            personDays[key] = n + 1
        }
        if r >= 0 {
            for tag in t.tags[i] where t.tagMovable[tag] {
                let key = trackKey(tag, d, r)
                let n = trackCounts[key, default: 0]
                if n == 0 { trackDistinct[trackKey(tag, d, -1), default: 0] += 1 }
                trackCounts[key] = n + 1
            }
        }
    }

    private mutating func deactivate(_ i: Int) {
        let r = room[i]
        if r >= 0 {
            let slot = roomSlot[i]
            let last = roomMembers[r].removeLast()
            if last != i {
                roomMembers[r][slot] = last
                roomSlot[last] = slot
            }
            roomSlot[i] = -1
        }
        let ds = min(max(day[i] - dayBase, 0), dayMembers.count - 1)
        let slot = daySlot[i]
        let last = dayMembers[ds].removeLast()
        if last != i {
            dayMembers[ds][slot] = last
            daySlot[last] = slot
        }
        daySlot[i] = -1
        for p in t.presenters[i] where t.hasMovable[p] {
            let key = Int64(p) << 32 | Int64(day[i])
            let n = personDays[key]! - 1
            if n == 0 {
                personDistinctDays[p] -= 1
                personDays[key] = nil
            } else {
                personDays[key] = n
            }
        }
        if r >= 0 {
            for tag in t.tags[i] where t.tagMovable[tag] {
                let key = trackKey(tag, day[i], r)
                let n = trackCounts[key]! - 1
                if n == 0 {
                    trackDistinct[trackKey(tag, day[i], -1)]! -= 1
                    trackCounts[key] = nil
                } else {
                    trackCounts[key] = n
                }
            }
        }
        active[i] = false
    }

    private func trackKey(_ t: Int, _ d: Int, _ r: Int) -> Int64 {
        Int64(t) << 40 | Int64(d - dayBase) << 24 | Int64(r + 1)
    }

    // MARK: Moves

    /// Puts movable session `i` at candidate `c` (or takes it out with nil), keeping the score; `known` is
    /// `delta(i, to: c)` when the caller has just computed it.
    mutating func place(_ i: Int, at c: Candidate?, delta known: Score? = nil) {
        score += known ?? delta(i, to: c)
        if active[i] { deactivate(i) }
        current[i] = c
        if let c {
            let p = position(i, c)
            activate(i, start: p.start, end: p.end, venue: p.venue, room: p.room, day: p.day)
        }
    }

    /// How the score changes if movable session `i` goes to `c` (nil: taken out).
    mutating func delta(_ i: Int, to c: Candidate?) -> Score {
        var d = Score.zero
        let new = c.map { position(i, $0) }
        let old = current[i].map { position(i, $0) }
        if let c, let new { d += contribution(i, c, new) }
        if let o = current[i], let old { d -= contribution(i, o, old) }
        d.hard += timelines(i, at: new) - timelines(i, at: old)
        d += countDelta(i, to: c)
        return d
    }

    /// Every term session `i` takes part in when it is at `c` (position `p`), the others where they are; the
    /// per-day counts are `countDelta`'s.
    private mutating func contribution(
        _ i: Int, _ c: Candidate, _ p: (start: Int64, end: Int64, venue: Int, room: Int, day: Int)
    ) -> Score {
        let g = t.groups[i][Int(c.group)]
        var sc = g.timeCost[Int(c.start)] + g.roomCost[Int(c.room)]
        let (s, e, r) = (p.start, p.end, p.room)
        let h = t.hard
        if !g.mealHeadcount.isEmpty, r >= 0, let capacity = t.roomCapacity[r] {
            let over = g.mealHeadcount[Int(c.start)] - capacity
            if over > 0 { sc.hard += Int64(over) }
        }
        if let original = t.original[i], original.start != s || original.room != r || original.venue != p.venue {
            sc.moved += 1
        }
        // Presenters' double bookings (travel and transfers are `timelines`).
        if h.doubleBooked {
            for person in t.presenters[i] {
                for o in t.presented[person] where o != i && active[o] && t.movable[o] {
                    sc.hard += overlap(s, e, start[o], end[o])
                }
            }
        }
        if r >= 0 && h.roomDoubleBooked {
            for o in roomMembers[r] where o != i {
                sc.hard += overlap(s, e, start[o], end[o])
            }
        }
        if h.order {
            for (o, follows) in t.order[i] where active[o] {
                let other = Interval(start: Instant(secondsSince1970: start[o]), end: Instant(secondsSince1970: end[o]))
                let mine = Interval(start: Instant(secondsSince1970: s), end: Instant(secondsSince1970: e))
                sc.hard += Int64(SessionOrderRule.minutesOutOfOrder(mine, mustFollow: follows, other: other))
            }
        }
        if h.sameRoom && r >= 0 {
            for o in t.sameRoom[i] where active[o] && room[o] >= 0 && room[o] != r { sc.hard += 60 }
        }
        if h.parallel && (!t.notParallel[i].isEmpty || !t.excludedTags[i].isEmpty || !t.tags[i].isEmpty) {
            stampValue &+= 1
            if stampValue == 0 {
                for k in stamp.indices { stamp[k] = 0 }
                stampValue = 1
            }
            stamp[i] = stampValue
            for o in t.notParallel[i] where stamp[o] != stampValue {
                stamp[o] = stampValue
                if active[o] { sc.hard += overlap(s, e, start[o], end[o]) }
            }
            for tag in t.excludedTags[i] {
                for o in t.tagMembers[tag] where stamp[o] != stampValue {
                    stamp[o] = stampValue
                    if active[o] { sc.hard += overlap(s, e, start[o], end[o]) }
                }
            }
            for tag in t.tags[i] {
                for o in t.tagExcluders[tag] where stamp[o] != stampValue {
                    stamp[o] = stampValue
                    if active[o] { sc.hard += overlap(s, e, start[o], end[o]) }
                }
            }
        }
        if !t.coSignups[i].isEmpty {
            var torn: Int64 = 0
            for (o, people) in t.coSignups[i] where active[o] { torn += overlap(s, e, start[o], end[o]) * people }
            if h.participantOverlap {
                sc.hard += torn
            } else {
                sc.soft += torn * w[SoftConstraint.participantOverlap.index]
            }
        }
        let plenaryWeight = w[SoftConstraint.plenaryAlone.index]
        if plenaryWeight > 0 {
            var minutes: Int64 = 0
            if t.plenary[i] {
                let first = min(max(p.day - 1 - dayBase, 0), dayMembers.count - 1)
                let last = min(max(p.day + 1 - dayBase, 0), dayMembers.count - 1)
                for slot in first...last {
                    for o in dayMembers[slot] where o != i { minutes += overlap(s, e, start[o], end[o]) }
                }
            } else {
                for o in t.plenaries where o != i && active[o] { minutes += overlap(s, e, start[o], end[o]) }
            }
            sc.soft += minutes * plenaryWeight
        }
        return sc
    }

    /// Minutes two spans overlap; at least 1 when they share any second, as the overlap rules count a clash.
    @inline(__always)
    private func overlap(_ a: Int64, _ b: Int64, _ c: Int64, _ d: Int64) -> Int64 {
        guard a < d && c < b else { return 0 }
        return max(1, (min(b, d) - max(a, c)) / 60)
    }

    /// The travel and transfer shortfalls of session `i`'s presenters with `i` at `p` (nil: left out), the others
    /// where they are. These terms are whole timelines, not pairs: moving one session changes which sessions are
    /// consecutive, so a move is scored as the difference of the timelines before and after.
    private mutating func timelines(
        _ i: Int, at p: (start: Int64, end: Int64, venue: Int, room: Int, day: Int)?
    ) -> Int64 {
        var total: Int64 = 0
        for person in t.presenters[i] {
            if t.severalVenues[person] && t.hard.travel { total += travelShort(person, i, p) }
            if !t.transfers[person].isEmpty { total += transferShort(person, i, p) }
        }
        return total
    }

    /// Travel shortfalls in `person`'s in-person timeline with session `i` at `p` (nil: left out), counting pairs
    /// with a movable session (`TravelTimeRule.shortfalls` decides; venues by number, travel from `Problem.travel`).
    private mutating func travelShort(
        _ person: Int, _ i: Int, _ p: (start: Int64, end: Int64, venue: Int, room: Int, day: Int)?
    ) -> Int64 {
        scratchMembers.removeAll(keepingCapacity: true)
        scratchTravel.removeAll(keepingCapacity: true)
        for o in t.presented[person] {
            let (s, e, v): (Int64, Int64, Int)
            if o == i {
                guard let p else { continue }
                (s, e, v) = (p.start, p.end, p.venue)
            } else {
                guard active[o] else { continue }
                (s, e, v) = (start[o], end[o], venue[o])
            }
            guard v >= 0, t.inPersonAt[o][v] else { continue }
            scratchMembers.append(o)
            scratchTravel.append((Interval(start: Instant(secondsSince1970: s), end: Instant(secondsSince1970: e)), v))
        }
        guard scratchTravel.count > 1 else { return 0 }
        var total: Int64 = 0
        let venues = t.venueCount
        let travel = t.travel
        for short in TravelTimeRule.shortfalls(
            scratchTravel,
            travel: { a, b in
                let m = travel[a * venues + b]
                return m < 0 ? nil : Int(m)
            })
        {
            let (a, b) = (scratchMembers[short.earlier], scratchMembers[short.later])
            if t.movable[a] || t.movable[b] {
                total += Int64(short.needed - short.gap)
            }
        }
        return total
    }

    /// Minutes `person`'s transfers miss their sessions by, with session `i` at `p` (nil: left out), when the
    /// session a transfer must fit is movable (`TransferTimingRule.decisive` picks it; the instants per venue come
    /// from the rule).
    private mutating func transferShort(
        _ person: Int, _ i: Int, _ p: (start: Int64, end: Int64, venue: Int, room: Int, day: Int)?
    ) -> Int64 {
        scratchMembers.removeAll(keepingCapacity: true)
        scratchPlaces.removeAll(keepingCapacity: true)
        scratchTimeline.removeAll(keepingCapacity: true)
        for o in t.presented[person] {
            let (s, e, v): (Int64, Int64, Int)
            if o == i {
                guard let p else { continue }
                (s, e, v) = (p.start, p.end, p.venue)
            } else {
                guard active[o] else { continue }
                (s, e, v) = (start[o], end[o], venue[o])
            }
            guard v >= 0, t.inPersonAt[o][v] else { continue }
            scratchMembers.append(o)
            scratchPlaces.append(v)
            scratchTimeline.append(
                (Interval(start: Instant(secondsSince1970: s), end: Instant(secondsSince1970: e)), t.idRank[o]))
        }
        guard !scratchTimeline.isEmpty else { return 0 }
        var total: Int64 = 0
        for deadline in t.transfers[person] {
            guard
                let k = TransferTimingRule.decisive(
                    deadline.arrival ? .arrival : .departure, journey: Instant(secondsSince1970: deadline.journey),
                    sessions: scratchTimeline),
                t.movable[scratchMembers[k]]
            else { continue }
            let span = scratchTimeline[k].interval
            let at = deadline.perVenue[scratchPlaces[k]]
            let short =
                deadline.arrival
                ? span.start.minutes(until: Instant(secondsSince1970: at))
                : Instant(secondsSince1970: deadline.pickUp).minutes(until: span.end.adding(minutes: Int(at)))
            if short > 0 { total += Int64(short) }
        }
        return total
    }

    /// How the per-day counts change when session `i` goes to `c`: its presenters' days, its tags' rooms per day.
    private func countDelta(_ i: Int, to c: Candidate?) -> Score {
        let old: (day: Int, room: Int)? = active[i] ? (day[i], room[i]) : nil
        let new: (day: Int, room: Int)? = c.map {
            let p = position(i, $0)
            return (p.day, p.room)
        }
        var soft: Int64 = 0
        let daysWeight = w[SoftConstraint.speakerDays.index]
        if daysWeight > 0 && old?.day != new?.day {
            for person in t.presenters[i] {
                let before = Int64(personDistinctDays[person])
                var after = before
                if let o = old, personDays[Int64(person) << 32 | Int64(o.day)] == 1 { after -= 1 }
                if let n = new, personDays[Int64(person) << 32 | Int64(n.day), default: 0] == 0 { after += 1 }
                soft += (max(0, after - 1) - max(0, before - 1)) * daysWeight
            }
        }
        let trackWeight = w[SoftConstraint.trackRoom.index]
        if trackWeight > 0 && (old?.day != new?.day || old?.room != new?.room) {
            for tag in t.tags[i] where t.tagMovable[tag] {
                // Distinct rooms of the tag on each day touched, before and after.
                var touched: [Int: (before: Int64, after: Int64)] = [:]
                func distinct(_ d: Int) -> Int64 { Int64(trackDistinct[trackKey(tag, d, -1), default: 0]) }
                if let o = old, o.room >= 0 {
                    let b = touched[o.day]?.after ?? distinct(o.day)
                    let n = trackCounts[trackKey(tag, o.day, o.room), default: 0]
                    touched[o.day] = (touched[o.day]?.before ?? distinct(o.day), n == 1 ? b - 1 : b)
                }
                if let nw = new, nw.room >= 0 {
                    let b = touched[nw.day]?.after ?? distinct(nw.day)
                    var n = trackCounts[trackKey(tag, nw.day, nw.room), default: 0]
                    if let o = old, o.day == nw.day && o.room == nw.room { n -= 1 }
                    touched[nw.day] = (touched[nw.day]?.before ?? distinct(nw.day), n == 0 ? b + 1 : b)
                }
                for (_, v) in touched { soft += (max(0, v.after - 1) - max(0, v.before - 1)) * trackWeight }
            }
        }
        return Score(soft: soft)
    }
}
