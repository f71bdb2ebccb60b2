import BarazaModel

/// One zip to build: which kind of pack, where it goes, and whose certificates it carries.
struct PackSpec: Sendable {
    enum Kind: Sendable {
        case `public`
        case participants
        case person(Person)
        case city(String)
    }

    var kind: Kind
    /// Relative to the export folder.
    var path: String
    var certificates: [Person]

    /// Whether consented contacts may appear (every pack but the public one).
    var showsContacts: Bool {
        if case .public = kind { return false }
        return true
    }

    var audience: String {
        switch kind {
        case .public: return "public"
        case .participants: return "participants"
        case .person(let p): return "person:\(p.id)"
        case .city(let c): return "city:\(c)"
        }
    }

    var label: (en: String, fr: String) {
        switch kind {
        case .public: return ("Public material pack", "Dossier public")
        case .participants: return ("Material pack for participants", "Dossier des participants")
        case .person(let p): return ("Material pack for \(p.name)", "Dossier de \(p.name)")
        case .city(let c): return ("Material pack for the delegation of \(c)", "Dossier de la délégation de \(c)")
        }
    }
}
