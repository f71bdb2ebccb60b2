/// A half-open span of time `[start, end)`: back-to-back sessions do not overlap.
public struct Interval: Hashable, Sendable {
    public var start: Instant
    public var end: Instant

    /// Creates an interval; `end` must not be before `start`.
    public init(start: Instant, end: Instant) {
        precondition(end >= start, "an interval cannot end before it starts")
        self.start = start
        self.end = end
    }

    /// Length in whole minutes.
    public var minutes: Int { start.minutes(until: end) }

    /// Whether the two half-open intervals share at least one second.
    public func overlaps(_ other: Interval) -> Bool { start < other.end && other.start < end }

    /// Minutes during which both intervals run (0 when they do not overlap).
    public func overlapMinutes(with other: Interval) -> Int {
        let s = max(start, other.start)
        let e = min(end, other.end)
        return s < e ? s.minutes(until: e) : 0
    }

    /// Whether `other` lies entirely within this interval.
    public func contains(_ other: Interval) -> Bool { start <= other.start && other.end <= end }

    /// Whether the instant lies within `[start, end)`.
    public func contains(_ instant: Instant) -> Bool { start <= instant && instant < end }
}
