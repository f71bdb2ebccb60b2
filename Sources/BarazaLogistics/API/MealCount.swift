import BarazaChecks
import BarazaModel

/// How many people a meal feeds, and their dietary needs, for the caterer.
public struct MealCount: Hashable, Sendable {
    /// Where the headcount comes from.
    public enum Source: String, Hashable, Sendable {
        /// People signed up for the meal.
        case signUps = "sign-ups"
        /// The session's expected attendance (larger than the people known to be in town).
        case expected
        /// The people in town at the time of the meal (larger than the expected attendance, or none given).
        case inTown = "in town"
    }

    public var session: Session.ID
    public var headcount: Int
    public var source: Source
    /// The named people the count is made of (sign-ups, or people in town).
    public var people: [Person.ID]
    /// People per dietary need, need written in lower case, sorted by need. A person with two needs counts twice.
    public var dietary: [(need: String, count: Int)]
    /// Named people with no stated dietary need.
    public var noStatedNeed: Int
    /// Expected people not named in the workspace (headcount minus named people), whose needs are unknown.
    public var unnamed: Int

    public static func == (a: Self, b: Self) -> Bool {
        a.session == b.session && a.headcount == b.headcount && a.source == b.source && a.people == b.people
            && a.dietary.map(\.need) == b.dietary.map(\.need) && a.dietary.map(\.count) == b.dietary.map(\.count)
            && a.noStatedNeed == b.noStatedNeed && a.unnamed == b.unnamed
    }

    public func hash(into h: inout Hasher) {
        h.combine(session)
        h.combine(headcount)
    }
}

/// Counts meals: the headcount is the sign-ups when the meal has any; otherwise the larger of the expected
/// attendance and the people in town when the meal is served.
public struct MealCounter: Sendable {
    public init() {}

    /// One count per session of kind `meal` with a resolved time, in programme order (start, then id).
    public func counts(_ w: Workspace) -> [MealCount] {
        let meals = w.sessions.filter { $0.kind == .meal && $0.interval != nil }
        // Who is in town is worked out from every person's journeys, so only when there is a meal to count.
        guard !meals.isEmpty else { return [] }
        let presence = Presence(w)
        return meals.sorted { ($0.interval!.start, $0.id) < ($1.interval!.start, $1.id) }
            .map { count($0, in: w, presence: presence) }
    }

    /// The headcount of `meal` alone, without naming people or their needs: what the capacity rule compares with
    /// the seats (the same number as `count(_:in:presence:)` gives).
    func headcount(_ meal: Session, in w: Workspace, presence: Presence) -> Int {
        let signed = Self.signedUp(meal, in: w)
        return signed.isEmpty
            ? max(meal.expectedAttendance ?? 0, presence.numberInTown(during: meal.interval!)) : signed.count
    }

    /// The people signed up for `meal` who are in the workspace, each once, in the order written.
    static func signedUp(_ meal: Session, in w: Workspace) -> [Person.ID] {
        var seen: Set<Person.ID> = []
        return meal.signUps.map(\.id).filter { w.peopleByID.keys.contains($0) && seen.insert($0).inserted }
    }

    func count(_ meal: Session, in w: Workspace, presence: Presence) -> MealCount {
        let signed = Self.signedUp(meal, in: w)
        let people: [Person.ID]
        let headcount: Int
        let source: MealCount.Source
        if !signed.isEmpty {
            people = signed.sorted()
            headcount = people.count
            source = .signUps
        } else {
            people = presence.inTown(during: meal.interval!)
            let expected = meal.expectedAttendance ?? 0
            headcount = max(expected, people.count)
            source = expected > people.count ? .expected : .inTown
        }
        var needs: [String: Int] = [:]
        var none = 0
        for id in people {
            let diet = Set(w.peopleByID[id]!.dietary.map { $0.lowercased() })
            if diet.isEmpty { none += 1 }
            for d in diet { needs[d, default: 0] += 1 }
        }
        return MealCount(
            session: meal.id, headcount: headcount, source: source, people: people,
            dietary: needs.keys.sorted().map { ($0, needs[$0]!) }, noStatedNeed: none,
            unnamed: headcount - people.count)
    }
}

