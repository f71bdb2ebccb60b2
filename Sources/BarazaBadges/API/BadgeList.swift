import BarazaModel

/// The badges of an event, one per person, sorted by family name.
///
/// Sorting folds case and accents ("Éric" with "Eric", "Ökan" before "Oz"), ignores punctuation, and breaks
/// ties by person id, so the order is the same on every machine and every run.
public struct BadgeList: Sendable, Hashable {
    /// The badges in print order.
    public var entries: [BadgeEntry]

    /// A list holding `entries` in the given order.
    public init(entries: [BadgeEntry]) {
        self.entries = entries
    }

    /// One badge for every person in `workspace`, with ids from `key`.
    ///
    /// Country names are given in the person's first language among English, French, Portuguese and Spanish
    /// (so a Maputo badge says "Moçambique"), else in the event's first such language, else in English.
    public init(workspace: Workspace, key: BadgeKey) {
        let eventLanguage =
            workspace.event.languages.first { CountryNames.badgeLanguages.contains($0.code) }?.code ?? "en"
        var countries = CountryNames()
        var keyed: [(family: String, given: String, entry: BadgeEntry)] = []
        keyed.reserveCapacity(workspace.people.count)
        for person in workspace.people {
            let derived = NameParts.split(person.name)
            let given = person.givenName ?? (person.familyName == nil ? derived.given : "")
            let family = person.familyName ?? derived.family
            let language =
                person.languages.first { CountryNames.badgeLanguages.contains($0.code) }?.code ?? eventLanguage
            let entry = BadgeEntry(
                person: person.id, displayName: person.name, givenName: given, familyName: family,
                organisation: person.organisation, city: person.city,
                country: person.country.map { countries.name(of: $0, in: language) },
                countryCode: person.country, role: BadgeRole(roles: person.roles), languages: person.languages,
                badgeID: key.badgeID(for: person.id))
            keyed.append((NameParts.sortKey(family), NameParts.sortKey(given), entry))
        }
        keyed.sort { a, b in
            if a.family != b.family { return a.family < b.family }
            if a.given != b.given { return a.given < b.given }
            return a.entry.person < b.entry.person
        }
        entries = keyed.map(\.entry)
    }

    /// The badges whose role is in `roles` (all when nil) and whose id is not in `printed` (all when nil),
    /// in the same order.
    public func filtered(roles: Set<BadgeRole>? = nil, notIn printed: PrintedBadges? = nil) -> BadgeList {
        BadgeList(
            entries: entries.filter { entry in
                (roles?.contains(entry.role) ?? true) && !(printed?.contains(entry.badgeID) ?? false)
            })
    }
}
