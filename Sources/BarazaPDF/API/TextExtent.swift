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

    /// An extent from its parts.
    public init(width: Double, height: Double, lineCount: Int, isEllipsized: Bool = false) {
        self.width = width
        self.height = height
        self.lineCount = lineCount
        self.isEllipsized = isEllipsized
    }
}
