import BarazaChecks
import BarazaModel

/// A presenter whose pick-up gets them to the venue after their first session starts, or whose departure
/// transfer leaves before their last session has ended and they have reached the pick-up point.
public struct TransferTimingRule: Rule {
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
        let plan = TransferPlanner().plan(w)
        let travel = TravelTable(w)
        let presented = w.inPersonSessionsByPresenter()
        var findings: [Finding] = []
        for person in w.people.sorted(by: { $0.id < $1.id }) {
            guard let sessions = presented[person.id] else { continue }
            let kind: TransferRun.Kind = direction == .arrival ? .arrival : .departure
            for t in plan.transfers(for: person.id) where t.run.kind == kind {
                guard let journey = t.passenger.journey, let instant = journey.instant else { continue }
                if direction == .arrival {
                    guard let session = sessions.first(where: { $0.interval!.start >= instant }),
                        let venue = w.venue(of: session)
                    else { continue }
                    // Straight from the place when that drive is known, else via the drop-off.
                    let ready: Instant
                    if let direct = travel.between(t.passenger.pickUp.id, venue.id.rawValue) {
                        ready = t.passenger.pickUpTime.adding(minutes: direct)
                    } else {
                        ready = t.passenger.dropOffTime.adding(
                            minutes: travel.between(t.passenger.dropOff.id, venue.id.rawValue) ?? 0)
                    }
                    let short = session.interval!.start.minutes(until: ready)
                    guard short > 0 else { continue }
                    findings.append(
                        finding(
                            w, subjects: [w.personSubject(person), w.sessionSubject(session)],
                            occurrences: [
                                w.journeyOccurrence(journey, for: person), w.sessionOccurrence(session, for: person),
                            ]
                            .compactMap { $0 },
                            minutes: short,
                            facts: [
                                Fact("run", t.run.id), Fact("at the venue", w.localText(ready)),
                                Fact("wait", "\(t.passenger.waitMinutes) min"),
                            ],
                            locations: [session.location, journey.location]))
                } else {
                    guard let session = sessions.last(where: { $0.interval!.end <= instant }),
                        let venue = w.venue(of: session)
                    else { continue }
                    let drive = travel.between(venue.id.rawValue, t.passenger.pickUp.id) ?? 0
                    let needed = session.interval!.end.adding(minutes: drive)
                    let short = t.passenger.pickUpTime.minutes(until: needed)
                    guard short > 0 else { continue }
                    findings.append(
                        finding(
                            w, subjects: [w.personSubject(person), w.sessionSubject(session)],
                            occurrences: [
                                w.sessionOccurrence(session, for: person), w.journeyOccurrence(journey, for: person),
                            ]
                            .compactMap { $0 },
                            minutes: short,
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
}
