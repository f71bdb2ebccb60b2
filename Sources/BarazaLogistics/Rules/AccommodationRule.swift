import BarazaChecks
import BarazaModel

/// Someone who comes to the event in person (a journey in, or an in-person session) with neither a hotel stay
/// nor a `local_address`. Only for workspaces that book hotels: without any, people find their own beds.
public struct AccommodationRule: Rule {
    public init() {}
    public var id: String { "no-accommodation" }
    public var defaultSeverity: Severity { .error }
    public var summary: String { "a person who attends in person has no hotel stay and no local address" }

    public func check(_ w: Workspace) -> [Finding] {
        guard !w.hotels.isEmpty else { return [] }
        let presented = w.inPersonSessionsByPresenter()
        var signedUp: [Person.ID: Int] = [:]
        for s in w.sessions {
            guard s.interval != nil, w.isInPerson(s) else { continue }
            for ref in Set(s.signUps.map(\.id)) { signedUp[ref, default: 0] += 1 }
        }
        return w.people.compactMap { p in
            guard p.stays.isEmpty, p.localAddress == nil else { return nil }
            var facts: [Fact] = []
            if let a = p.arrival, let i = a.instant {
                facts.append(Fact("arrives", w.localText(i) + (a.place.map { " at \($0)" } ?? ", place not given")))
            }
            let sessions = (presented[p.id]?.count ?? 0) + (signedUp[p.id] ?? 0)
            if sessions > 0 { facts.append(Fact("in-person sessions", "\(sessions)")) }
            guard !facts.isEmpty else { return nil }
            return finding(
                w, subjects: [w.personSubject(p)],
                occurrences: [p.arrival.flatMap { w.journeyOccurrence($0, for: p) }].compactMap { $0 }, facts: facts,
                locations: [p.location])
        }
    }
}
