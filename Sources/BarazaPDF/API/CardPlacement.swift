/// Where one card sits on a page: top-left corner in page millimetres, and the factor it is drawn at.
public struct CardPlacement: Sendable, Hashable {
    /// Left edge on the page.
    public var x: Double
    /// Top edge on the page.
    public var y: Double
    /// 1 for actual size (90 × 55 mm).
    public var scale: Double

    /// A placement from its parts.
    public init(x: Double, y: Double, scale: Double) {
        self.x = x
        self.y = y
        self.scale = scale
    }

    /// The card's outline on the page.
    public var frame: Rect {
        let card = BadgeLayout.cardBounds
        return Rect(x: x, y: y, width: card.width * scale, height: card.height * scale)
    }
}
