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
                .sorted { ($0.interval!.start, $0.interval!.end) < ($1.interval!.start, $1.interval!.end) }
            for (a, b) in zip(timed, timed.dropFirst()) {
                guard let va = w.venue(of: a)?.id, let vb = w.venue(of: b)?.id, va != vb,
                    let needed = w.travelMinutes(from: va, to: vb)
                else { continue }
                let gap = a.interval!.end.minutes(until: b.interval!.start)
                // Overlapping sessions are the double-booking rule's business.
                guard gap >= 0, gap < needed else { continue }
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
}
