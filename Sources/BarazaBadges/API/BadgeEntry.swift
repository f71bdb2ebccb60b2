import BarazaModel
import BarazaPDF

/// One person's badge, worded: a row of the badge list and, with the event title, one printed card.
public struct BadgeEntry: Sendable, Hashable {
    /// Whose badge this is (kept in the workspace's printed-set record, never printed).
    public var person: Person.ID
    /// The name as the person writes it, in any script: the large line on the badge.
    public var displayName: String
    /// Given name: the workspace's `given_name`, or what precedes the family name in `name`.
    public var givenName: String
    /// Family name: the workspace's `family_name`, or the last word of `name` with the particles before it
    /// ("da Silva", "Ould Ahmed", "El Amrani").
    public var familyName: String
    /// Organisation, as written.
    public var organisation: String?
    /// City, as written.
    public var city: String?
    /// Country name in the language the badge uses for this person (see `BadgeList`).
    public var country: String?
    /// ISO 3166-1 alpha-2 code, as written.
    public var countryCode: String?
    /// The roles printed in the band, by the workspace's precedence: one, or two with `badges.roles_shown: 2`.
    public var roles: [BadgeRole]
    /// Languages the person speaks, in the workspace's order.
    public var languages: [Language]
    /// The opaque id in the QR code.
    public var badgeID: BadgeID

    /// An entry from its parts.
    public init(
        person: Person.ID, displayName: String, givenName: String, familyName: String, organisation: String?,
        city: String?, country: String?, countryCode: String?, roles: [BadgeRole], languages: [Language],
        badgeID: BadgeID
    ) {
        self.person = person
        self.displayName = displayName
        self.givenName = givenName
        self.familyName = familyName
        self.organisation = organisation
        self.city = city
        self.country = country
        self.countryCode = countryCode
        self.roles = roles.isEmpty ? [.participant] : roles
        self.languages = languages
        self.badgeID = badgeID
    }

    /// The first printed role: the band's colour.
    public var role: BadgeRole { roles[0] }

    /// The band's words: the role in English and French, or both roles joined ("Speaker & Staff").
    public var roleLabel: RoleLabel {
        RoleLabel(
            english: roles.map(\.label.english).joined(separator: " & "),
            french: roles.map(\.label.french).joined(separator: " & "))
    }

    /// "City, Country", either alone, or nil when neither is known.
    public var place: String? {
        let parts = [city, country].compactMap { $0 }.filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// The printed card for this badge at an event titled `eventTitle` (and `secondaryTitle` in its second
    /// language).
    public func card(eventTitle: String, secondaryTitle: String? = nil) -> BadgeCard {
        BadgeCard(
            displayName: displayName, organisation: organisation, place: place, roleLabel: roleLabel,
            roleColour: role.colour, secondRoleColour: roles.count > 1 ? roles[1].colour : nil,
            eventTitle: eventTitle, secondaryTitle: secondaryTitle, qrPayload: badgeID.qrPayload)
    }
}
