/// How a piece of text is set: size, weight, line limit and what happens when it does not fit.
///
/// Sizes are in millimetres of em (the font size): 3.53 mm is 10 pt. Line height comes from the font.
public struct TextStyle: Sendable, Hashable {
    /// Font size (em) in millimetres.
    public var size: Double
    /// Font weight.
    public var weight: FontWeight
    /// Most lines the text may take. With `ellipsizes` off and one line, the text does not wrap at all,
    /// so a measurement reports its natural width.
    public var maxLines: Int
    /// Whether text beyond `maxLines` lines in the box width is cut and ends with "…".
    public var ellipsizes: Bool
    /// Placement of lines in their box.
    public var alignment: TextAlignment
    /// Distance between baselines as a multiple of `size`, or `nil` for the font's own line height.
    /// A fixed value keeps wrapped lines evenly spaced when a fallback font (Arabic, say) has much taller
    /// metrics than Noto Sans.
    public var lineHeight: Double?

    /// A style; `maxLines` below 1 counts as 1.
    public init(
        size: Double,
        weight: FontWeight = .regular,
        maxLines: Int = 1,
        ellipsizes: Bool = false,
        alignment: TextAlignment = .natural,
        lineHeight: Double? = nil
    ) {
        self.size = size
        self.weight = weight
        self.maxLines = max(1, maxLines)
        self.ellipsizes = ellipsizes
        self.alignment = alignment
        self.lineHeight = lineHeight
    }

    /// The part of `text` that a paragraph `width` millimetres wide in this style could ever show: the whole
    /// text, or, when it has more characters than `maxLines` lines could hold even of the narrowest glyphs, its
    /// first part followed by "…". Costs O(what fits), whatever the text's length, so a hostile 50 MB name is
    /// as cheap to set as a long one. Styles of unbounded lines count as 1,000 lines.
    public func visiblePart(of text: String, width: Double) -> String {
        let limit = TextFitting.visibleLimit(lines: min(maxLines, 1000), width: width, size: size)
        guard let shown = TextFitting.prefix(of: text, characters: limit) else { return text }
        return shown + "…"
    }

    /// Millimetres of em for a size in typographic points (1/72 inch).
    public static func millimetres(points: Double) -> Double { points * 25.4 / 72 }
}