/// Who is in the host city when: people with journeys between their arrival and departure; people without
/// journeys when they live locally (`local_address`) or attend an in-person session that day.
struct Presence {
    let w: Workspace
    /// Both lists are in person-id order, and no one is in both: who is in town is their merge, never sorted.
    private var spans: [(Person.ID, Instant?, Instant?)] = []
    private var localDays: [(Person.ID, Set<LocalDate>)] = []

    init(_ w: Workspace) {
        self.w = w
        // The day of each in-person session (host city's zone), by position; a person's days are gathered from
        // the sessions they attend only when they have no journey and no local address (few of 100,000 people).
        let inPersonDay: [LocalDate?] = w.sessions.map { s in
            guard let i = s.interval, w.isInPerson(s) else { return nil }
            return w.event.zone.localDateTime(at: i.start).date
        }
        for p in w.peopleInIDOrder.lazy.map({ w.people[$0] }) {
            // (Only the instants are read, without copying journeys: this runs for every person.)
            let (arrives, leaves) = (p.instant(of: .arrival), p.instant(of: .departure))
            if arrives != nil || leaves != nil {
                spans.append((p.id, arrives, leaves))
            } else if p.localAddress != nil {
                spans.append((p.id, nil, nil))
            } else {
                let days = Set(w.sessionIndices(attendedBy: p.id).compactMap { inPersonDay[$0] })
                if !days.isEmpty { localDays.append((p.id, days)) }
            }
        }
    }

    /// People in town for the whole of `interval`, sorted by id.
    func inTown(during interval: Interval) -> [Person.ID] {
        let day = w.event.zone.localDateTime(at: interval.start).date
        return Self.merged(
            spans.lazy.filter { Self.stays($0.1, $0.2, through: interval) }.map(\.0),
            localDays.lazy.filter { $0.1.contains(day) }.map(\.0))
    }

    /// How many people are in town for the whole of `interval` (`inTown(during:).count`, without the list).
    func numberInTown(during interval: Interval) -> Int {
        let day = w.event.zone.localDateTime(at: interval.start).date
        return spans.lazy.filter { Self.stays($0.1, $0.2, through: interval) }.count
            + localDays.lazy.filter { $0.1.contains(day) }.count
    }

    /// Whether someone arriving at `arrival` and leaving at `departure` (either unknown) is in town for the whole
    /// of `interval`.
    private static func stays(_ arrival: Instant?, _ departure: Instant?, through interval: Interval) -> Bool {
        if let a = arrival, a > interval.start { return false }
        if let d = departure, d < interval.end { return false }
        return true
    }

    /// Two lists sorted by id, and disjoint, as one sorted list.
    private static func merged<A: Sequence<Person.ID>, B: Sequence<Person.ID>>(_ a: A, _ b: B) -> [Person.ID] {
        let (left, right) = (Array(a), Array(b))
        guard !right.isEmpty else { return left }
        var out: [Person.ID] = []
        out.reserveCapacity(left.count + right.count)
        var (i, j) = (0, 0)
        while i < left.count && j < right.count {
            if left[i] < right[j] {
                out.append(left[i])
                i += 1
            } else {
                out.append(right[j])
                j += 1
            }
        }
        return out + left[i...] + right[j...]
    }

    /// People in town at some point of `day` (host city's zone), sorted by id.
    func inTown(on day: LocalDate) -> [Person.ID] {
        let zone = w.event.zone
        var ids: [Person.ID] = []
        for (id, arrival, departure) in spans {
            if let a = arrival, zone.localDateTime(at: a).date > day { continue }
            if let d = departure, zone.localDateTime(at: d).date < day { continue }
            ids.append(id)
        }
        return Self.merged(ids, localDays.lazy.filter { $0.1.contains(day) }.map(\.0))
    }
}
