import BarazaChecks
import BarazaModel

/// A presenter whose pick-up gets them to the venue after their first session starts, or whose departure
/// transfer leaves before their last session has ended and they have reached the pick-up point.
public struct TransferTimingRule: Rule {
    public var walksEveryone: Bool { true }
    public let direction: Journey.Direction

    public init(direction: Journey.Direction) { self.direction = direction }

    public var id: String { direction == .arrival ? "arrival-transfer-late" : "departure-transfer-early" }
    public var defaultSeverity: Severity { .error }
    public var summary: String {
        direction == .arrival
            ? "a presenter's first session starts before their pick-up run (wait and drive) gets them to the venue"
            : "a presenter's departure transfer leaves before their last session ends (plus the drive to the pick-up)"
    }

    public func check(_ w: Workspace) -> [Finding] {
        // No one picked up, no one late: the plan (a walk through every journey) is not needed.
        guard TransferPlanner.picksUpPeople(w) else { return [] }
        let plan = TransferPlanner().sharedPlan(w)
        let travel = TravelTable(w)
        let presented = w.inPersonSessionsByPresenter()
        var findings: [Finding] = []
        // Only presenters can be late: their ids, sorted, rather than every person (100,000 registrations).
        for personID in presented.keys.sorted() {
            guard let person = w.peopleByID[personID], let sessions = presented[personID] else { continue }
            let kind: TransferRun.Kind = direction == .arrival ? .arrival : .departure
            let timeline = sessions.map { (interval: $0.interval!, venue: w.venue(of: $0)!.id, id: $0.id) }
            for t in plan.transfers(for: person.id) where t.run.kind == kind {
                guard let journey = t.passenger.journey, let instant = journey.instant,
                    let miss = Self.shortfall(
                        direction, transfer: t, journey: instant, sessions: timeline, travel: travel),
                    miss.minutes > 0
                else { continue }
                let session = sessions[miss.index]
                if direction == .arrival {
                    findings.append(
                        finding(
                            w, subjects: [w.personSubject(person), w.sessionSubject(session)],
                            occurrences: [
                                w.journeyOccurrence(journey, for: person), w.sessionOccurrence(session, for: person),
                            ]
                            .compactMap { $0 },
                            minutes: miss.minutes,
                            facts: [
                                Fact("run", t.run.id), Fact("at the venue", w.localText(miss.time)),
                                Fact("wait", "\(t.passenger.waitMinutes) min"),
                            ],
                            locations: [session.location, journey.location]))
                } else {
                    let drive = Self.drive(from: timeline[miss.index].venue.rawValue, transfer: t, travel: travel)
                    findings.append(
                        finding(
                            w, subjects: [w.personSubject(person), w.sessionSubject(session)],
                            occurrences: [
                                w.sessionOccurrence(session, for: person), w.journeyOccurrence(journey, for: person),
                            ]
                            .compactMap { $0 },
                            minutes: miss.minutes,
                            facts: [
                                Fact("run", t.run.id), Fact("pick-up", w.localText(t.passenger.pickUpTime)),
                                Fact("pick-up at", t.passenger.pickUp.name), Fact("drive", "\(drive) min"),
                            ],
                            locations: [session.location, journey.location]))
                }
            }
        }
        return findings
    }

    /// The rule's incremental form, for one person and one of their transfers: the in-person session it must fit
    /// (see `decisive`) among `sessions`, and the minutes it misses by (0 or less when in time) with the instant
    /// that decides: when the person reaches that session's venue, or must have left it.
    public static func shortfall(
        _ direction: Journey.Direction, transfer t: PersonTransfer, journey instant: Instant,
        sessions: [(interval: Interval, venue: Venue.ID, id: Session.ID)], travel: TravelTable
    ) -> (index: Int, minutes: Int, time: Instant)? {
        guard
            let i = decisive(
                direction, journey: instant, sessions: sessions.map { (interval: $0.interval, key: $0.id) })
        else { return nil }
        let venue = sessions[i].venue.rawValue
        if direction == .arrival {
            let ready = arrival(at: venue, transfer: t, travel: travel)
            return (i, sessions[i].interval.start.minutes(until: ready), ready)
        }
        let needed = sessions[i].interval.end.adding(minutes: drive(from: venue, transfer: t, travel: travel))
        return (i, t.passenger.pickUpTime.minutes(until: needed), needed)
    }

    /// Which of one person's in-person sessions a transfer must fit: the first starting at or after landing, or the
    /// last ending by the departure (ordered by start, then `key`, the session id or anything ordered like it).
    @inlinable
    public static func decisive<Key: Comparable>(
        _ direction: Journey.Direction, journey instant: Instant, sessions: [(interval: Interval, key: Key)]
    ) -> Int? {
        var best: Int?
        for (i, s) in sessions.enumerated() {
            if direction == .arrival {
                guard s.interval.start >= instant else { continue }
                if let b = best, (sessions[b].interval.start, sessions[b].key) <= (s.interval.start, s.key) { continue }
            } else {
                guard s.interval.end <= instant else { continue }
                if let b = best, (sessions[b].interval.start, sessions[b].key) >= (s.interval.start, s.key) { continue }
            }
            best = i
        }
        return best
    }

    /// When an arrival transfer gets the person to `venue` (an id): straight from the place when that drive is
    /// known, else via the drop-off.
    public static func arrival(at venue: String, transfer t: PersonTransfer, travel: TravelTable) -> Instant {
        if let direct = travel.between(t.passenger.pickUp.id, venue) {
            return t.passenger.pickUpTime.adding(minutes: direct)
        }
        return t.passenger.dropOffTime.adding(minutes: travel.between(t.passenger.dropOff.id, venue) ?? 0)
    }

    /// Minutes from `venue` (an id) to a departure transfer's pick-up.
    public static func drive(from venue: String, transfer t: PersonTransfer, travel: TravelTable) -> Int {
        travel.between(venue, t.passenger.pickUp.id) ?? 0
    }
}
