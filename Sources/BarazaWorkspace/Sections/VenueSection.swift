import BarazaModel

extension WorkspaceLoader {
    static let venueKeys = [
        "id", "name", "online", "url", "city", "country", "timezone", "address", "opening_hours", "rooms",
    ]
    static let roomKeys = ["id", "name", "capacity", "equipment", "accessible", "interpretation"]

    func decodeVenue(_ value: YAMLValue) -> Venue? {
        guard let f = value.fields(Self.venueKeys, context: value.path) else { return nil }
        let id = f.require("id", expected: "a venue id")?.identifier()
        let names = f["name"]?.localizedText()
        let online = f["online"]?.bool() ?? false
        let rooms = (f["rooms"]?.list() ?? []).compactMap { decodeRoom($0) }
        let kind: Venue.Kind
        if online {
            for key in ["city", "timezone", "opening_hours"] where f[key] != nil {
                f[key]!.invalid("nothing: an online venue has no \(key); give sessions a `timezone` instead")
            }
            kind = .online(url: f["url"]?.webAddress())
        } else {
            let city = f.require("city", expected: "the city, e.g. `Kigali` (or `online: true`)")?.nonEmptyString()
            let country = f.require("country", expected: "an ISO 3166 country code such as `RW`")?.countryCode()
            let zone = f.require("timezone", expected: "an IANA time zone such as `Africa/Kigali`")?.zone()
            let hours = f["opening_hours"].flatMap { decodeOpeningHours($0) }
            guard let city, let country, let zone else { return nil }
            kind = .physical(
                city: city, country: country, zone: zone, address: f["address"]?.string(), openingHours: hours)
        }
        guard let id else { return nil }
        return Venue(
            id: Venue.ID(id), name: names?.english ?? names?.french ?? id, names: names, kind: kind, rooms: rooms,
            location: value.location)
    }

    func decodeRoom(_ value: YAMLValue) -> Room? {
        guard let f = value.fields(Self.roomKeys, context: value.path),
            let id = f.require("id", expected: "a room id")?.identifier()
        else { return nil }
        let names = f["name"]?.localizedText()
        return Room(
            id: Room.ID(id), name: names?.english ?? names?.french ?? id, names: names,
            capacity: f["capacity"]?.int(in: 0...1_000_000, expected: "a number of seats"),
            equipment: f["equipment"]?.strings() ?? [], accessible: f["accessible"]?.bool() ?? true,
            interpretation: f["interpretation"]?.languages() ?? [], location: value.location)
    }

    /// `"08:00-20:00"` or `{ daily: "08:00-20:00", exceptions: { 2026-11-19: "08:00-02:00", 2026-11-20: closed } }`.
    func decodeOpeningHours(_ value: YAMLValue) -> OpeningHours? {
        if case .scalar = value.node { return value.dailyWindow().map { OpeningHours(daily: $0) } }
        guard let f = value.fields(["daily", "exceptions"]),
            let daily = f.require("daily", expected: "hours HH:MM-HH:MM")?.dailyWindow()
        else { return nil }
        var hours = OpeningHours(daily: daily)
        if let e = f["exceptions"], case .mapping(let m) = e.node {
            for (k, v) in m.pairs {
                let key = YAMLValue(node: k, file: e.file, path: e.path, diagnostics: e.diagnostics)
                let val = YAMLValue(
                    node: v, file: e.file, path: "\(e.path).\(k.scalar?.string ?? "")", diagnostics: e.diagnostics)
                guard let date = key.date() else { continue }
                if val.string() == "closed" {
                    hours.exceptions[date] = .some(nil)
                } else if let w = val.dailyWindow() {
                    hours.exceptions[date] = w
                }
            }
        } else if let e = f["exceptions"] {
            e.invalid("a mapping of dates to hours or `closed`")
        }
        return hours
    }

    func decodeTravel(_ value: YAMLValue) -> TravelTime? {
        guard let f = value.fields(["between", "minutes"], context: value.path) else { return nil }
        let ends: [Reference<Venue>] =
            f.require("between", expected: "two venue ids, `[kcc, kic]`")?.references("venue") ?? []
        let minutes = f.require("minutes", expected: "travel minutes")?.int(in: 0...10_000, expected: "travel minutes")
        guard ends.count == 2 else {
            f["between"]?.invalid("exactly two venue ids, `[kcc, kic]`", found: "\(ends.count) ids")
            return nil
        }
        guard let minutes else { return nil }
        return TravelTime(between: ends[0].id, and: ends[1].id, minutes: minutes, location: value.location)
    }
}

extension YAMLValue {
    /// ISO 3166-1 alpha-2, upper-cased.
    func countryCode() -> String? {
        guard let text = nonEmptyString(expected: "an ISO 3166 country code") else { return nil }
        guard text.count == 2, text.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            let hint = NameHints.countryCode(forName: text).map { " (`\(text)` is a country's name: write `\($0)`)" }
            invalid("a two-letter ISO 3166 country code such as `RW`, `SN`, `FR`" + (hint ?? ""))
            return nil
        }
        return text.uppercased()
    }
}
