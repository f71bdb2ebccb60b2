import BarazaModel

extension PersonDraft {
    /// Appends the person's YAML entry after its `id:` line: free text quoted, codes plain, times as wall-clock
    /// text in `zone`, and where it came from (`source`, the record's id).
    func appendYAML(source: String, zone: Zone, to out: inout [UInt8]) {
        text.withUnsafeBufferPointer { text in
            func line(_ key: StaticString, _ field: PersonField) {
                guard let range = answers[field.slot] else { return }
                YAMLText.append(key, to: &out)
                YAMLText.appendQuoted(bytes: UnsafeBufferPointer(rebasing: text[range]), to: &out)
                out.append(0x0A)
            }
            line("    name: ", .name)
            line("    given_name: ", .givenName)
            line("    family_name: ", .familyName)
            Self.line("    email: ", quoted: email, to: &out)
            line("    organisation: ", .organisation)
            line("    city: ", .city)
            if let country { Self.line("    country: ", plain: country, to: &out) }
            if let timezone { Self.line("    timezone: ", plain: timezone, to: &out) }
            Self.line("    languages: ", codes: languages.lazy.map(\.code), to: &out)
            Self.line("    roles: ", codes: roles.lazy.map(\.rawValue), to: &out)
            appendJourneys(zone: zone, to: &out)
            if let needsHotel {
                YAMLText.append("    needs_hotel: ", to: &out)
                YAMLText.append(needsHotel ? "true\n" : "false\n", to: &out)
            }
            if let hotelPreference { Self.line("    hotel_preference: ", quoted: hotelPreference, to: &out) }
            line("    local_address: ", .localAddress)
            line("    emergency_contact: ", .emergencyContact)
            Self.line("    dietary: ", list: dietary, to: &out)
            Self.line("    accessibility: ", list: accessibility, to: &out)
            YAMLText.append("    consent: { share_contact: ", to: &out)
            YAMLText.append(shareContact ? "true" : "false", to: &out)
            YAMLText.append(", photos: ", to: &out)
            YAMLText.append(photos ? "true" : "false", to: &out)
            YAMLText.append(" }\n", to: &out)
            Self.line("    sessions: ", list: sessions, to: &out)
            YAMLText.append("    source: { file: ", to: &out)
            YAMLText.appendQuoted(source, to: &out)
            YAMLText.append(", record: ", to: &out)
            YAMLText.appendQuoted(recordID, to: &out)
            YAMLText.append(" }\n", to: &out)
        }
    }

    private func appendJourneys(zone: Zone, to out: inout [UInt8]) {
        guard arrival != nil || departure != nil else { return }
        YAMLText.append("    journeys:\n", to: &out)
        func journey(_ head: StaticString, _ instant: Instant?, place: String?, number: String?) {
            guard let instant else { return }
            YAMLText.append(head, to: &out)
            Normalise.appendWallText(instant, zone: zone, to: &out)
            YAMLText.append("\"", to: &out)
            if let place {
                YAMLText.append(", place: ", to: &out)
                YAMLText.appendQuoted(place, to: &out)
            }
            if let number {
                YAMLText.append(", number: ", to: &out)
                YAMLText.appendQuoted(number, to: &out)
            }
            YAMLText.append(" }\n", to: &out)
        }
        journey("      - { direction: arrival, time: \"", arrival, place: arrivalPlace, number: arrivalNumber)
        journey("      - { direction: departure, time: \"", departure, place: departurePlace, number: departureNumber)
    }

    private static func line(_ key: StaticString, quoted value: String, to out: inout [UInt8]) {
        YAMLText.append(key, to: &out)
        YAMLText.appendQuoted(value, to: &out)
        out.append(0x0A)
    }

    private static func line(_ key: StaticString, plain value: String, to out: inout [UInt8]) {
        YAMLText.append(key, to: &out)
        YAMLText.append(plain: value, to: &out)
        out.append(0x0A)
    }

    /// A non-empty list of free text, each item quoted.
    private static func line(_ key: StaticString, list: [String], to out: inout [UInt8]) {
        guard !list.isEmpty else { return }
        YAMLText.append(key, to: &out)
        YAMLText.appendList(list, to: &out)
        out.append(0x0A)
    }

    /// A non-empty list of codes, unquoted (they are letters).
    private static func line(_ key: StaticString, codes: some Collection<String>, to out: inout [UInt8]) {
        guard !codes.isEmpty else { return }
        YAMLText.append(key, to: &out)
        for (index, code) in codes.enumerated() {
            YAMLText.append(index == 0 ? "[" : ", ", to: &out)
            YAMLText.append(plain: code, to: &out)
        }
        YAMLText.append("]\n", to: &out)
    }
}
