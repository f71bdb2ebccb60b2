import BarazaModel

/// Gives each run a vehicle free for the whole of its busy span, taking runs in order of start.
///
/// Among the free vehicles with enough seats (and accessible, when a passenger needs it and the fleet has one),
/// a run that needs no accessible vehicle takes an ordinary one first, so accessible vehicles stay free for those
/// who need them; then the smallest, then the one idle longest, then by id. Deterministic; big vehicles stay free
/// for big runs. O(r·v) for r runs and a fleet of v vehicles. A run left without a vehicle keeps `vehicle == nil`.
enum VehicleAssignment {
    static func assign(_ vehicles: [Vehicle], to runs: inout [TransferRun]) {
        let fleet = vehicles.sorted { ($0.capacity, $0.id) < ($1.capacity, $1.id) }
        let anyAccessible = fleet.contains { $0.accessible }
        var freeAt = [Int64](repeating: .min, count: fleet.count)
        let order = runs.indices.sorted { (runs[$0].busy.start, runs[$0].id) < (runs[$1].busy.start, runs[$1].id) }
        for i in order {
            let run = runs[i]
            let start = run.busy.start.secondsSince1970
            let needsAccessible = run.needsAccessibleVehicle && anyAccessible
            // Preference key, smallest first: (accessible when not needed, seats, idle since, fleet order).
            var best: (key: (Int, Int, Int64, Int), index: Int)?
            for (v, vehicle) in fleet.enumerated() {
                guard vehicle.capacity >= run.passengers.count, !needsAccessible || vehicle.accessible,
                    freeAt[v] <= start
                else { continue }
                let key = (vehicle.accessible && !needsAccessible ? 1 : 0, vehicle.capacity, freeAt[v], v)
                if best == nil || key < best!.key { best = (key, v) }
            }
            if let b = best?.index {
                runs[i].vehicle = fleet[b].id
                freeAt[b] = run.busy.end.secondsSince1970
            }
        }
    }
}
