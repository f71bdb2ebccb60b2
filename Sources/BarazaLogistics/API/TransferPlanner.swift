import BarazaChecks
import BarazaModel

/// Plans the host city's transfer runs: pick-ups at arrival places, drop-offs at departure places, morning runs
/// from event hotels to the day's first venue and evening runs back, and shuttles between venues; then gives
/// each run a free vehicle.
///
/// Deterministic: the same workspace gives the same runs, ids and vehicles. Journeys are grouped per place and
/// direction with `RunGrouping` (fewest runs, then the smallest worst wait), after sorting by time and person id:
/// O(n log n) in the number of journeys; hotel runs are grouped the same way per day, hotel and venue. A pick-up
/// leaves once its passengers are through immigration and baggage (`TransferSettings.arrivalBuffer(at:)`).
/// Passengers with accessibility needs ride in accessible vehicles when the fleet has one.
public struct TransferPlanner: Sendable {
    public init() {}

    /// The runs for `workspace`, made once per check run when the workspace carries the run's memo (the rules
    /// that read the plan share it).
    public func sharedPlan(_ workspace: Workspace) -> TransferPlan {
        guard let memo = workspace.memo else { return plan(workspace) }
        return memo.value("transfer-plan") { plan(workspace) }
    }

    /// Whether `workspace` can have arrival and departure runs: they meet people at a transfer place, and
    /// without one every journey is left unplanned. Rules that only read those runs ask this before the plan.
    public static func picksUpPeople(_ workspace: Workspace) -> Bool { !workspace.logistics.transfers.places.isEmpty }

    /// Whether `workspace` can have hotel runs and shuttles: they are planned only when it has a fleet to plan them
    /// for (a `logistics:` section).
    public static func runsFleet(_ workspace: Workspace) -> Bool { workspace.logistics.location != nil }

    /// The runs for `workspace`.
    public func plan(_ workspace: Workspace) -> TransferPlan {
        var builder = PlanBuilder(workspace)
        builder.planJourneys()
        if Self.runsFleet(workspace) {
            let days = builder.peopleDays()
            builder.planHotelRuns(days)
            builder.planShuttles(days)
        }
        return builder.finish()
    }
}

/// The working state of one planning pass.
struct PlanBuilder {
    let w: Workspace
    let settings: TransferSettings
    let travel: TravelTable
    let zone: Zone
    let fleetHasAccessible: Bool
    let mainVenue: Venue?
    private var placesByKey: [String: TransferPlace] = [:]
    private var runs: [TransferRun] = []
    private var unplanned: [UnplannedJourney] = []

    init(_ w: Workspace) {
        self.w = w
        peopleByID = w.peopleInIDOrder
        settings = w.logistics.transfers
        travel = TravelTable(w)
        zone = w.event.zone
        fleetHasAccessible = w.logistics.vehicles.contains { $0.accessible }
        for place in settings.places {
            placesByKey[place.id.rawValue] = placesByKey[place.id.rawValue] ?? place
        }
        for place in settings.places {
            for key in [place.id.rawValue.lowercased(), place.name.lowercased()] where placesByKey[key] == nil {
                placesByKey[key] = place
            }
        }
        mainVenue = Self.mainVenue(of: w)
    }

    /// The physical venue holding the most sessions (ties: the smaller id): where shuttles return to.
    static func mainVenue(of w: Workspace) -> Venue? {
        var counts: [Venue.ID: Int] = [:]
        for s in w.sessions {
            if let v = w.venue(of: s), !v.isOnline { counts[v.id, default: 0] += 1 }
        }
        let best = counts.min { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }
        return best.flatMap { w.venuesByID[$0.key] }
    }

    func needsAccessibleVehicle(_ p: Person) -> Bool { !p.accessibility.isEmpty }

    func capacity(accessible: Bool) -> Int {
        let fleet = w.logistics.vehicles.filter { !accessible || $0.accessible }
        return max(1, fleet.map(\.capacity).max() ?? Int.max)
    }

    // MARK: Arrivals and departures

