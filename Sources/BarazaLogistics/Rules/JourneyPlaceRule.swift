import BarazaChecks
import BarazaModel

/// A journey naming a place that is not among the transfer places, when the workspace lists some: nobody will be
/// there to pick the person up. Suggests the nearest place id.
public struct JourneyPlaceRule: Rule {
    public init() {}
    public var id: String { "journey-unknown-place" }
    public var defaultSeverity: Severity { .warning }
    public var summary: String { "a journey's place is not one of the transfer places, so it gets no pick-up" }

    public func check(_ w: Workspace) -> [Finding] {
        let places = w.logistics.transfers.places
        guard !places.isEmpty else { return [] }
        let known = Set(places.flatMap { [$0.id.rawValue, $0.id.rawValue.lowercased(), $0.name.lowercased()] })
        var findings: [Finding] = []
        for person in w.people {
            for journey in person.journeys where journey.mode != .car {
                let place = journey.place ?? ""
                guard !known.contains(place), !known.contains(place.lowercased()) else { continue }
                var facts = [Fact("place", place.isEmpty ? "none given" : place)]
                if let near = nearest(to: place, in: places.map(\.id.rawValue)) {
                    facts.append(Fact("did you mean", near))
                }
                findings.append(
                    finding(
                        w, subjects: [w.personSubject(person)],
                        occurrences: [w.journeyOccurrence(journey, for: person)].compactMap { $0 }, facts: facts,
                        locations: [journey.location] + [places[0].location]))
            }
        }
        return findings
    }
}
