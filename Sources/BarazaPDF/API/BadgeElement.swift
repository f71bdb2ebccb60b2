/// The text elements of a badge.
public enum BadgeElement: Sendable, Hashable, CaseIterable {
    /// The event title, small, at the top (both languages on one line when they fit).
    case eventTitle
    /// The event title in its second language, on a line of its own under the first when the two do not fit
    /// one line.
    case secondaryTitle
    /// The person's name, as large as fits.
    case displayName
    /// The organisation, under the name.
    case organisation
    /// City and country, under the organisation.
    case place
    /// The bilingual role, in the coloured band.
    case role
}
