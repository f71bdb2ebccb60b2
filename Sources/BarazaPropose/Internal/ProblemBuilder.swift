import BarazaChecks
import BarazaLogistics
import BarazaModel

extension Problem {
    /// Compiles `workspace` for placing. `elsewhere` holds, per person, the sessions they present in other
    /// workspaces; `previous` the placements of an earlier proposal (kept as starting points with `keepPlaced`).
    convenience init(
        workspace w: Workspace, elsewhere: [Person.ID: [Interval]], previous: [Session.ID: PreviousPlacement],
        keepPlaced: Bool, rules: [String]
    ) {
        self.init(workspace: w, rules: rules)
        build(elsewhere: elsewhere, previous: previous, keepPlaced: keepPlaced)
    }

    private func build(elsewhere: [Person.ID: [Interval]], previous: [Session.ID: PreviousPlacement], keepPlaced: Bool)
    {
        let w = workspace
        var venueIndex: [Venue.ID: Int] = [:]
        for (i, v) in venues.enumerated() where venueIndex[v.id] == nil { venueIndex[v.id] = i }
        var roomIndex: [Room.ID: Int] = [:]
        for (vi, v) in venues.enumerated() {
            for r in v.rooms where roomIndex[r.id] == nil {
                roomIndex[r.id] = rooms.count
                rooms.append(RoomData(id: r.id, room: r, venue: vi, capacity: r.capacity))
            }
        }
        travel = Array(repeating: -1, count: venues.count * venues.count)
        for a in venues.indices {
            for b in venues.indices {
                travel[a * venues.count + b] = Int32(w.travelMinutes(from: venues[a].id, to: venues[b].id) ?? -1)
            }
        }
        var personIndex: [Person.ID: Int] = [:]
        for p in w.people where personIndex[p.id] == nil {
            personIndex[p.id] = people.count
            people.append(PersonData(id: p.id))
        }
        for (id, spans) in elsewhere {
            if let p = personIndex[id] {
                people[p].elsewhere = spans.map { ($0.start.secondsSince1970, $0.end.secondsSince1970) }
            }
        }

        // Sessions: placed ones first, in workspace order, then the unplaced.
        var entries: [(Session, minutes: Int)] = w.sessions.map { s in
            (s, s.interval?.minutes ?? Int(max(1, s.start.zone.minutesBetween(s.start.local, s.end.local))))
        }
        entries += w.unplaced.map { ($0.draft, $0.minutes) }
        var itemIndex: [Session.ID: Int] = [:]
        var tagIndex: [String: Int] = [:]
        for (i, (s, minutes)) in entries.enumerated() {
            if itemIndex[s.id] == nil { itemIndex[s.id] = i }
            let item = Item(
                id: s.id, session: s, movable: s.constraints.movable, minutes: minutes, kind: s.kind)
            var seen: Set<Int> = []
            item.presenters = s.presenters.compactMap { personIndex[$0.id] }.filter { seen.insert($0).inserted }
            var seenAll: Set<Int> = []
            item.attendees = s.attendees.compactMap { personIndex[$0.id] }.filter { seenAll.insert($0).inserted }
            var seenTags: Set<String> = []
            for tag in s.tags where seenTags.insert(tag).inserted {
                if tagIndex[tag] == nil {
                    tagIndex[tag] = tagNames.count
                    tagNames.append(tag)
                }
                item.tags.append(tagIndex[tag]!)
            }
            item.headcount = CapacityRule.headcount(s).count
            item.inPersonAt = venues.map { Workspace.isInPerson(s.kind, at: $0) }
            if !item.movable, let interval = s.interval {
                item.fixedStart = interval.start.secondsSince1970
                item.fixedEnd = interval.end.secondsSince1970
                item.fixedVenue = w.venue(of: s).flatMap { venueIndex[$0.id] } ?? -1
                item.fixedRoom = s.room.flatMap { roomIndex[$0.id] } ?? -1
            }
            if item.movable {
                if let interval = s.interval {
                    item.original = (
                        interval.start.secondsSince1970, s.room.flatMap { roomIndex[$0.id] } ?? -1,
                        w.venue(of: s).flatMap { venueIndex[$0.id] } ?? -1
                    )
                } else if let p = previous[s.id] {
                    item.original = (
                        p.start.secondsSince1970, p.room.flatMap { roomIndex[$0] } ?? -1,
                        p.venue.flatMap { venueIndex[$0] } ?? -1
                    )
                }
                if !keepPlaced { item.original = nil }
            }
            items.append(item)
        }
        tagMembers = Array(repeating: [], count: tagNames.count)
        tagExcluders = Array(repeating: [], count: tagNames.count)
        tagMovable = Array(repeating: false, count: tagNames.count)
        for (i, item) in items.enumerated() {
            for t in item.tags {
                tagMembers[t].append(i)
                if item.movable { tagMovable[t] = true }
            }
            if item.kind == .plenary { plenaries.append(i) }
            if item.movable { movable.append(i) }
            for p in item.presenters {
                people[p].presented.append(i)
                if item.movable { people[p].hasMovable = true }
            }
        }
        // Relations between sessions, both ways round so that moving either side rescores the pair.
        for (i, (s, _)) in entries.enumerated() where itemIndex[s.id] == i {
            let c = s.constraints
            for ref in c.after { if let o = itemIndex[ref.id], o != i { link(i, o, follows: true) } }
            for ref in c.before { if let o = itemIndex[ref.id], o != i { link(i, o, follows: false) } }
            for ref in c.sameRoomAs {
                if let o = itemIndex[ref.id], o != i {
                    items[i].sameRoom.append(o)
                    items[o].sameRoom.append(i)
                }
            }
            for ref in c.notParallelWith {
                if let o = itemIndex[ref.id], o != i {
                    items[i].notParallel.append(o)
                    items[o].notParallel.append(i)
                }
            }
            for tag in Set(c.notParallelWithTags).sorted() {
                guard let t = tagIndex[tag] else { continue }
                items[i].excludedTags.append(t)
                tagExcluders[t].append(i)
            }
        }
        for i in items.indices {
            items[i].sameRoom = Array(Set(items[i].sameRoom)).sorted()
            items[i].notParallel = Array(Set(items[i].notParallel)).sorted()
        }
        for (rank, i) in items.indices.sorted(by: { items[$0].id < items[$1].id }).enumerated() {
            items[i].idRank = rank
        }
        buildCoSignups(personIndex: personIndex)
        buildTransfers(personIndex: personIndex)
        buildDomains(venueIndex: venueIndex, roomIndex: roomIndex)
        for p in people.indices {
            let venuesUsed = Set(
                people[p].presented.flatMap { i -> [Int] in
                    items[i].movable ? items[i].groups.map(\.venue) : [items[i].fixedVenue]
                })
            people[p].severalVenues = venuesUsed.filter { $0 >= 0 }.count > 1
        }
    }

