import BarazaChecks
import BarazaLogistics
import BarazaModel

extension Problem {
    /// Start times on the grid where a session of `minutes` may run at a venue, before anything about its people:
    /// readings that name one instant, on an event day, while the venue is open, inside the session's own days and
    /// hours. Each test is the rule's own code.
    struct StartsKey: Hashable {
        var venue: Int
        var zone: Zone
        var minutes: Int
        var days: [LocalDate]
        var window: DailyWindow?
    }

    func buildDomains(venueIndex: [Venue.ID: Int], roomIndex: [Room.ID: Int]) {
        var cache: [StartsKey: [Int64]] = [:]
        let headcounts =
            hard.has("meal-over-capacity") && items.contains { $0.movable && $0.kind == .meal }
            ? MealCapacityRule.Headcounts(workspace) : nil
        for i in movable {
            var rejections = Rejections()
            let places = candidatePlaces(i, venueIndex: venueIndex, roomIndex: roomIndex, rejections: &rejections)
            var groups: [CandidateGroup] = []
            for (venue, candidateRooms) in places {
                let roomsKept = candidateRooms.filter { roomFits(i, $0, rejections: &rejections) }
                guard !roomsKept.isEmpty else { continue }
                let v = venue >= 0 ? venues[venue] : nil
                let zone = items[i].session.constraints.zone ?? v?.zone ?? workspace.event.zone
                let key = StartsKey(
                    venue: venue, zone: zone, minutes: items[i].minutes, days: items[i].session.constraints.days,
                    window: items[i].session.constraints.timeWindow)
                let base: [Int64]
                if let known = cache[key] {
                    base = known
                } else {
                    var ignored = Rejections()
                    base = baseStarts(key, rejections: &ignored)
                    cache[key] = base
                }
                if base.isEmpty { _ = baseStarts(key, rejections: &rejections) }
                let inPerson = Workspace.isInPerson(items[i].kind, at: v)
                let starts = base.filter { startFits(i, $0, inPerson: inPerson, rejections: &rejections) }
                guard !starts.isEmpty else { continue }
                let online = Workspace.isOnline(items[i].kind, at: v)
                var meals: [Int] = []
                if let headcounts, items[i].kind == .meal {
                    meals = starts.map { t in headcounts.headcount(items[i].session, during: interval(t, i)) }
                }
                groups.append(
                    CandidateGroup(
                        venue: venue, zone: zone, inPerson: inPerson, online: online, rooms: roomsKept, starts: starts,
                        days: starts.map {
                            workspace.event.zone.localDateTime(at: Instant(secondsSince1970: $0)).date.daysSince1970
                        },
                        timeCost: starts.map { timeCost(i, $0, online: online, zone: zone) },
                        roomCost: roomsKept.map { roomCost(i, $0) }, mealHeadcount: meals))
            }
            items[i].groups = groups
            items[i].rejections = rejections
        }
    }

    /// Whether a movable meal's headcount is a hard limit (so it is settled against the placements).
    var countsMovableMeals: Bool {
        hard.has("meal-over-capacity") && movable.contains { items[$0].kind == .meal && !items[$0].groups.isEmpty }
    }

    /// Raises each movable meal's headcount at each start to the count in `placed` (the workspace with a
    /// proposal's sessions placed): people without journeys are in town on the days they attend an in-person
    /// session, so placing sessions can bring more people to a meal than the workspace alone shows. Returns
    /// whether any count rose. Counts only rise, so repeating this settles.
    func raiseMealHeadcounts(presentIn placed: Workspace) -> Bool {
        guard hard.has("meal-over-capacity") else { return false }
        let meals = movable.filter { items[$0].kind == .meal && !items[$0].groups.isEmpty }
        guard !meals.isEmpty else { return false }
        let headcounts = MealCapacityRule.Headcounts(placed)
        var rose = false
        for i in meals {
            for g in items[i].groups where !g.mealHeadcount.isEmpty {
                for (k, t) in g.starts.enumerated() {
                    let n = headcounts.headcount(items[i].session, during: interval(t, i))
                    if n > g.mealHeadcount[k] {
                        g.mealHeadcount[k] = n
                        rose = true
                    }
                }
            }
        }
        return rose
    }

    func interval(_ start: Int64, _ i: Int) -> Interval {
        let t = Instant(secondsSince1970: start)
        return Interval(start: t, end: t.adding(minutes: items[i].minutes))
    }

