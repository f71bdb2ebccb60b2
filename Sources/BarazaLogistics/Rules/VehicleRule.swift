import BarazaChecks
import BarazaModel

/// A planned transfer run for which no vehicle of the fleet is free (seats, accessibility, earlier runs).
public struct VehicleRule: Rule {
    public init() {}
    public var id: String { "transfer-no-vehicle" }
    public var defaultSeverity: Severity { .error }
    public var summary: String { "no vehicle with enough seats (accessible when needed) is free for a transfer run" }

    public func check(_ w: Workspace) -> [Finding] {
        // No run needs a vehicle when there can be none.
        guard TransferPlanner.picksUpPeople(w) || TransferPlanner.runsFleet(w) else { return [] }
        let plan = TransferPlanner().sharedPlan(w)
        return plan.runs.filter { $0.vehicle == nil }.map { run in
            var facts = [
                Fact("leaves", "\(w.localText(run.departs)) from \(run.stops.first!.name)"),
                Fact("passengers", "\(run.passengers.count)"),
            ]
            if run.needsAccessibleVehicle { facts.append(Fact("needs", "an accessible vehicle")) }
            let people = run.passengers.compactMap { w.peopleByID[$0.person] }
            var locations = run.passengers.compactMap { $0.journey?.location }.sorted()
            if let s = run.session, let session = w.sessionsByID[s] { locations = [session.location] }
            if let l = w.logistics.location { locations.append(l) }
            return finding(
                w, subjects: [w.runSubject(run)] + people.map { w.personSubject($0) }, facts: facts,
                locations: locations.isEmpty ? [w.event.location] : locations)
        }
    }
}
