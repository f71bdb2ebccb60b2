import BarazaModel

extension WorkspaceLoader {
    static let logisticsKeys = ["vehicles", "transfers"]
    static let vehicleKeys = ["id", "name", "capacity", "accessible", "count"]
    /// The most vehicles a workspace's fleet may hold, `count`s included.
    static let maximumFleet = 5_000
    static let transferKeys = [
        "max_wait_minutes", "departure_buffer_minutes", "arrival_buffer_minutes", "stop_minutes", "places", "travel",
    ]

    /// The `logistics:` section (at most one per workspace, in event.yaml or an included file such as
    /// `logistics.yaml`): vehicles, and transfer settings whose travel entries must name known places, hotels
    /// or venues.
    func decodeLogistics(_ values: [YAMLValue], context: DecodingContext, venues: [Venue], hotels: [Hotel])
        -> Logistics
    {
        guard let value = values.first else { return Logistics() }
        for extra in values.dropFirst() {
            extra.invalid(
                "nothing: a workspace has one `logistics:` section, already given at \(value.location)",
                found: "a second `logistics:` section")
        }
        var logistics = Logistics(location: value.location)
        guard let f = value.fields(Self.logisticsKeys, context: "logistics") else { return logistics }
        for item in f["vehicles"]?.list(expected: "a list of vehicles") ?? [] {
            let vehicles = decodeVehicles(item)
            guard logistics.vehicles.count + vehicles.count <= Self.maximumFleet else {
                // Every run is matched against every vehicle: a fleet without bound is a check without end.
                item.invalid(
                    "a fleet of at most \(Self.maximumFleet) vehicles in all",
                    found: "\(logistics.vehicles.count + vehicles.count) vehicles with this entry")
                break
            }
            logistics.vehicles += vehicles
        }
        var seen: [String: SourceLocation] = [:]
        for v in logistics.vehicles {
            if let first = seen[v.id.rawValue] {
                value.diagnostics.report(
                    .duplicateID(v.location, kind: "vehicle", id: v.id.rawValue, firstDefinedAt: first))
            } else {
                seen[v.id.rawValue] = v.location
            }
        }
        if let t = f["transfers"] {
            logistics.transfers = decodeTransfers(t, context: context, venues: venues, hotels: hotels)
        }
        return logistics
    }

    /// One vehicle entry; `count: 3` stands for three identical vehicles `<id>-1`, `<id>-2`, `<id>-3`.
    private func decodeVehicles(_ value: YAMLValue) -> [Vehicle] {
        guard let f = value.fields(Self.vehicleKeys, context: value.path),
            let id = f.require("id", expected: "a vehicle id such as `minibus`")?.identifier(),
            let capacity = f.require("capacity", expected: "passenger seats, 1 to 100")?
                .int(in: 1...100, expected: "passenger seats, 1 to 100")
        else { return [] }
        let name = f["name"]?.nonEmptyString() ?? id
        let accessible = f["accessible"]?.bool() ?? false
        let count = f["count"]?.int(in: 1...1000, expected: "a number of identical vehicles, 1 to 1000") ?? 1
        if count == 1 {
            return [
                Vehicle(
                    id: Vehicle.ID(id), name: name, capacity: capacity, accessible: accessible, location: value.location
                )
            ]
        }
        return (1...count).map {
            Vehicle(
                id: Vehicle.ID("\(id)-\($0)"), name: "\(name) \($0)", capacity: capacity, accessible: accessible,
                location: value.location)
        }
    }

    private func decodeTransfers(_ value: YAMLValue, context: DecodingContext, venues: [Venue], hotels: [Hotel])
        -> TransferSettings
    {
        var settings = TransferSettings()
        guard let f = value.fields(Self.transferKeys, context: "logistics.transfers") else { return settings }
        if let m = f["max_wait_minutes"]?.int(in: 0...1440, expected: "minutes, 0 to 1440") {
            settings.maxWaitMinutes = m
        }
        if let b = f["departure_buffer_minutes"]?.int(in: 0...1440, expected: "minutes, 0 to 1440") {
            settings.departureBufferMinutes = b
        }
        if let a = f["arrival_buffer_minutes"]?.int(in: 0...1440, expected: "minutes, 0 to 1440") {
            settings.arrivalBufferMinutes = a
        }
        if let s = f["stop_minutes"]?.int(in: 0...240, expected: "minutes, 0 to 240") { settings.stopMinutes = s }
        for item in f["places"]?.list(expected: "a list of places `{ id, name, timezone }`") ?? [] {
            guard
                let pf = item.fields(
                    ["id", "name", "kind", "timezone", "departure_buffer_minutes", "arrival_buffer_minutes"],
                    context: item.path),
                let id = pf.require("id", expected: "a place id such as `KGL`, as journeys write it in `place`")?
                    .identifier()
            else { continue }
            var place = TransferPlace(
                id: TransferPlace.ID(id), name: pf["name"]?.nonEmptyString() ?? id,
                zone: pf["timezone"]?.zone() ?? context.event.zone,
                departureBufferMinutes: pf["departure_buffer_minutes"]?.int(
                    in: 0...1440, expected: "minutes, 0 to 1440"),
                location: item.location)
            place.arrivalBufferMinutes = pf["arrival_buffer_minutes"]?.int(in: 0...1440, expected: "minutes, 0 to 1440")
            if let kind = pf["kind"] {
                let kinds = TransferPlace.Kind.allCases.map(\.rawValue)
                if let name = kind.nonEmptyString(), let known = TransferPlace.Kind(rawValue: name) {
                    place.kind = known
                } else {
                    kind.invalid("one of \(kinds.map { "`\($0)`" }.joined(separator: ", "))")
                }
            }
            settings.places.append(place)
        }
        var firstPlace: [String: SourceLocation] = [:]
        for place in settings.places {
            if let first = firstPlace[place.id.rawValue] {
                value.diagnostics.report(
                    .duplicateID(place.location, kind: "transfer place", id: place.id.rawValue, firstDefinedAt: first))
            } else {
                firstPlace[place.id.rawValue] = place.location
            }
        }
        // Travel entries name places, hotels or venues; an unknown id is a typo worth stopping for.
        let known = settings.places.map(\.id.rawValue) + hotels.map(\.id.rawValue) + venues.map(\.id.rawValue)
        let expectedEnd = "a transfer place, hotel or venue id"
        for item in f["travel"]?.list(expected: "a list of `{ from, to, minutes }`") ?? [] {
            guard let tf = item.fields(["from", "to", "minutes"], context: item.path) else { continue }
            var ends: [String] = []
            for key in ["from", "to"] {
                guard let end = tf.require(key, expected: expectedEnd), let id = end.identifier() else { continue }
                if known.contains(id) {
                    ends.append(id)
                } else {
                    let hint = nearest(to: id, in: known).map { " (did you mean `\($0)`?)" } ?? ""
                    end.invalid("\(expectedEnd)\(hint)")
                }
            }
            guard
                let minutes = tf.require("minutes", expected: "travel minutes")?
                    .int(in: 0...10_000, expected: "travel minutes, 0 to 10000"), ends.count == 2
            else { continue }
            settings.travel.append(
                TransferTravel(from: ends[0], to: ends[1], minutes: minutes, location: item.location))
        }
        return settings
    }
}