    /// The venues (by number, -1 for none) and rooms (-1 for none) a session may take: its own when it names
    /// them, else every room of every building (online sessions: the online venues).
    private func candidatePlaces(
        _ i: Int, venueIndex: [Venue.ID: Int], roomIndex: [Room.ID: Int], rejections: inout Rejections
    ) -> [(Int, [Int])] {
        let s = items[i].session
        func roomsOf(_ v: Int) -> [Int] {
            let list = rooms.indices.filter { rooms[$0].venue == v }
            return list.isEmpty ? [-1] : list
        }
        if let r = s.room {
            guard let ri = roomIndex[r.id] else {
                rejections.add("unknown-reference")
                return []
            }
            if let v = s.venue, venueIndex[v.id] != rooms[ri].venue {
                rejections.add("unknown-reference")
                return []
            }
            return [(rooms[ri].venue, [ri])]
        }
        if let v = s.venue {
            guard let vi = venueIndex[v.id] else {
                rejections.add("unknown-reference")
                return []
            }
            return [(vi, roomsOf(vi))]
        }
        let online = venues.indices.filter { venues[$0].isOnline }
        let physical = venues.indices.filter { !venues[$0].isOnline }
        if items[i].kind == .online || physical.isEmpty {
            return online.isEmpty ? [(-1, [-1])] : online.map { ($0, roomsOf($0)) }
        }
        let withRooms = physical.filter { roomsOf($0) != [-1] }
        return (withRooms.isEmpty ? physical : withRooms).map { ($0, roomsOf($0)) }
    }

    /// Whether room `r` (-1: none) can hold session `i` whenever it runs: seats and equipment.
    private func roomFits(_ i: Int, _ r: Int, rejections: inout Rejections) -> Bool {
        let s = items[i].session
        if r < 0 {
            if hard.has("room-lacks-equipment") && !s.constraints.requires.isEmpty {
                rejections.add("room-lacks-equipment")
                return false
            }
            return true
        }
        let room = rooms[r].room
        if hard.has("over-capacity"), let capacity = room.capacity, items[i].headcount > capacity {
            rejections.add("over-capacity")
            rejections.rooms.insert(r)
            return false
        }
        if hard.has("room-lacks-equipment"), !s.constraints.missing(in: room).isEmpty {
            rejections.add("room-lacks-equipment")
            rejections.rooms.insert(r)
            return false
        }
        return true
    }

    /// The grid's readings on `key.zone`'s clock that pass the time rules every placement must keep.
    func baseStarts(_ key: StartsKey, rejections: inout Rejections) -> [Int64] {
        let event = workspace.event
        let v = key.venue >= 0 ? venues[key.venue] : nil
        let grid = settings.gridMinutes
        var constraints = SessionConstraints()
        constraints.days = key.days
        constraints.timeWindow = key.window
        var starts: [Int64] = []
        var date = event.firstDay.adding(days: -1)
        while date <= event.lastDay.adding(days: 1) {
            for minute in stride(from: 0, to: 1440, by: grid) {
                let local = LocalDateTime(date: date, time: LocalTime(hour: minute / 60, minute: minute % 60)!)
                guard case .unique(let t) = key.zone.resolve(local) else {
                    rejections.add("nonexistent-local-time")
                    continue
                }
                let span = Interval(start: t, end: t.adding(minutes: key.minutes))
                guard EventDatesRule.isWithin(span, event: event) else { continue }
                let open: Bool
                if case .physical(_, _, let zone, _, let hours?) = v?.kind {
                    open = OpeningHoursRule.isOpen(span, hours: hours, zone: zone)
                } else {
                    open = DailyWindowSpan.holds(span, window: settings.defaultHours, zone: key.zone)
                }
                guard open else {
                    rejections.add("outside-opening-hours")
                    continue
                }
                guard AllowedTimesRule.problem(span, zone: key.zone, constraints: constraints) == nil else {
                    rejections.add("outside-allowed-times")
                    continue
                }
                starts.append(t.secondsSince1970)
            }
            date = date.adding(days: 1)
        }
        return starts.sorted()
    }

