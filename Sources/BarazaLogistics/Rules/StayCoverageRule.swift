import BarazaChecks
import BarazaModel

/// A person whose hotel stays leave a night between their arrival and departure without a bed.
public struct StayCoverageRule: Rule {
    public init() {}
    public var id: String { "stay-gap" }
    public var defaultSeverity: Severity { .error }
    public var summary: String { "hotel stays do not cover every night between a person's arrival and departure" }

    public func check(_ w: Workspace) -> [Finding] {
        w.people.compactMap { person in
            guard !person.stays.isEmpty, let arrival = person.arrival, let departure = person.departure,
                let a = arrival.instant, let d = departure.instant, a < d
            else { return nil }
            let first = w.event.zone.localDateTime(at: a).date
            let last = w.event.zone.localDateTime(at: d).date
            let covered = Set(person.stays.flatMap(\.nights))
            let missing = (0..<max(0, last.daysSince1970 - first.daysSince1970)).map { first.adding(days: $0) }
                .filter { !covered.contains($0) }
            guard !missing.isEmpty else { return nil }
            return finding(
                w, subjects: [w.personSubject(person)],
                occurrences: [w.journeyOccurrence(arrival, for: person), w.journeyOccurrence(departure, for: person)]
                    .compactMap { $0 },
                facts: [
                    Fact("missing nights", missing.map(\.iso8601).joined(separator: ", ")),
                    Fact("nights needed", "\(first) to \(last.adding(days: -1))"),
                ],
                locations: [person.stays[0].location, arrival.location])
        }
    }
}
