/// A width and height in millimetres.
public struct Size: Sendable, Hashable {
    /// Horizontal extent.
    public var width: Double
    /// Vertical extent.
    public var height: Double

    /// A size from its two extents.
    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// ISO 216 A4 portrait, 210 × 297 mm.
    public static let a4 = Size(width: 210, height: 297)
    /// ISO 216 A6 landscape, 148 × 105 mm.
    public static let a6Landscape = Size(width: 148, height: 105)
}