    /// One journey to plan, by index into `w.people` and the person's journeys (no copies of people: the large
    /// workloads spend their time there otherwise).
    struct Request {
        var person: Int
        var journey: Int
        /// The person's place in id order: ties in time go by person id.
        var rank: Int
        /// Landing time (arrivals) or the deadline at the place (departures), seconds since 1970.
        var time: Int64
        /// Index into `endpoints`: the hotel (or venue) the person goes to or leaves from.
        var endpoint: Int
    }

    struct StreamKey: Hashable, Comparable {
        var place: String
        var direction: String
        var accessible: Bool
        static func < (a: Self, b: Self) -> Bool {
            (a.place, a.direction, a.accessible ? 1 : 0) < (b.place, b.direction, b.accessible ? 1 : 0)
        }
    }

    /// People's indexes in `w.people`, sorted by id.
    let peopleByID: [Int]

    mutating func planJourneys() {
        var streams: [StreamKey: [Request]] = [:]
        var places: [String: TransferPlace] = [:]
        var endpoints: [TransferStop] = []
        var endpointIndex: [TransferStop: Int] = [:]
        for (rank, pi) in peopleByID.enumerated() {
            let person = w.people[pi]
            for (ji, journey) in person.journeys.enumerated() {
                guard let instant = journey.instant else {
                    unplanned.append(
                        UnplannedJourney(
                            person: person.id, journey: journey, reason: "time does not exist on the clock"))
                    continue
                }
                if journey.mode == .car {
                    unplanned.append(UnplannedJourney(person: person.id, journey: journey, reason: "travels by car"))
                    continue
                }
                guard let name = journey.place, let place = resolvePlace(name) else {
                    let reason = journey.place.map { "place `\($0)` is not a transfer place" } ?? "no place given"
                    unplanned.append(UnplannedJourney(person: person.id, journey: journey, reason: reason))
                    continue
                }
                if places[place.id.rawValue] == nil { places[place.id.rawValue] = place }
                let time: Int64
                let endpoint: TransferStop
                if journey.direction == .arrival {
                    // Ready for the pick-up once through immigration and baggage, not at landing.
                    let buffer = settings.arrivalBuffer(at: place)
                    time = instant.adding(minutes: buffer).secondsSince1970
                    endpoint = arrivalDestination(person, at: instant)
                } else {
                    let buffer = place.departureBufferMinutes ?? settings.departureBufferMinutes
                    time = instant.adding(minutes: -buffer).secondsSince1970
                    endpoint = departureOrigin(person, at: instant)
                }
                let e: Int
                if let known = endpointIndex[endpoint] {
                    e = known
                } else {
                    e = endpoints.count
                    endpoints.append(endpoint)
                    endpointIndex[endpoint] = e
                }
                let key = StreamKey(
                    place: place.id.rawValue, direction: journey.direction.rawValue,
                    accessible: fleetHasAccessible && needsAccessibleVehicle(person))
                streams[key, default: []].append(Request(person: pi, journey: ji, rank: rank, time: time, endpoint: e))
            }
        }
        let maxWait = Int64(settings.maxWaitMinutes) * 60
        for key in streams.keys.sorted() {
            var requests = streams[key]!
            requests.sort { ($0.time, $0.rank, $0.journey) < ($1.time, $1.rank, $1.journey) }
            let times = requests.map(\.time)
            let place = places[key.place]!
            for range in RunGrouping.runs(
                times: times, capacity: capacity(accessible: key.accessible), maxWait: maxWait)
            {
                let group = requests[range]
                if key.direction == Journey.Direction.arrival.rawValue {
                    runs.append(arrivalRun(group, endpoints: endpoints, place: place))
                } else {
                    runs.append(departureRun(group, endpoints: endpoints, place: place))
                }
            }
        }
    }

    func resolvePlace(_ name: String) -> TransferPlace? {
        placesByKey[name] ?? placesByKey[name.lowercased()]
    }

    private func stop(_ place: TransferPlace) -> TransferStop {
        TransferStop(kind: .place, id: place.id.rawValue, name: place.name)
    }

    func hotelStop(_ id: Hotel.ID) -> TransferStop {
        TransferStop(kind: .hotel, id: id.rawValue, name: w.hotelsByID[id]?.name ?? id.rawValue)
    }

