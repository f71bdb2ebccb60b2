/// A block of text on a document page: its top-left corner and width in millimetres; it grows downwards.
public struct Paragraph: Sendable, Hashable {
    /// What to print.
    public var content: Markup
    /// Left edge of the box, from the page's left edge.
    public var x: Double
    /// Top of the first line, from the page's top edge.
    public var y: Double
    /// Wrapping width.
    public var width: Double
    /// Size, weight, alignment; `maxLines` and `ellipsizes` limit the paragraph as on badges.
    public var style: TextStyle
    /// Colour of text not coloured by its markup.
    public var colour: RGBColour

    /// A paragraph. Styles default to unlimited wrapping (`maxLines: .max`).
    public init(
        _ content: Markup, x: Double, y: Double, width: Double,
        style: TextStyle = TextStyle(size: TextStyle.millimetres(points: 11), maxLines: .max),
        colour: RGBColour = .black
    ) {
        self.content = content
        self.x = x
        self.y = y
        self.width = width
        self.style = style
        self.colour = colour
    }
}
