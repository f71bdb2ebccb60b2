import BarazaChecks
import BarazaModel

extension Rule {
    func finding(
        _ w: Workspace, subjects: [Subject], occurrences: [Occurrence] = [], minutes: Int? = nil, facts: [Fact] = [],
        locations: [SourceLocation]
    ) -> Finding {
        Finding(
            rule: id, severity: defaultSeverity, subjects: subjects, occurrences: occurrences, minutes: minutes,
            facts: facts, locations: locations, event: w.event.id.rawValue)
    }
}

extension Workspace {
    func personSubject(_ p: Person) -> Subject { Subject(.person, id: p.id.rawValue, label: p.name) }

    func sessionSubject(_ s: Session) -> Subject { Subject(.session, id: s.id.rawValue, label: s.title.bilingual) }

    func runSubject(_ r: TransferRun) -> Subject {
        Subject(.journey, id: r.id, label: "\(r.kind.rawValue) run \(r.stops.first!.name) → \(r.stops.last!.name)")
    }

    func sessionOccurrence(_ s: Session, for p: Person?) -> Occurrence? {
        guard let interval = s.interval else { return nil }
        return Occurrence(
            kind: .session, id: s.id.rawValue, label: s.title.bilingual, interval: interval, zone: s.zone,
            homeZone: p?.homeZone, event: event.id.rawValue, location: s.location)
    }

    func journeyOccurrence(_ j: Journey, for p: Person) -> Occurrence? {
        guard let instant = j.instant else { return nil }
        let label = [j.mode.rawValue, j.carrier, j.number, j.place].compactMap { $0 }.joined(separator: " ")
        return Occurrence(
            kind: .journey, id: j.direction.rawValue, label: "\(j.direction.rawValue) \(label)",
            interval: Interval(start: instant, end: instant), zone: j.time.zone, homeZone: p.homeZone,
            event: event.id.rawValue, location: j.location)
    }

    /// In-person sessions each person presents, sorted by start then id.
    func inPersonSessionsByPresenter() -> [Person.ID: [Session]] {
        var map: [Person.ID: [Session]] = [:]
        for s in sessions {
            guard s.interval != nil, isInPerson(s) else { continue }
            var seen: Set<Person.ID> = []
            for ref in s.presenters where seen.insert(ref.id).inserted { map[ref.id, default: []].append(s) }
        }
        for key in map.keys { map[key]!.sort { ($0.interval!.start, $0.id) < ($1.interval!.start, $1.id) } }
        return map
    }

    /// `2027-03-22 14:25` on the event's clock.
    func localText(_ i: Instant) -> String { event.zone.localDateTime(at: i).description }
}