    private var fallbackStop: TransferStop {
        if let v = mainVenue { return TransferStop(kind: .venue, id: v.id.rawValue, name: v.name) }
        return TransferStop(kind: .unknown, id: "", name: "to be confirmed")
    }

    /// The hotel of the night the person lands (or their next stay); else the main venue.
    func arrivalDestination(_ p: Person, at instant: Instant) -> TransferStop {
        let stays = p.stays.filter { w.hotelsByID.keys.contains($0.hotel.id) }.sorted { $0.checkIn < $1.checkIn }
        let date = zone.localDateTime(at: instant).date
        if let s = stays.first(where: { $0.checkIn <= date && date < $0.checkOut })
            ?? stays.first(where: { $0.checkIn > date })
        {
            return hotelStop(s.hotel.id)
        }
        return fallbackStop
    }

    /// The hotel the person leaves on the day of departure (or their last stay before it); else the main venue.
    func departureOrigin(_ p: Person, at instant: Instant) -> TransferStop {
        let stays = p.stays.filter { w.hotelsByID.keys.contains($0.hotel.id) }.sorted { $0.checkIn < $1.checkIn }
        let date = zone.localDateTime(at: instant).date
        if let s = stays.last(where: { $0.checkIn < date && date <= $0.checkOut })
            ?? stays.last(where: { $0.checkIn <= date })
        {
            return hotelStop(s.hotel.id)
        }
        return fallbackStop
    }

    func minutes(_ a: TransferStop, _ b: TransferStop) -> Int { travel.between(a.id, b.id) ?? 0 }

    private func arrivalRun(_ group: ArraySlice<Request>, endpoints: [TransferStop], place: TransferPlace)
        -> TransferRun
    {
        let origin = stop(place)
        let departs = Instant(secondsSince1970: group.map(\.time).max()!)
        var destinations: [TransferStop] = []
        for r in group where !destinations.contains(endpoints[r.endpoint]) {
            destinations.append(endpoints[r.endpoint])
        }
        destinations.sort { (minutes(origin, $0), $0.id) < (minutes(origin, $1), $1.id) }
        var dropOff: [TransferStop: Instant] = [:]
        for (i, d) in destinations.enumerated() {
            dropOff[d] = departs.adding(minutes: minutes(origin, d) + i * settings.stopMinutes)
        }
        let arrives = dropOff.values.max() ?? departs
        let passengers = group.map { r in
            TransferPassenger(
                person: w.people[r.person].id, journey: w.people[r.person].journeys[r.journey], pickUp: origin,
                pickUpTime: departs, dropOff: endpoints[r.endpoint], dropOffTime: dropOff[endpoints[r.endpoint]]!,
                waitMinutes: Int((departs.secondsSince1970 - r.time) / 60), deadline: nil)
        }
        let first = Instant(secondsSince1970: group.map(\.time).min()!)
        let back = destinations.last.map { minutes($0, origin) } ?? 0
        return TransferRun(
            id: "", kind: .arrival, stops: [origin] + destinations, departs: departs, arrives: arrives,
            passengers: passengers, vehicle: nil,
            needsAccessibleVehicle: group.contains { needsAccessibleVehicle(w.people[$0.person]) }, zone: place.zone,
            session: nil, busy: Interval(start: first, end: arrives.adding(minutes: back)))
    }

    private func departureRun(_ group: ArraySlice<Request>, endpoints: [TransferStop], place: TransferPlace)
        -> TransferRun
    {
        let destination = stop(place)
        let arrives = Instant(secondsSince1970: group.map(\.time).min()!)
        var origins: [TransferStop] = []
        for r in group where !origins.contains(endpoints[r.endpoint]) { origins.append(endpoints[r.endpoint]) }
        // Farthest hotel first, so the run ends at the place.
        origins.sort { (minutes($0, destination), $1.id) > (minutes($1, destination), $0.id) }
        var pickUp: [TransferStop: Instant] = [:]
        for (i, o) in origins.enumerated() {
            let later = origins.count - 1 - i
            pickUp[o] = arrives.adding(minutes: -(minutes(o, destination) + later * settings.stopMinutes))
        }
        let departs = pickUp.values.min() ?? arrives
        let passengers = group.map { r in
            TransferPassenger(
                person: w.people[r.person].id, journey: w.people[r.person].journeys[r.journey],
                pickUp: endpoints[r.endpoint], pickUpTime: pickUp[endpoints[r.endpoint]]!, dropOff: destination,
                dropOffTime: arrives, waitMinutes: Int((r.time - arrives.secondsSince1970) / 60),
                deadline: Instant(secondsSince1970: r.time))
        }
        let back = origins.first.map { minutes(destination, $0) } ?? 0
        return TransferRun(
            id: "", kind: .departure, stops: origins + [destination], departs: departs, arrives: arrives,
            passengers: passengers, vehicle: nil,
            needsAccessibleVehicle: group.contains { needsAccessibleVehicle(w.people[$0.person]) }, zone: place.zone,
            session: nil, busy: Interval(start: departs, end: arrives.adding(minutes: back)))
    }

