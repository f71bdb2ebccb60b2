/// One kind of local time a zone keeps: its UTC offset, whether it counts as daylight-saving time, and its
/// abbreviation (`CEST`, `+01`).
public struct LocalTimeType: Hashable, Sendable, CustomStringConvertible {
    /// Seconds east of UTC (Paris in summer: 7200).
    public let utcOffset: Int
    /// Whether the tz database marks this type as daylight-saving time (Europe/Dublin marks winter).
    public let isDaylightSavingTime: Bool
    /// The abbreviation shown with times of this type; numeric ones look like `+01` or `-0330`.
    public let abbreviation: String

    /// Creates a local time type.
    public init(utcOffset: Int, isDaylightSavingTime: Bool, abbreviation: String) {
        self.utcOffset = utcOffset
        self.isDaylightSavingTime = isDaylightSavingTime
        self.abbreviation = abbreviation
    }

    /// `CEST+7200dst`, for test messages and debugging.
    public var description: String {
        "\(abbreviation)\(utcOffset < 0 ? "" : "+")\(utcOffset)\(isDaylightSavingTime ? "dst" : "")"
    }
}