    private func link(_ a: Int, _ b: Int, follows: Bool) {
        items[a].order.append((b, follows))
        items[b].order.append((a, !follows))
    }

    /// Pairs of sessions sharing signed-up participants, with how many of them an overlap would leave torn between
    /// two sessions (not counting people who present both: that is a double booking).
    private func buildCoSignups(personIndex: [Person.ID: Int]) {
        var bySignUp: [Int: [Int]] = [:]
        for (i, item) in items.enumerated() where item.movable || item.fixedStart != nil {
            var seen: Set<Int> = []
            for ref in item.session.signUps {
                guard let p = personIndex[ref.id], seen.insert(p).inserted else { continue }
                bySignUp[p, default: []].append(i)
            }
        }
        var pairs: [Int64: Int64] = [:]
        let n = Int64(items.count)
        for p in bySignUp.keys.sorted() {
            let list = bySignUp[p]!
            let person = people[p].id
            for x in list.indices {
                for y in list.indices where y > x {
                    let (a, b) = (list[x], list[y])
                    guard items[a].movable || items[b].movable,
                        ParticipantOverlapRule.counts(person, items[a].session, items[b].session)
                    else { continue }
                    pairs[Int64(min(a, b)) * n + Int64(max(a, b)), default: 0] += 1
                }
            }
        }
        for key in pairs.keys.sorted() {
            let (a, b) = (Int(key / n), Int(key % n))
            items[a].coSignups.append((b, pairs[key]!))
            items[b].coSignups.append((a, pairs[key]!))
        }
    }

    /// Each presenter's planned arrival and departure transfers (the plan as the workspace stands).
    private func buildTransfers(personIndex: [Person.ID: Int]) {
        guard hard.has("arrival-transfer-late") || hard.has("departure-transfer-early"),
            !workspace.logistics.transfers.places.isEmpty
        else { return }
        let plan = TransferPlanner().plan(workspace)
        for p in people.indices where people[p].hasMovable {
            for t in plan.transfers(for: people[p].id) where t.run.kind == .arrival || t.run.kind == .departure {
                let arrival = t.run.kind == .arrival
                guard hard.has(arrival ? "arrival-transfer-late" : "departure-transfer-early"),
                    let journey = t.passenger.journey, let instant = journey.instant
                else { continue }
                let perVenue = venues.map { v in
                    arrival
                        ? TransferTimingRule.arrival(at: v.id.rawValue, transfer: t, travel: transferTravel)
                            .secondsSince1970
                        : Int64(TransferTimingRule.drive(from: v.id.rawValue, transfer: t, travel: transferTravel))
                }
                people[p].transfers.append(
                    TransferDeadline(
                        arrival: arrival, journey: instant.secondsSince1970, perVenue: perVenue,
                        pickUp: t.passenger.pickUpTime.secondsSince1970))
            }
        }
    }
}

/// Where an earlier proposal placed a session.
struct PreviousPlacement: Hashable, Sendable {
    var start: Instant
    var venue: Venue.ID?
    var room: Room.ID?
}

extension Zone {
    /// Elapsed minutes from one reading to another on this zone's clock (unresolvable readings count as UTC).
    func minutesBetween(_ a: LocalDateTime, _ b: LocalDateTime) -> Int {
        func instant(_ l: LocalDateTime) -> Instant {
            resolve(l).first ?? Zone.utc.resolve(l).first!
        }
        return instant(a).minutes(until: instant(b))
    }
}

extension LocalTimeResolution {
    /// The instant, or the earlier of two.
    var first: Instant? {
        switch self {
        case .unique(let i), .ambiguous(let i, _): return i
        case .nonexistent: return nil
        }
    }
}