    // MARK: People's days

    /// One person's in-person sessions on one day (in the event's zone), in time order.
    struct PersonDay {
        var person: Int
        var day: LocalDate
        /// Positions in `w.sessions`.
        var sessions: [Int]
        /// When these are the day's sessions open to all, as for everyone who has none of their own: the day's
        /// place in that shared list (its shuttle legs are worked out once for all who share it).
        var shared: Int?
    }

    /// Each person's days, by person id then day: the in-person sessions they present or signed up for, and those
    /// open to all (no sign-ups; breaks aside) that overlap none of theirs. Sessions are read by position
    /// (`Workspace.sessionAttendees`), never copied per person. People with no session of their own share one
    /// list of the open sessions' days (an imported programme without sign-ups is open to all: 100,000 people and
    /// 5,000 sessions made 500 million entries otherwise); the others' open sessions are merged with their own in
    /// order, after leaving out those one of theirs overlaps (found among the open sessions by start).
    func peopleDays() -> [PersonDay] {
        let sessions = w.sessions
        var inPerson = [Bool](repeating: false, count: sessions.count)
        var day = [Int](repeating: 0, count: sessions.count)
        var open: [Int] = []
        for (i, s) in sessions.enumerated() {
            guard let interval = s.interval, w.isInPerson(s) else { continue }
            inPerson[i] = true
            day[i] = zone.localDateTime(at: interval.start).date.daysSince1970
            if s.signUps.isEmpty && s.kind != .break { open.append(i) }
        }
        // Each in-person session's place in (day, start, id) order: a person's sessions sort by it into days.
        let order = sessions.indices.filter { inPerson[$0] }.sorted { a, b in
            let (x, y) = (sessions[a], sessions[b])
            return (day[a], x.interval!.start, x.id) < (day[b], y.interval!.start, y.id)
        }
        var rank = [Int](repeating: 0, count: sessions.count)
        for (r, i) in order.enumerated() { rank[i] = r }
        let openInOrder = open.sorted { rank[$0] < rank[$1] }
        let everyonesDays = Self.days(of: openInOrder, day: day)
        // The open sessions by start, and the longest: one of them overlaps a session only if it starts less than
        // that long before it, and before it ends.
        let openByStart = open.sorted { sessions[$0].interval!.start < sessions[$1].interval!.start }
        let starts = openByStart.map { sessions[$0].interval!.start.secondsSince1970 }
        let longest =
            open.map { sessions[$0].interval! }.map { $0.end.secondsSince1970 - $0.start.secondsSince1970 }
            .max() ?? 0

        var result: [PersonDay] = []
        var own: [Int] = []
        var overlapped: Set<Int> = []
        for pi in peopleByID {
            own.removeAll(keepingCapacity: true)
            for i in w.sessionAttendees.sessions(attendedByPersonAt: pi) where inPerson[i] { own.append(i) }
            guard !own.isEmpty else {
                for (k, d) in everyonesDays.enumerated() {
                    result.append(
                        PersonDay(person: pi, day: LocalDate(daysSince1970: d.day), sessions: d.sessions, shared: k))
                }
                continue
            }
            overlapped.removeAll(keepingCapacity: true)
            for o in own {
                overlapped.insert(o)  // a session of theirs that is also open to all is there once
                let span = sessions[o].interval!
                var k = Self.firstIndex(in: starts, notBefore: span.start.secondsSince1970 - longest)
                while k < starts.count && starts[k] < span.end.secondsSince1970 {
                    if span.overlaps(sessions[openByStart[k]].interval!) { overlapped.insert(openByStart[k]) }
                    k += 1
                }
            }
            own.sort { rank[$0] < rank[$1] }
            var mine: [Int] = []
            mine.reserveCapacity(own.count + openInOrder.count)
            var next = 0
            for s in openInOrder where !overlapped.contains(s) {
                while next < own.count && rank[own[next]] < rank[s] {
                    mine.append(own[next])
                    next += 1
                }
                mine.append(s)
            }
            mine += own[next...]
            for d in Self.days(of: mine, day: day) {
                result.append(PersonDay(person: pi, day: LocalDate(daysSince1970: d.day), sessions: d.sessions))
            }
        }
        return result
    }

