import BarazaChecks
import BarazaModel
import BarazaTestSupport
import Foundation

@testable import BarazaPropose

/// Small random programmes for property tests: one or two days, one or two venues with opening hours and one or
/// two rooms each (seats, equipment), travel between them, people with home zones, availability and flights,
/// a few fixed sessions and a few to place, with relations (`after`, `not_parallel_with`), equipment needs, time
/// windows and sign-ups. A programme is a function of its seed, so a failure names a reproducible case.
enum RandomProgrammes {
    static let zone = Zone(identifier: "Africa/Kigali")!
    static let homes = ["Africa/Kigali", "Africa/Lagos", "Africa/Bamako", "Europe/Paris"].map { Zone(identifier: $0)! }
    static let firstDay = LocalDate(year: 2026, month: 11, day: 17)!

    /// The programme for `seed` with `movable` sessions to place.
    static func workspace(seed: UInt64, movable: Int, grid: Int = 60) -> Workspace {
        var rng = SeededGenerator(seed: seed)
        let days = 1 + rng.below(2)
        var b = WorkspaceBuilder(zone: zone, firstDay: firstDay, lastDay: firstDay.adding(days: days - 1))
        func local(_ day: Int, _ hour: Int, _ minute: Int = 0) -> Instant {
            let l = LocalDateTime(date: firstDay.adding(days: day), time: LocalTime(hour: hour, minute: minute)!)
            guard case .unique(let i) = zone.resolve(l) else { preconditionFailure() }
            return i
        }
        var roomIDs: [(venue: String, room: String)] = []
        for v in 0..<(1 + rng.below(2)) {
            let opens = 8 + rng.below(2)
            let closes = opens + 4 + rng.below(4)
            let hours = OpeningHours(
                daily: DailyWindow(
                    opens: LocalTime(hour: opens, minute: 0)!, closes: LocalTime(hour: closes, minute: 0)!))
            let id = "venue-\(v)"
            b.venue(id, rooms: [], openingHours: hours)
            for r in 0..<(1 + rng.below(2)) {
                let room = Room(
                    id: Room.ID("\(id)-room-\(r)"), name: "Room \(r)",
                    capacity: rng.below(3) == 0 ? nil : 8 + rng.below(30),
                    equipment: rng.below(2) == 0 ? ["screen"] : [], accessible: rng.below(4) != 0,
                    location: b.nextLocation())
                b.venues[v].rooms.append(room)
                roomIDs.append((id, room.id.rawValue))
            }
        }
        if b.venues.count == 2 {
            b.travelTimes.append(
                TravelTime(
                    between: "venue-0", and: "venue-1", minutes: 30 + 30 * rng.below(3), location: b.nextLocation()))
        }
        let people = ["amina", "kossi", "leila", "moussa"]
        for (k, id) in people.enumerated() {
            b.person(id, homeZone: homes[k % homes.count], languages: [k % 2 == 0 ? .english : .french])
            let p = b.people.count - 1
            if rng.below(3) == 0 {
                let day = rng.below(days)
                let from = 8 + rng.below(4)
                let start = WallTime(local: zone.localDateTime(at: local(day, from)), zone: zone)
                let end = WallTime(local: zone.localDateTime(at: local(day, from + 4 + rng.below(6))), zone: zone)
                b.people[p].availability = [
                    TimeWindow(
                        start: start, end: end,
                        interval: Interval(start: try! start.resolve().get(), end: try! end.resolve().get()),
                        location: b.nextLocation())
                ]
            }
            if rng.below(3) == 0 {
                let landing = local(0, 7 + rng.below(5), 30)
                b.people[p].journeys = [
                    Journey(
                        direction: .arrival, mode: .flight, place: "KGL",
                        time: WallTime(local: zone.localDateTime(at: landing), zone: zone), instant: landing,
                        location: b.nextLocation())
                ]
            }
        }
        func pick(_ n: Int) -> [String] { (0..<n).map { _ in people[rng.below(people.count)] }.uniqued() }
        // Fixed sessions.
        for k in 0..<rng.below(3) {
            let (venue, room) = roomIDs[rng.below(roomIDs.count)]
            let start = local(rng.below(days), 9 + rng.below(6))
            b.session(
                "fixed-\(k)", interval: Interval(start: start, end: start.adding(minutes: 60)), venue: venue,
                room: room, speakers: pick(rng.below(2)), signUps: pick(rng.below(3)))
        }
        // Sessions to place.
        var unplaced: [UnplacedSession] = []
        for k in 0..<movable {
            let location = b.nextLocation()
            func refs<T>(_ ids: [String]) -> [Reference<T>] { ids.map { Reference(Identifier<T>($0), at: location) } }
            var c = SessionConstraints(movable: true)
            if k > 0 && rng.below(4) == 0 { c.after = refs(["move-\(rng.below(k))"]) }
            if k > 0 && rng.below(4) == 0 { c.notParallelWith = refs(["move-\(rng.below(k))"]) }
            if rng.below(4) == 0 { c.requires = ["screen"] }
            if rng.below(5) == 0 { c.timeWindow = DailyWindow("10:00-15:00") }
            let venue = rng.below(3) == 0 ? roomIDs[rng.below(roomIDs.count)].venue : nil
            let midnight = WallTime(
                local: LocalDateTime(date: firstDay, time: LocalTime(hour: 0, minute: 0)!), zone: zone)
            let draft = Session(
                id: Session.ID("move-\(k)"), title: LocalizedText(english: "move \(k)", french: "move \(k)"),
                kind: [.talk, .workshop, .panel][rng.below(3)], start: midnight, end: midnight, interval: nil,
                venue: venue.map { Reference(Venue.ID($0), at: location) }, room: nil, language: .english,
                speakers: refs(pick(rng.below(3))), signUps: refs(pick(rng.below(4))),
                expectedAttendance: rng.below(2) == 0 ? nil : 5 + rng.below(20), constraints: c, location: location)
            unplaced.append(UnplacedSession(draft: draft, minutes: [60, 90, 120][rng.below(3)]))
        }
        let w = b.build()
        var settings = ProposeSettings()
        settings.gridMinutes = grid
        return Workspace(
            path: w.path, event: w.event, venues: w.venues, travelTimes: w.travelTimes, hotels: w.hotels,
            people: w.people, sessions: w.sessions, settings: w.settings, logistics: w.logistics, unplaced: unplaced,
            placements: [], proposeSettings: settings)
    }

