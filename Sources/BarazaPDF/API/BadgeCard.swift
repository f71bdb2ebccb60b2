/// What one printed badge shows, already worded: this module knows nothing about people or events.
public struct BadgeCard: Sendable, Hashable {
    /// The person's name as they write it, in any script.
    public var displayName: String
    /// Organisation, printed under the name when present.
    public var organisation: String?
    /// Where the person comes from ("Dakar, Senegal"), printed under the organisation when present.
    public var place: String?
    /// The role (or two roles), printed in the coloured band.
    public var roleLabel: RoleLabel
    /// Colour of the band; the role is printed in white or black, whichever reads better on it.
    public var roleColour: RGBColour
    /// Colour of a second printed role, shown as a stripe along the top of the band; nil for one role.
    public var secondRoleColour: RGBColour?
    /// The event's title, printed small at the top.
    public var eventTitle: String
    /// The title in the event's second language, printed after the first on the same line when both fit,
    /// else on a line of its own; nil for an event in one language.
    public var secondaryTitle: String?
    /// Text encoded in the QR code; meant to be an opaque participant id, not personal data.
    public var qrPayload: String

    /// A card from its parts.
    public init(
        displayName: String,
        organisation: String? = nil,
        place: String? = nil,
        roleLabel: RoleLabel,
        roleColour: RGBColour,
        secondRoleColour: RGBColour? = nil,
        eventTitle: String,
        secondaryTitle: String? = nil,
        qrPayload: String
    ) {
        self.displayName = displayName
        self.organisation = organisation
        self.place = place
        self.roleLabel = roleLabel
        self.roleColour = roleColour
        self.secondRoleColour = secondRoleColour
        self.eventTitle = eventTitle
        self.secondaryTitle = secondaryTitle
        self.qrPayload = qrPayload
    }
}
