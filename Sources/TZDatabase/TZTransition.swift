/// A moment at which a zone's local time type changes (offset, daylight-saving flag or abbreviation).
public struct TZTransition: Hashable, Sendable {
    /// Seconds since 1970-01-01T00:00:00Z (POSIX time, no leap seconds) of the change.
    public let time: Int64
    /// The type in force up to one second before `time`.
    public let before: LocalTimeType
    /// The type in force from `time` on.
    public let after: LocalTimeType

    /// Creates a transition.
    public init(time: Int64, before: LocalTimeType, after: LocalTimeType) {
        self.time = time
        self.before = before
        self.after = after
    }
}
