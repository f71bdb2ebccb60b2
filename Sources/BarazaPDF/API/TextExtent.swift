/// The measured size of a piece of text set in a given style and box width, in millimetres.
public struct TextExtent: Sendable, Hashable {
    /// Width of the widest line (logical extent, including side bearings the font reserves).
    public var width: Double
    /// Height of all lines together (logical extent: ascent to descent, with line gaps).
    public var height: Double
    /// Number of lines after wrapping.
    public var lineCount: Int
    /// Whether some text was cut and replaced by "…".
    public var isEllipsized: Bool
    /// Whether the paragraph runs right to left (its first strong character is Arabic or Hebrew, say), so
    /// natural alignment puts it against the right edge of its box.
    public var isRightToLeft: Bool

    /// An extent from its parts.
    public init(
        width: Double, height: Double, lineCount: Int, isEllipsized: Bool = false, isRightToLeft: Bool = false
    ) {
        self.width = width
        self.height = height
        self.lineCount = lineCount
        self.isEllipsized = isEllipsized
        self.isRightToLeft = isRightToLeft
    }
}