    /// `sessions` (in rank order, so each day's are together) cut into days.
    static func days(of sessions: [Int], day: [Int]) -> [(day: Int, sessions: [Int])] {
        var days: [(day: Int, sessions: [Int])] = []
        var first = 0
        while first < sessions.count {
            var end = first + 1
            while end < sessions.count && day[sessions[end]] == day[sessions[first]] { end += 1 }
            days.append((day[sessions[first]], Array(sessions[first..<end])))
            first = end
        }
        return days
    }

    /// The first index of the sorted `values` whose value is `bound` or more (`values.count` when none is).
    static func firstIndex(in values: [Int64], notBefore bound: Int64) -> Int {
        var (low, high) = (0, values.count)
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < bound { low = middle + 1 } else { high = middle }
        }
        return low
    }

    // MARK: Hotel runs

    /// What hotel runs read of one person, worked out once for all their days: stays at event hotels, and
    /// departures with their day in the event's zone.
    struct Sleeper {
        var stays: [Stay]
        var departures: [(instant: Instant, day: LocalDate)]

        init(_ p: Person, in builder: PlanBuilder) {
            stays = p.stays.filter { builder.w.hotelsByID[$0.hotel.id] != nil }
            departures = p.journeys.compactMap { j in
                guard j.direction == .departure, let at = j.instant else { return nil }
                return (at, builder.zone.localDateTime(at: at).date)
            }
        }

        /// The event hotel where the person sleeps the night of `night`, if any.
        func hotel(night: LocalDate) -> Hotel.ID? {
            stays.filter { $0.checkIn <= night && night < $0.checkOut }
                .min { ($0.checkIn, $0.hotel.id) < ($1.checkIn, $1.hotel.id) }?.hotel.id
        }

        /// Whether the person leaves town on `day` before `instant` (then no hotel run takes them to or from the
        /// venue).
        func departs(on day: LocalDate, before instant: Instant) -> Bool {
            departures.contains { $0.day == day && $0.instant < instant }
        }
    }

    struct HotelStream: Hashable, Comparable {
        var day: LocalDate
        var hotel: Hotel.ID
        var venue: Venue.ID
        var accessible: Bool
        static func < (a: Self, b: Self) -> Bool {
            (a.day, a.hotel, a.venue, a.accessible ? 1 : 0) < (b.day, b.hotel, b.venue, b.accessible ? 1 : 0)
        }
    }

    /// Morning runs take people who slept at an event hotel to the venue of their first session of the day, there
    /// by its start; evening runs take people who sleep at one back from the venue of their last session, once it
    /// has ended. Each is grouped per day, hotel and venue like pick-ups (fewest runs, then the shortest wait
    /// within `max_wait_minutes`). Nobody rides on the day they leave town before the session.
    mutating func planHotelRuns(_ days: [PersonDay]) {
        var mornings: [HotelStream: [(person: Int, time: Int64)]] = [:]
        var evenings: [HotelStream: [(person: Int, time: Int64)]] = [:]
        // Days come person by person: each person is read once.
        var sleeper: (person: Int, facts: Sleeper, accessible: Bool)?
        for d in days {
            if sleeper?.person != d.person {
                let person = w.people[d.person]
                sleeper = (d.person, Sleeper(person, in: self), fleetHasAccessible && needsAccessibleVehicle(person))
            }
            let (_, person, accessible) = sleeper!
            let first = w.sessions[d.sessions.first!]
            let last = w.sessions[d.sessions.last!]
            if let hotel = person.hotel(night: d.day.adding(days: -1)),
                !person.departs(on: d.day, before: first.interval!.start)
            {
                let key = HotelStream(day: d.day, hotel: hotel, venue: w.venue(of: first)!.id, accessible: accessible)
                mornings[key, default: []].append((d.person, first.interval!.start.secondsSince1970))
            }
            if let hotel = person.hotel(night: d.day), !person.departs(on: d.day, before: last.interval!.end) {
                let key = HotelStream(day: d.day, hotel: hotel, venue: w.venue(of: last)!.id, accessible: accessible)
                evenings[key, default: []].append((d.person, last.interval!.end.secondsSince1970))
            }
        }
        let maxWait = Int64(settings.maxWaitMinutes) * 60
        for (morning, streams) in [(true, mornings), (false, evenings)] {
            for key in streams.keys.sorted() {
                let riders = streams[key]!.sorted { ($0.time, $0.person) < ($1.time, $1.person) }
                let hotelStop = hotelStop(key.hotel)
                let venue = w.venuesByID[key.venue]!
                let venueStop = TransferStop(kind: .venue, id: venue.id.rawValue, name: venue.name)
                let drive = minutes(hotelStop, venueStop)
                for range in RunGrouping.runs(
                    times: riders.map(\.time), capacity: capacity(accessible: key.accessible), maxWait: maxWait)
                {
                    let group = riders[range]
                    let departs: Instant
                    let arrives: Instant
                    if morning {
                        arrives = Instant(secondsSince1970: group.first!.time)
                        departs = arrives.adding(minutes: -drive)
                    } else {
                        departs = Instant(secondsSince1970: group.last!.time)
                        arrives = departs.adding(minutes: drive)
                    }
                    let (from, to) = morning ? (hotelStop, venueStop) : (venueStop, hotelStop)
                    let passengers = group.map { r in
                        TransferPassenger(
                            person: w.people[r.person].id, journey: nil, pickUp: from, pickUpTime: departs,
                            dropOff: to, dropOffTime: arrives,
                            waitMinutes: Int(abs(r.time - (morning ? arrives : departs).secondsSince1970) / 60),
                            deadline: nil)
                    }
                    runs.append(
                        TransferRun(
                            id: "", kind: morning ? .morning : .evening, stops: [from, to], departs: departs,
                            arrives: arrives, passengers: passengers, vehicle: nil,
                            needsAccessibleVehicle: key.accessible, zone: zone, session: nil,
                            busy: Interval(start: departs, end: arrives.adding(minutes: drive))))
                }
            }
        }
    }

    // MARK: Venue shuttles

    struct Leg: Hashable, Comparable {
        var from: Venue.ID
        var to: Venue.ID
        /// When the session at `to` starts.
        var time: Instant
        static func < (a: Self, b: Self) -> Bool { (a.time, a.from, a.to) < (b.time, b.from, b.to) }
    }

    /// People moving between venues within a day: only from one in-person session to their next one, when it is
    /// at another venue. Nobody is taken to a venue where they have no session next; the way back at the end of
    /// the day is an evening run to their hotel.
    mutating func planShuttles(_ days: [PersonDay]) {
        var legs: [Leg: (sessions: Set<Session.ID>, riders: [(person: Int, free: Instant)])] = [:]
        // The legs of a day's sessions: from one to the next when it is at another venue. A day shared by
        // everyone without sessions of their own is worked out once.
        var sharedLegs: [Int: [(leg: Leg, session: Session.ID, free: Instant)]] = [:]
        // What the legs read of each session, looked up once (days hold every session open to all).
        let venues = w.sessions.map { w.venue(of: $0)?.id }
        let intervals = w.sessions.map(\.interval)
        let ids = w.sessions.map(\.id)
        func legsOf(_ sessions: [Int]) -> [(leg: Leg, session: Session.ID, free: Instant)] {
            zip(sessions, sessions.dropFirst()).compactMap { a, b in
                let (va, vb) = (venues[a]!, venues[b]!)
                let (ia, ib) = (intervals[a]!, intervals[b]!)
                guard va != vb, ia.end <= ib.start else { return nil }
                return (Leg(from: va, to: vb, time: ib.start), ids[b], ia.end)
            }
        }
        for d in days {
            let dayLegs: [(leg: Leg, session: Session.ID, free: Instant)]
            if let k = d.shared {
                if sharedLegs[k] == nil { sharedLegs[k] = legsOf(d.sessions) }
                dayLegs = sharedLegs[k]!
            } else {
                dayLegs = legsOf(d.sessions)
            }
            for (leg, session, free) in dayLegs {
                legs[leg, default: ([], [])].sessions.insert(session)
                legs[leg, default: ([], [])].riders.append((d.person, free))
            }
        }
        for leg in legs.keys.sorted() {
            let (sessions, riders) = legs[leg]!
            let from = w.venuesByID[leg.from]!
            let to = w.venuesByID[leg.to]!
            let fromStop = TransferStop(kind: .venue, id: from.id.rawValue, name: from.name)
            let toStop = TransferStop(kind: .venue, id: to.id.rawValue, name: to.name)
            let drive = travel.between(from.id.rawValue, to.id.rawValue) ?? 0
            let streams = [
                riders.filter { !(fleetHasAccessible && needsAccessibleVehicle(w.people[$0.person])) },
                riders.filter { fleetHasAccessible && needsAccessibleVehicle(w.people[$0.person]) },
            ]
            for (accessible, stream) in zip([false, true], streams) where !stream.isEmpty {
                let size = min(capacity(accessible: accessible), stream.count)
                for start in stride(from: 0, to: stream.count, by: size) {
                    let chunk = stream[start..<min(start + size, stream.count)]
                    let latestFree = chunk.map(\.free).max()!
                    let departs = max(leg.time.adding(minutes: -drive), latestFree)
                    let arrives = departs.adding(minutes: drive)
                    let passengers = chunk.map { r in
                        TransferPassenger(
                            person: w.people[r.person].id, journey: nil, pickUp: fromStop, pickUpTime: departs,
                            dropOff: toStop,
                            dropOffTime: arrives, waitMinutes: max(0, r.free.minutes(until: departs)), deadline: nil)
                    }
                    runs.append(
                        TransferRun(
                            id: "", kind: .shuttle, stops: [fromStop, toStop], departs: departs, arrives: arrives,
                            passengers: passengers, vehicle: nil,
                            needsAccessibleVehicle: chunk.contains { needsAccessibleVehicle(w.people[$0.person]) },
                            zone: zone,
                            session: sessions.min(), busy: Interval(start: departs, end: arrives.adding(minutes: drive))
                        ))
                }
            }
        }
    }

    // MARK: Ids and vehicles

    consuming func finish() -> TransferPlan {
        // By departure, kind, first stop and first passenger (ties in planning order); the keys are made once.
        let keys = runs.map { run in
            (run.departs, run.kind.rawValue, run.stops.first?.id ?? "", run.passengers.first?.person.rawValue ?? "")
        }
        runs = runs.indices.sorted { a, b in keys[a] < keys[b] || (keys[a] == keys[b] && a < b) }.map { runs[$0] }
        var used: [String: Int] = [:]
        for i in runs.indices {
            let run = runs[i]
            let local = run.zone.localDateTime(at: run.departs)
            let hhmm = String(local.iso8601.dropFirst(11).prefix(5)).replacingOccurrences(of: ":", with: "")
            let place = run.kind == .departure ? run.stops.last!.id : run.stops.first!.id
            let base =
                run.kind == .shuttle
                ? "shuttle-\(run.stops.first!.id)-\(run.stops.last!.id)-\(local.date.iso8601)-\(hhmm)"
                : "\(run.kind.rawValue)-\(place)-\(local.date.iso8601)-\(hhmm)"
            let n = (used[base] ?? 0) + 1
            used[base] = n
            runs[i].id = n == 1 ? base : "\(base)-\(n)"
        }
        VehicleAssignment.assign(w.logistics.vehicles, to: &runs)
        return TransferPlan(runs: runs, unplanned: unplanned)
    }
}
