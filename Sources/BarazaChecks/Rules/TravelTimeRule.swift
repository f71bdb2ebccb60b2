import BarazaModel

/// Too little time to get from one venue to the next between two consecutive sessions of one person.
public struct TravelTimeRule: Rule {
    public init() {}
    public var id: String { "travel-time" }
    public var defaultSeverity: Severity { .error }
    public var summary: String {
        "consecutive sessions of one person at two venues leave less than the travel time between them"
    }

    public func check(_ w: Workspace) -> [Finding] {
        var findings: [Finding] = []
        for (personID, sessions) in w.sessionsByPresenter() {
            guard let person = w.peopleByID[personID] else { continue }
            let timed = sessions.filter { $0.interval != nil && w.isInPerson($0) }
            let timeline = timed.map { (interval: $0.interval!, venue: w.venue(of: $0)!.id) }
            for short in Self.shortfalls(timeline, travel: w.travelMinutes) {
                let (a, b, needed, gap) = (timed[short.earlier], timed[short.later], short.needed, short.gap)
                let (va, vb) = (timeline[short.earlier].venue, timeline[short.later].venue)
                findings.append(
                    finding(
                        w, subjects: [w.subject(person), w.subject(a), w.subject(b)],
                        occurrences: [w.occurrence(a, for: person)!, w.occurrence(b, for: person)!],
                        minutes: needed - gap,
                        facts: [Fact("travel", "\(needed) min from \(va) to \(vb)"), Fact("gap", "\(gap) min")],
                        locations: [b.location, a.location]))
            }
        }
        return findings
    }

    /// One pair of consecutive sessions too close for the travel between their venues.
    public struct Shortfall: Hashable, Sendable {
        /// Positions in the timeline given.
        public var earlier: Int
        public var later: Int
        /// Minutes of travel needed, and minutes between the two.
        public var needed: Int
        public var gap: Int

        @usableFromInline
        init(earlier: Int, later: Int, needed: Int, gap: Int) {
            self.earlier = earlier
            self.later = later
            self.needed = needed
            self.gap = gap
        }
    }

    /// The shortfalls in one person's in-person `timeline` (any order; venues as ids or any other key): each pair of
    /// consecutive sessions (by start, then end) at two venues with less time between them than `travel` needs. The rule's scope: a solver moving
    /// one session recomputes it for each of its presenters.
    @inlinable
    public static func shortfalls<Place: Equatable>(
        _ timeline: [(interval: Interval, venue: Place)], travel: (Place, Place) -> Int?
    ) -> [Shortfall] {
        let order = timeline.indices.sorted {
            (timeline[$0].interval.start, timeline[$0].interval.end, $0)
                < (timeline[$1].interval.start, timeline[$1].interval.end, $1)
        }
        var found: [Shortfall] = []
        for (a, b) in zip(order, order.dropFirst()) {
            let (x, y) = (timeline[a], timeline[b])
            guard x.venue != y.venue, let needed = travel(x.venue, y.venue) else { continue }
            let gap = x.interval.end.minutes(until: y.interval.start)
            // Overlapping sessions are the double-booking rule's business.
            guard gap >= 0, gap < needed else { continue }
            found.append(Shortfall(earlier: a, later: b, needed: needed, gap: gap))
        }
        return found
    }
}
