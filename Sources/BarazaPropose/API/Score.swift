/// How good a placement is, compared tier by tier: hard violations first, then (with `--keep-placed`) sessions
/// moved from where they were, then the weighted soft penalty.
public struct Score: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Hard rule violations, each in its rule's unit (mostly minutes): 0 when every error rule holds.
    public var hard: Int64
    /// Sessions placed elsewhere than before (only counted with `--keep-placed`).
    public var moved: Int64
    /// The sum of each soft constraint's penalty times its weight.
    public var soft: Int64

    public init(hard: Int64 = 0, moved: Int64 = 0, soft: Int64 = 0) {
        self.hard = hard
        self.moved = moved
        self.soft = soft
    }

    public static let zero = Score()

    public static func < (a: Score, b: Score) -> Bool { (a.hard, a.moved, a.soft) < (b.hard, b.moved, b.soft) }
    public static func + (a: Score, b: Score) -> Score {
        Score(hard: a.hard + b.hard, moved: a.moved + b.moved, soft: a.soft + b.soft)
    }
    public static func - (a: Score, b: Score) -> Score {
        Score(hard: a.hard - b.hard, moved: a.moved - b.moved, soft: a.soft - b.soft)
    }
    public static func += (a: inout Score, b: Score) { a = a + b }
    public static func -= (a: inout Score, b: Score) { a = a - b }

    /// `0 hard, 12 soft` (and `3 moved` when some moved).
    public var description: String {
        "\(hard) hard, " + (moved > 0 ? "\(moved) moved, " : "") + "\(soft) soft"
    }
}
