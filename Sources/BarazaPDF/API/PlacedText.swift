/// One text element of a badge with its final box and style, in card coordinates (millimetres).
public struct PlacedText: Sendable, Hashable {
    /// Which element this is.
    public var element: BadgeElement
    /// The text as it will be set, before any ellipsis Pango applies: the card's text, or, for a text longer than
    /// the box could ever show, its first part followed by "…", so that drawing costs no more than a long name.
    public var text: String
    /// The box the text is drawn in: its width is the wrapping width, its height the text's measured height.
    public var box: Rect
    /// The final style, after shrinking, wrapping or ellipsizing.
    public var style: TextStyle
    /// The text's colour.
    public var colour: RGBColour

    /// A placed text from its parts.
    public init(element: BadgeElement, text: String, box: Rect, style: TextStyle, colour: RGBColour) {
        self.element = element
        self.text = text
        self.box = box
        self.style = style
        self.colour = colour
    }
}