    /// Whether session `i` may start at `start` as far as its people and the fixed programme go: presenters'
    /// availability and their other commitments, attendees' arrival and departure, order and audiences shared
    /// with fixed sessions.
    private func startFits(_ i: Int, _ start: Int64, inPerson: Bool, rejections: inout Rejections) -> Bool {
        let span = interval(start, i)
        let end = span.end.secondsSince1970
        let item = items[i]
        let w = workspace
        if hard.has("outside-availability") {
            for p in item.presenters {
                let person = w.people[p]
                guard !person.availability.isEmpty else { continue }
                if AvailabilityRule.minutesOutside(span, windows: person.availability.compactMap(\.interval)) != nil {
                    rejections.add("outside-availability")
                    rejections.people.insert(p)
                    return false
                }
            }
        }
        if inPerson {
            let buffer = w.settings.arrivalBufferMinutes
            for (direction, rule) in [(Journey.Direction.arrival, "before-arrival"), (.departure, "after-departure")]
            where hard.has(rule) {
                for p in item.attendees {
                    let person = w.people[p]
                    guard let journey = direction == .arrival ? person.arrival : person.departure,
                        let instant = journey.instant,
                        JourneyRule.minutesShort(direction, journey: instant, session: span, buffer: buffer) > 0
                    else { continue }
                    rejections.add(rule)
                    rejections.people.insert(p)
                    return false
                }
            }
        }
        if hard.has("person-double-booked") {
            for p in item.presenters {
                for (a, b) in people[p].elsewhere where a < end && start < b {
                    rejections.add("person-double-booked")
                    rejections.people.insert(p)
                    return false
                }
                for o in people[p].presented where o != i {
                    guard let a = items[o].fixedStart, a < end && start < items[o].fixedEnd else { continue }
                    rejections.add("person-double-booked")
                    rejections.people.insert(p)
                    return false
                }
            }
        }
        if hard.has("session-order") {
            for (o, follows) in item.order {
                guard let a = items[o].fixedStart else { continue }
                let other = Interval(
                    start: Instant(secondsSince1970: a), end: Instant(secondsSince1970: items[o].fixedEnd))
                if SessionOrderRule.minutesOutOfOrder(span, mustFollow: follows, other: other) > 0 {
                    rejections.add("session-order")
                    return false
                }
            }
        }
        if hard.has("parallel-sessions") {
            var others = item.notParallel
            for t in item.excludedTags { others += tagMembers[t] }
            for t in item.tags { others += tagExcluders[t] }
            for o in others where o != i {
                guard let a = items[o].fixedStart, a < end && start < items[o].fixedEnd else { continue }
                rejections.add("parallel-sessions")
                return false
            }
        }
        return true
    }

    /// Penalties of session `i` that depend only on its start: waking hours at home for online sessions, meals and
    /// breaks at their times.
    private func timeCost(_ i: Int, _ start: Int64, online: Bool, zone: Zone) -> Score {
        var cost = Score.zero
        let span = interval(start, i)
        let w = workspace
        if online {
            var outside: Int64 = 0
            let rule = WakingHoursRule()
            for p in items[i].attendees {
                guard let home = w.people[p].homeZone else { continue }
                outside += Int64(rule.minutesOutside(span, window: w.settings.wakingHours, zone: home))
            }
            if hard.has("outside-waking-hours") {
                cost.hard += outside
            } else {
                cost.soft += outside * weights[SoftConstraint.wakingHours.index]
            }
        }
        let windows: [DailyWindow] =
            items[i].kind == .meal ? settings.mealTimes : items[i].kind == .break ? settings.breakTimes : []
        if !windows.isEmpty {
            cost.soft +=
                Int64(Self.minutesOutside(span, windows: windows, zone: zone))
                * weights[SoftConstraint.mealTimes.index]
        }
        return cost
    }

    /// Minutes of `span` outside the best of `windows` (each day's, on `zone`'s clock).
    static func minutesOutside(_ span: Interval, windows: [DailyWindow], zone: Zone) -> Int {
        let day = zone.localDateTime(at: span.start).date
        var best = 0
        for window in windows {
            for date in [day, day.adding(days: -1)] {
                if let open = DailyWindowSpan.span(window, on: date, zone: zone) {
                    best = max(best, open.overlapMinutes(with: span))
                }
            }
        }
        return span.minutes - best
    }

    /// Penalties of session `i` that depend only on its room: people left without a language they follow, and
    /// popular sessions crowding smaller rooms.
    private func roomCost(_ i: Int, _ r: Int) -> Score {
        var cost = Score.zero
        let item = items[i]
        let room = r >= 0 ? rooms[r].room : nil
        let left = Int64(LanguageRule.leftOut(item.session, room: room, people: workspace.peopleByID).count)
        if hard.has("language-not-covered") {
            cost.hard += left
        } else {
            cost.soft += left * Int64(item.minutes) * weights[SoftConstraint.language.index]
        }
        if let capacity = room?.capacity {
            cost.soft +=
                Self.crowding(headcount: item.headcount, capacity: capacity)
                * weights[SoftConstraint.popularRooms.index]
        }
        return cost
    }

    /// People beyond three quarters of a room's seats: what `popular-rooms` weighs, so that popular sessions go to
    /// larger rooms and small ones are not pushed anywhere.
    static func crowding(headcount: Int, capacity: Int) -> Int64 {
        Int64(max(0, headcount - (3 * capacity + 3) / 4))
    }
}

extension SoftConstraint {
    /// Position in `allCases`, for weight arrays.
    var index: Int {
        switch self {
        case .wakingHours: return 0
        case .participantOverlap: return 1
        case .language: return 2
        case .popularRooms: return 3
        case .trackRoom: return 4
        case .speakerDays: return 5
        case .plenaryAlone: return 6
        case .mealTimes: return 7
        }
    }
}
