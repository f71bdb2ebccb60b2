import BarazaModel

extension RegistrationImport {
    /// A person's YAML entry after its `id:` line.
    static func appendBody(_ p: ImportedPerson, source: String, zone: Zone, to out: inout [UInt8]) {
        func line(_ key: StaticString, quoted value: String) {
            YAMLText.append(key, to: &out)
            YAMLText.appendQuoted(value, to: &out)
            out.append(0x0A)
        }
        func line(_ key: StaticString, plain value: String) {
            YAMLText.append(key, to: &out)
            YAMLText.append(plain: value, to: &out)
            out.append(0x0A)
        }
        func line(_ key: StaticString, list: [String]) {
            YAMLText.append(key, to: &out)
            YAMLText.appendList(list, to: &out)
            out.append(0x0A)
        }
        line("    name: ", quoted: p.name)
        if let v = p.givenName { line("    given_name: ", quoted: v) }
        if let v = p.familyName { line("    family_name: ", quoted: v) }
        line("    email: ", quoted: p.email)
        if let v = p.organisation { line("    organisation: ", quoted: v) }
        if let v = p.city { line("    city: ", quoted: v) }
        if let v = p.country { line("    country: ", plain: v) }
        if let v = p.timezone { line("    timezone: ", plain: v) }
        if !p.languages.isEmpty {
            line("    languages: ", plain: "[\(p.languages.map(\.code).joined(separator: ", "))]")
        }
        if !p.roles.isEmpty { line("    roles: ", plain: "[\(p.roles.map(\.rawValue).joined(separator: ", "))]") }
        if p.arrival != nil || p.departure != nil {
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
            journey(
                "      - { direction: arrival, time: \"", p.arrival, place: p.arrivalPlace, number: p.arrivalNumber)
            journey(
                "      - { direction: departure, time: \"", p.departure, place: p.departurePlace,
                number: p.departureNumber)
        }
        if let needsHotel = p.needsHotel {
            YAMLText.append("    needs_hotel: ", to: &out)
            YAMLText.append(needsHotel ? "true\n" : "false\n", to: &out)
        }
        if let v = p.hotelPreference { line("    hotel_preference: ", quoted: v) }
        if let v = p.localAddress { line("    local_address: ", quoted: v) }
        if let v = p.emergencyContact { line("    emergency_contact: ", quoted: v) }
        if !p.dietary.isEmpty { line("    dietary: ", list: p.dietary) }
        if !p.accessibility.isEmpty { line("    accessibility: ", list: p.accessibility) }
        YAMLText.append("    consent: { share_contact: ", to: &out)
        YAMLText.append(p.shareContact ? "true" : "false", to: &out)
        YAMLText.append(", photos: ", to: &out)
        YAMLText.append(p.photos ? "true" : "false", to: &out)
        YAMLText.append(" }\n", to: &out)
        if !p.sessions.isEmpty { line("    sessions: ", list: p.sessions) }
        YAMLText.append("    source: { file: ", to: &out)
        YAMLText.appendQuoted(source, to: &out)
        YAMLText.append(", record: ", to: &out)
        YAMLText.appendQuoted(p.recordID, to: &out)
        YAMLText.append(" }\n", to: &out)
    }
}