    /// Whether some placement of the workspace's sessions to place keeps every hard rule, by trying them all, each
    /// judged by the full checks: starts on the grid on every event day in every room a session may take.
    static func bruteForceFeasible(_ w: Workspace) -> Bool {
        let checker = Checker(rules: ProposeRules.all)
        let grid = w.proposeSettings.gridMinutes
        // Rules whose findings are about one session alone: a candidate breaking one of them is out whatever else.
        let single: Set<String> = [
            "outside-opening-hours", "outside-event-dates", "outside-allowed-times", "over-capacity",
            "room-lacks-equipment", "outside-availability", "before-arrival", "after-departure",
        ]
        func errors(_ sessions: [Session], movable: Set<String>) -> Bool {
            let test = Workspace(
                path: w.path, event: w.event, venues: w.venues, travelTimes: w.travelTimes, hotels: w.hotels,
                people: w.people, sessions: w.sessions + sessions, settings: w.settings, logistics: w.logistics)
            return checker.check([test]).contains { f in
                let hard = f.severity == .error || f.rule == "outside-opening-hours"
                return hard && ProposeRules.placementRules.contains(f.rule)
                    && f.subjects.contains { $0.kind == .session && movable.contains($0.id) }
            }
        }
        var domains: [[Session]] = []
        for u in w.unplaced {
            var options: [Session] = []
            let venues = u.draft.venue.map { v in w.venues.filter { $0.id == v.id } } ?? w.venues
            for venue in venues {
                for room in venue.rooms {
                    for day in 0...(w.event.lastDay.daysSince1970 - w.event.firstDay.daysSince1970) {
                        for minute in stride(from: 0, to: 1440, by: grid) {
                            let l = LocalDateTime(
                                date: w.event.firstDay.adding(days: day),
                                time: LocalTime(hour: minute / 60, minute: minute % 60)!)
                            guard case .unique(let start) = zone.resolve(l) else { continue }
                            let s = u.placed(
                                at: start, zone: zone, venue: Reference(venue.id, at: u.draft.location),
                                room: Reference(room.id, at: u.draft.location))
                            let test = Workspace(
                                path: w.path, event: w.event, venues: w.venues, travelTimes: w.travelTimes,
                                hotels: w.hotels, people: w.people, sessions: w.sessions + [s], settings: w.settings)
                            let bad = checker.check([test]).contains { f in
                                single.contains(f.rule) && (f.severity == .error || f.rule == "outside-opening-hours")
                                    && f.subjects.contains { $0.kind == .session && $0.id == u.id.rawValue }
                            }
                            if !bad { options.append(s) }
                        }
                    }
                }
            }
            domains.append(options)
        }
        let movable = Set(w.unplaced.map(\.id.rawValue))
        var chosen: [Session] = []
        // Depth first; an error among the sessions chosen so far (with each other or with the fixed programme) stays
        // whatever comes next, so it prunes.
        func search(_ k: Int) -> Bool {
            if k == domains.count { return true }
            for option in domains[k] {
                chosen.append(option)
                defer { chosen.removeLast() }
                if errors(chosen, movable: movable) { continue }
                if search(k + 1) { return true }
            }
            return false
        }
        return search(0)
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
