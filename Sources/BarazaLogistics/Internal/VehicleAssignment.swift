import BarazaModel

/// Gives each run a vehicle free for the whole of its busy span, taking runs in order of start.
///
/// Among the free vehicles with enough seats (and accessible, when a passenger needs it and the fleet has one),
/// the smallest is taken, then the one idle longest, then by id: deterministic, and big vehicles stay free for big
/// runs. O(r·v) for r runs and a fleet of v vehicles. A run left without a vehicle keeps `vehicle == nil`.
enum VehicleAssignment {
    static func assign(_ vehicles: [Vehicle], to runs: inout [TransferRun]) {
        let fleet = vehicles.sorted { ($0.capacity, $0.id) < ($1.capacity, $1.id) }
        let anyAccessible = fleet.contains { $0.accessible }
        var freeAt = [Instant?](repeating: nil, count: fleet.count)
        let order = runs.indices.sorted { (runs[$0].busy.start, runs[$0].id) < (runs[$1].busy.start, runs[$1].id) }
        for i in order {
            let run = runs[i]
            var best: Int?
            for (v, vehicle) in fleet.enumerated() {
                guard vehicle.capacity >= run.passengers.count,
                    !(run.needsAccessibleVehicle && anyAccessible) || vehicle.accessible,
                    freeAt[v].map({ $0 <= run.busy.start }) ?? true
                else { continue }
                if let b = best {
                    if fleet[b].capacity < vehicle.capacity { continue }
                    if fleet[b].capacity == vehicle.capacity,
                        (freeAt[b] ?? Instant(secondsSince1970: .min)) <= (freeAt[v] ?? Instant(secondsSince1970: .min))
                    {
                        continue
                    }
                }
                best = v
            }
            if let b = best {
                runs[i].vehicle = fleet[b].id
                freeAt[b] = run.busy.end
            }
        }
    }
}
