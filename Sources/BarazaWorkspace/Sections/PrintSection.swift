import BarazaModel

extension WorkspaceLoader {
    static let badgeKeys = ["roles", "roles_shown", "online_only"]
    static let certificateKeys = ["certify", "logo", "signatory"]
    static let signatoryKeys = ["name", "title"]
    static let tagKeys = ["id", "name"]

    /// `badges: { roles: [speaker, staff, ...], roles_shown: 1, online_only: false }`.
    func decodeBadgeSettings(_ value: YAMLValue) -> BadgeSettings {
        guard let f = value.fields(Self.badgeKeys, context: "badges") else { return BadgeSettings() }
        var order: [Role] = []
        for item in f["roles"]?.list(expected: "a list of roles, first printed first") ?? [] {
            let names = Role.allCases.map(\.rawValue)
            guard let text = item.nonEmptyString(expected: "a role") else { continue }
            guard let role = Role(rawValue: text.lowercased()) else {
                let hint = nearest(to: text, in: names).map { " (did you mean `\($0)`?)" } ?? ""
                item.invalid("one of \(names.joined(separator: ", "))\(hint)")
                continue
            }
            if order.contains(role) {
                item.invalid("each role once; it is already listed")
                continue
            }
            order.append(role)
        }
        let shown = f["roles_shown"]?.int(in: 1...2, expected: "1 or 2 roles printed in the band") ?? 1
        return BadgeSettings(
            roleOrder: order, rolesShown: shown, printsOnlineOnly: f["online_only"]?.bool() ?? false)
    }

    /// `certificates: { certify: attendance | registration | none, logo: file, signatory: { name, title } }`.
    func decodeCertificateSettings(_ value: YAMLValue) -> CertificateSettings {
        var settings = CertificateSettings(location: value.location)
        guard let f = value.fields(Self.certificateKeys, context: "certificates") else { return settings }
        if let certify = f["certify"] {
            let expected = "attendance (recorded check-ins), registration, or none"
            switch certify.string(expected: expected) {
            case "attendance": settings.basis = .attendance
            case "registration": settings.basis = .registration
            case "none": settings.basis = nil
            case nil: break
            default: certify.invalid(expected)
            }
        }
        if let logo = f["logo"] {
            let expected = "a PNG or SVG file inside the workspace, relative to it (e.g. `branding/logo.svg`)"
            if let path = logo.nonEmptyString(expected: expected) {
                let lowered = path.lowercased()
                if path.hasPrefix("/") || path.hasPrefix("~") || path.split(separator: "/").contains("..") {
                    logo.invalid(expected)
                } else if !lowered.hasSuffix(".png") && !lowered.hasSuffix(".svg") {
                    logo.invalid(expected)
                } else {
                    settings.logo = path
                }
            }
        }
        if let signatory = f["signatory"],
            let s = signatory.fields(Self.signatoryKeys, context: "certificates.signatory")
        {
            let name = s.require("name", expected: "the name of the person who signs")?.nonEmptyString()
            let title = s["title"]?.localizedText()
            if let name { settings.signatory = CertificateSettings.Signatory(name: name, title: title) }
        }
        return settings
    }

    /// `tags: - { id: climate, name: { en: Climate, fr: Climat } }`: how a session tag is named in each language.
    func decodeTag(_ value: YAMLValue) -> (id: String, name: LocalizedText, location: SourceLocation)? {
        guard let f = value.fields(Self.tagKeys, context: value.path) else { return nil }
        let id = f.require("id", expected: "the tag as sessions write it, e.g. `climate`")?.nonEmptyString()
        let name = f.require("name", expected: "the tag's name, or `{ en: ..., fr: ... }`")?.localizedText()
        guard let id, let name else { return nil }
        return (id, name, value.location)
    }
}
