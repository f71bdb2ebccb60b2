/// An axis-aligned rectangle in millimetres, with the origin at the top-left and y growing downwards.
public struct Rect: Sendable, Hashable, CustomStringConvertible {
    /// Left edge.
    public var x: Double
    /// Top edge.
    public var y: Double
    /// Width; never negative for rectangles this module produces.
    public var width: Double
    /// Height; never negative for rectangles this module produces.
    public var height: Double

    /// A rectangle from its top-left corner and size.
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// Right edge.
    public var maxX: Double { x + width }
    /// Bottom edge.
    public var maxY: Double { y + height }

    /// Whether `other` lies entirely inside this rectangle, edges included.
    ///
    /// `tolerance` absorbs floating-point noise (a millionth of a millimetre by default).
    public func contains(_ other: Rect, tolerance: Double = 1e-6) -> Bool {
        other.x >= x - tolerance && other.y >= y - tolerance
            && other.maxX <= maxX + tolerance && other.maxY <= maxY + tolerance
    }

    /// Whether the two rectangles share interior area (touching edges do not count).
    public func overlaps(_ other: Rect) -> Bool {
        x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }

    /// This rectangle shrunk by `amount` on every side (grown when `amount` is negative).
    public func insetBy(_ amount: Double) -> Rect {
        Rect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
    }

    /// The rectangle in millimetres to two decimals, for test failures and logs.
    public var description: String {
        func mm(_ value: Double) -> String { String(Double((value * 100).rounded()) / 100) }
        return "(\(mm(x)), \(mm(y)), \(mm(width)) × \(mm(height)) mm)"
    }
}
