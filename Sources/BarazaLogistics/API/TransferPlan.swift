import BarazaModel

/// Every transfer run of a workspace, and the journeys that could not be planned.
public struct TransferPlan: Sendable {
    /// Runs sorted by departure time, then id.
    public var runs: [TransferRun]
    /// Journeys left out, with why (unknown place, travel by car...).
    public var unplanned: [UnplannedJourney]
    private let runsByPerson: [Person.ID: [Int]]

    public init(runs: [TransferRun], unplanned: [UnplannedJourney]) {
        self.runs = runs
        self.unplanned = unplanned
        var index: [Person.ID: [Int]] = [:]
        for (i, run) in runs.enumerated() {
            for p in run.passengers { index[p.person, default: []].append(i) }
        }
        runsByPerson = index
    }

    /// The transfers one person takes, in time order: what a personal calendar shows as pick-ups.
    public func transfers(for person: Person.ID) -> [PersonTransfer] {
        (runsByPerson[person] ?? []).compactMap { i in
            let run = runs[i]
            guard let passenger = run.passengers.first(where: { $0.person == person }) else { return nil }
            return PersonTransfer(run: run, passenger: passenger)
        }
    }
}

/// One person's seat on one run, with what a calendar entry needs.
public struct PersonTransfer: Hashable, Sendable {
    public var run: TransferRun
    public var passenger: TransferPassenger

    /// The span the person spends on the transfer: pick-up to drop-off.
    public var interval: Interval {
        Interval(start: passenger.pickUpTime, end: max(passenger.pickUpTime, passenger.dropOffTime))
    }

    /// A one-line summary such as `Pick-up at Kigali International Airport (KGL) to Ubumwe Grande Hotel`.
    public var summary: String {
        switch run.kind {
        case .arrival: return "Pick-up at \(passenger.pickUp.name) to \(passenger.dropOff.name)"
        case .departure: return "Transfer from \(passenger.pickUp.name) to \(passenger.dropOff.name)"
        case .shuttle: return "Shuttle from \(passenger.pickUp.name) to \(passenger.dropOff.name)"
        case .morning, .evening: return "Hotel run from \(passenger.pickUp.name) to \(passenger.dropOff.name)"
        }
    }
}

/// A journey the planner did not put on a run, and why.
public struct UnplannedJourney: Hashable, Sendable {
    public var person: Person.ID
    public var journey: Journey
    public var reason: String
}
