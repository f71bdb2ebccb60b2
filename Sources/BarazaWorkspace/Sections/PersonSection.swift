import BarazaModel

extension WorkspaceLoader {
    static let personKeys = [
        "id", "name", "given_name", "family_name", "email", "organisation", "city", "country", "timezone",
        "languages", "roles", "availability", "journeys", "stays", "dietary", "accessibility", "consent", "sessions",
        "local_address", "needs_hotel", "hotel_preference", "emergency_contact",
        "bio", "gender", "source",
    ]

    func decodePerson(_ value: YAMLValue, context: DecodingContext) -> Person? {
        guard let f = value.fields(Self.personKeys, context: value.path) else { return nil }
        let id = f.require("id", expected: "a person id")?.identifier()
        let name = f.require("name", expected: "the person's name as they write it")?.nonEmptyString()
        let source = f["source"].flatMap { decodeSource($0) }
        var person = Person(id: Person.ID(id ?? "-"), name: name ?? "", location: value.location, source: source)
        applyPersonFields(f, to: &person, context: context, name: false)
        guard id != nil, name != nil else { return nil }
        return person
    }

    /// Where an imported person came from: `{ file, record }`.
    func decodeSource(_ value: YAMLValue) -> Provenance? {
        guard let sf = value.fields(["file", "record"]),
            let file = sf.require("file", expected: "the raw export's path")?.nonEmptyString(),
            let record = sf.require("record", expected: "the record id in that file")?.nonEmptyString()
        else { return nil }
        return Provenance(file: file, record: record)
    }

    /// The keys ``applyPersonField(_:_:to:context:)`` sets, in the order they are applied (and their problems
    /// reported): availability is read in the person's own zone, set before it. Decoding switches over these
    /// cases, not over the keys' text, so a field is found without comparing strings.
    enum AppliedPersonKey: String, CaseIterable {
        case name
        case givenName = "given_name"
        case familyName = "family_name"
        case email, organisation, city, country, timezone, languages, roles, availability, journeys, stays, dietary
        case accessibility, consent, sessions, bio, gender
        case localAddress = "local_address"
        case needsHotel = "needs_hotel"
        case hotelPreference = "hotel_preference"
        case emergencyContact = "emergency_contact"
    }

    /// Sets every field `f` gives on `person` (all but `id` and `source`, and `name` unless `name` is true): a
    /// person's own entry, or an override laid over an imported person (see ``decodeOverride(_:)``).
    func applyPersonFields(_ f: Fields, to p: inout Person, context: DecodingContext, name: Bool = true) {
        // (A person's own entry has read its required name already.)
        for key in AppliedPersonKey.allCases where name || key != .name {
            if let v = f[key.rawValue] { applyPersonField(key, v, to: &p, context: context) }
        }
    }

