import BarazaModel

/// The badges of an event, one per person, sorted by family name.
///
/// Sorting folds case and accents ("Éric" with "Eric", "Ökan" before "Oz"), ignores punctuation, and breaks
/// ties by person id, so the order is the same on every machine and every run.
public struct BadgeList: Sendable, Hashable {
    /// The badges in print order.
    public var entries: [BadgeEntry]
    /// People left out because they attend only online sessions (see `init(workspace:key:)`), by id.
    public var onlineOnly: [Person.ID]

    /// A list holding `entries` in the given order.
    public init(entries: [BadgeEntry], onlineOnly: [Person.ID] = []) {
        self.entries = entries
        self.onlineOnly = onlineOnly
    }

    /// One badge for every person in `workspace` who comes in person, with ids from `key` and roles by the
    /// workspace's `badges:` settings.
    ///
    /// Someone who attends only online sessions (every session they speak at, moderate or signed up for is
    /// online, and they have no journey, hotel stay or local address) gets no printed badge unless
    /// `badges.online_only` is on; they are listed in `onlineOnly`. Someone with no session at all keeps their
    /// badge: a registration says they are coming.
    ///
    /// Country names are given in the person's first language among English, French, Portuguese and Spanish
    /// (so a Maputo badge says "Moçambique"), else in the event's first such language, else in English.
    public init(workspace: Workspace, key: BadgeKey) {
        let eventLanguage =
            workspace.event.languages.first { CountryDisplayNames.badgeLanguages.contains($0.code) }?.code ?? "en"
        var countries = CountryDisplayNames()
        var keyed: [(family: String, given: String, entry: BadgeEntry)] = []
        keyed.reserveCapacity(workspace.people.count)
        var onlineOnly: [Person.ID] = []
        for person in workspace.people {
            if !workspace.badgeSettings.printsOnlineOnly && Self.attendsOnlyOnline(person, in: workspace) {
                onlineOnly.append(person.id)
                continue
            }
            let derived = NameParts.split(person.name)
            let given = person.givenName ?? (person.familyName == nil ? derived.given : "")
            let family = person.familyName ?? derived.family
            let language =
                person.languages.first { CountryDisplayNames.badgeLanguages.contains($0.code) }?.code ?? eventLanguage
            let entry = BadgeEntry(
                person: person.id, displayName: person.name, givenName: given, familyName: family,
                organisation: person.organisation, city: person.city,
                country: person.country.map { countries.name(of: $0, in: language) },
                countryCode: person.country,
                roles: BadgeRole.printed(for: person.roles, settings: workspace.badgeSettings),
                languages: person.languages,
                badgeID: key.badgeID(for: person.id))
            keyed.append((NameParts.sortKey(family), NameParts.sortKey(given), entry))
        }
        keyed.sort { a, b in
            if a.family != b.family { return a.family < b.family }
            if a.given != b.given { return a.given < b.given }
            return a.entry.person < b.entry.person
        }
        entries = keyed.map(\.entry)
        self.onlineOnly = onlineOnly.sorted()
    }

    /// Whether `person` takes part only from afar: at least one session, every one of them online, and nothing
    /// that brings them to the host city (a journey, a hotel stay, a local address).
    static func attendsOnlyOnline(_ person: Person, in workspace: Workspace) -> Bool {
        guard person.journeys.isEmpty, person.stays.isEmpty, person.localAddress == nil,
            case let indices = workspace.sessionIndices(attendedBy: person.id), !indices.isEmpty
        else { return false }
        return indices.allSatisfy { index in
            let session = workspace.sessions[index]
            return session.kind == .online || workspace.venue(of: session)?.isOnline == true
        }
    }

    /// The badges printing a role in `roles` (all when nil) and whose id is not in `printed` (all when nil),
    /// in the same order.
    public func filtered(roles: Set<BadgeRole>? = nil, notIn printed: PrintedBadges? = nil) -> BadgeList {
        BadgeList(
            entries: entries.filter { entry in
                (roles.map { !$0.isDisjoint(with: entry.roles) } ?? true)
                    && !(printed?.contains(entry.badgeID) ?? false)
            }, onlineOnly: onlineOnly)
    }
}
