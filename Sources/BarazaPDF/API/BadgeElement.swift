/// The text elements of a badge.
public enum BadgeElement: Sendable, Hashable, CaseIterable {
    /// The event title, small, at the top.
    case eventTitle
    /// The person's name, as large as fits.
    case displayName
    /// The organisation, under the name.
    case organisation
    /// City and country, under the organisation.
    case place
    /// The bilingual role, in the coloured band.
    case role
}