    /// Sets the field `key` from `v`, a value that is not null.
    func applyPersonField(_ key: AppliedPersonKey, _ v: YAMLValue, to p: inout Person, context: DecodingContext) {
        switch key {
        case .name: if let text = v.nonEmptyString() { p.name = text }
        case .givenName: p.givenName = v.nonEmptyString()
        case .familyName: p.familyName = v.nonEmptyString()
        case .email: p.email = v.email()
        case .organisation: p.organisation = v.nonEmptyString()
        case .city: p.city = v.nonEmptyString()
        case .country: p.country = v.countryCode()
        case .timezone: p.homeZone = v.zone()
        case .languages: p.languages = v.languages()
        case .roles:
            let roles: [Role] = v.list().compactMap { item in
                guard let text = item.nonEmptyString(), let role = Role(rawValue: text.lowercased()) else {
                    item.invalid("one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
                    return nil
                }
                return role
            }
            p.roles = roles.isEmpty ? [.participant] : Set(roles)
        // Availability and journeys are wall times; without a zone of their own they are read in the
        // person's home zone (availability) or the event's zone (journeys land in the host city).
        case .availability:
            p.availability = v.list().compactMap { decodeWindow($0, defaultZone: p.homeZone ?? context.event.zone) }
        case .journeys: p.journeys = v.list().compactMap { decodeJourney($0, defaultZone: context.event.zone) }
        case .stays: p.stays = v.list().compactMap { decodeStay($0) }
        case .dietary: p.dietary = v.strings().compactMap { DietaryNeed.canonical($0) }
        case .accessibility: p.accessibility = v.strings()
        case .consent:
            if case .scalar = v.node {
                p.consent = Consent(shareContact: v.bool() ?? false)
            } else if let cf = v.fields(["share_contact", "photos"]) {
                p.consent = Consent(
                    shareContact: cf["share_contact"]?.bool() ?? false, photos: cf["photos"]?.bool() ?? false)
            }
        case .sessions: p.signUps = v.references("session")
        case .bio: p.bio = v.localizedText(limit: .longText)
        case .gender: p.gender = v.nonEmptyString()?.lowercased()
        case .localAddress: p.localAddress = v.nonEmptyString()
        case .needsHotel: p.needsHotel = v.bool()
        case .hotelPreference: p.hotelPreference = v.nonEmptyString()
        case .emergencyContact: p.emergencyContact = v.nonEmptyString()
        }
    }

    /// Keys of an override: whom it is for (`person` or `email`), then any person key but `id` and `source`.
    static let overrideKeys = ["person"] + personKeys.filter { $0 != "id" && $0 != "source" }

    /// One entry of `people-overrides.yaml`: whom it names and its fields, checked now, laid over the person once
    /// every person is loaded.
    func decodeOverride(_ value: YAMLValue) -> PersonOverride? {
        guard let f = value.fields(Self.overrideKeys, context: value.path) else { return nil }
        let id = f["person"]?.identifier()
        let email = id == nil ? f["email"]?.email() : nil
        guard id != nil || email != nil else {
            value.invalid("`person: <id>` or `email: <address>` naming whom the override is for")
            return nil
        }
        return PersonOverride(person: id.map { Person.ID($0) }, email: email, fields: f, location: value.location)
    }

    func decodeWindow(_ value: YAMLValue, defaultZone: Zone) -> TimeWindow? {
        guard let f = value.fields(["start", "end", "timezone"], context: value.path) else { return nil }
        let zone = f["timezone"]?.zone() ?? defaultZone
        guard let s = f.require("start", expected: YAMLValue.dateTimeExpectation)?.dateTime(),
            let e = f.require("end", expected: YAMLValue.dateTimeExpectation)?.dateTime()
        else { return nil }
        let start = WallTime(local: s.0, zone: zone, offset: s.offset)
        let end = WallTime(local: e.0, zone: zone, offset: e.offset)
        var interval: Interval?
        if case .success(let a) = start.resolve(), case .success(let b) = end.resolve() {
            guard a <= b else {
                value.invalid("an end after the start", found: "\(s.0) to \(e.0)")
                return nil
            }
            interval = Interval(start: a, end: b)
        }
        return TimeWindow(start: start, end: end, interval: interval, location: value.location)
    }

    static let journeyKeys = ["direction", "mode", "carrier", "number", "from", "place", "time", "timezone"]

    func decodeJourney(_ value: YAMLValue, defaultZone: Zone) -> Journey? {
        guard let f = value.fields(Self.journeyKeys, context: value.path) else { return nil }
        let directionText = f.require("direction", expected: "`arrival` or `departure`")?.nonEmptyString()
        let direction = directionText.flatMap { Journey.Direction(rawValue: $0.lowercased()) }
        if directionText != nil && direction == nil { f["direction"]?.invalid("`arrival` or `departure`") }
        var mode = Journey.Mode.flight
        if let m = f["mode"], let text = m.nonEmptyString() {
            if let parsed = Journey.Mode(rawValue: text.lowercased()) {
                mode = parsed
            } else {
                m.invalid("one of \(Journey.Mode.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        let zone = f["timezone"]?.zone() ?? defaultZone
        guard let direction, let t = f.require("time", expected: YAMLValue.dateTimeExpectation)?.dateTime() else {
            return nil
        }
        let time = WallTime(local: t.0, zone: zone, offset: t.offset)
        return Journey(
            direction: direction, mode: mode, carrier: f["carrier"]?.nonEmptyString(),
            number: f["number"]?.nonEmptyString(), place: f["place"]?.nonEmptyString(), time: time,
            instant: try? time.resolve().get(), location: value.location)
    }

    func decodeStay(_ value: YAMLValue) -> Stay? {
        guard
            let f = value.fields(["hotel", "check_in", "check_out", "room_type", "sharing_with"], context: value.path)
        else { return nil }
        let hotel: Reference<Hotel>? = f.require("hotel", expected: "a hotel id")?.reference()
        let checkIn = f.require("check_in", expected: "the first night's date YYYY-MM-DD")?.date()
        let checkOut = f.require("check_out", expected: "the departure date YYYY-MM-DD")?.date()
        guard let hotel, let checkIn, let checkOut else { return nil }
        guard checkIn < checkOut else {
            value.invalid("a check-out date after the check-in date", found: "\(checkIn) to \(checkOut)")
            return nil
        }
        let nights = checkOut.daysSince1970 - checkIn.daysSince1970
        guard nights <= Stay.maximumNights else {
            value.invalid(
                "a stay of at most \(Stay.maximumNights) nights (is a year mistyped?)",
                found: "\(checkIn) to \(checkOut), \(nights) nights")
            return nil
        }
        return Stay(
            hotel: hotel, checkIn: checkIn, checkOut: checkOut, roomType: f["room_type"]?.nonEmptyString(),
            sharingWith: f["sharing_with"]?.references("person") ?? [], location: value.location)
    }

    static let hotelKeys = ["id", "name", "address", "timezone", "check_in", "check_out", "blocks"]

    func decodeHotel(_ value: YAMLValue, context: DecodingContext) -> Hotel? {
        guard let f = value.fields(Self.hotelKeys, context: value.path),
            let id = f.require("id", expected: "a hotel id")?.identifier()
        else { return nil }
        let blocks: [RoomBlock] = (f["blocks"]?.list() ?? []).compactMap { b in
            guard let bf = b.fields(["room_type", "rooms", "first_night", "last_night"], context: b.path),
                let type = bf.require("room_type", expected: "a room type such as `single`")?.nonEmptyString(),
                let rooms = bf.require("rooms", expected: "a number of rooms")?.int(
                    in: 0...100_000, expected: "a number of rooms"),
                let first = bf.require("first_night", expected: "a date YYYY-MM-DD")?.date(),
                let last = bf.require("last_night", expected: "a date YYYY-MM-DD")?.date()
            else { return nil }
            let nights = last.daysSince1970 - first.daysSince1970 + 1
            guard nights >= 1 else {
                b.invalid("a last night on or after the first night", found: "\(first) to \(last)")
                return nil
            }
            guard nights <= Stay.maximumNights else {
                b.invalid(
                    "a block of at most \(Stay.maximumNights) nights (is a year mistyped?)",
                    found: "\(first) to \(last), \(nights) nights")
                return nil
            }
            return RoomBlock(roomType: type, rooms: rooms, firstNight: first, lastNight: last, location: b.location)
        }
        return Hotel(
            id: Hotel.ID(id), name: f["name"]?.nonEmptyString() ?? id, address: f["address"]?.string(),
            zone: f["timezone"]?.zone() ?? context.event.zone,
            checkInTime: f["check_in"]?.timeOfDay() ?? LocalTime(hour: 14, minute: 0)!,
            checkOutTime: f["check_out"]?.timeOfDay() ?? LocalTime(hour: 11, minute: 0)!, blocks: blocks,
            location: value.location)
    }
}

/// An entry of `people-overrides.yaml` as read: whom it names and its fields, laid over that person once every
/// person is loaded.
struct PersonOverride {
    var person: Person.ID?
    var email: String?
    var fields: Fields
    var location: SourceLocation
}
