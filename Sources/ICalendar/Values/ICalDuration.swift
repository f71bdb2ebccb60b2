/// A DURATION value (`PT1H30M`, `P1D`, `-PT15M`, `P2W`).
///
/// Days and weeks are nominal (a day crosses a clock change as a calendar day), hours, minutes and seconds
/// are exact, as RFC 5545 3.3.6 defines them; so `ICalDuration(days: 1)` and `ICalDuration(hours: 24)` are
/// different values. The time part is normalised (`minutes: 90` is written `PT1H30M`).
public struct ICalDuration: Sendable, Hashable {
    /// `true` for a duration before the reference, as in an alarm trigger (`-PT15M`).
    public var isNegative: Bool
    /// Whole weeks; when non-zero the other fields are zero (RFC 5545 writes weeks alone).
    public private(set) var weeks: Int
    /// Nominal days.
    public private(set) var days: Int
    /// Hours of the exact part, 0 or more (not capped at 23: `PT25H` stays exact).
    public private(set) var hours: Int
    /// Minutes of the exact part, 0...59.
    public private(set) var minutes: Int
    /// Seconds of the exact part, 0...59.
    public private(set) var seconds: Int

    /// A duration of nominal days plus an exact time; the parts must not be negative (use `negative`).
    public init(days: Int = 0, hours: Int = 0, minutes: Int = 0, seconds: Int = 0, negative: Bool = false) {
        precondition(
            days >= 0 && hours >= 0 && minutes >= 0 && seconds >= 0,
            "duration parts are magnitudes; pass negative: true for a negative duration")
        let exact = hours * 3600 + minutes * 60 + seconds
        self.isNegative = negative && (days > 0 || exact > 0)
        self.weeks = 0
        self.days = days
        self.hours = exact / 3600
        self.minutes = exact % 3600 / 60
        self.seconds = exact % 60
    }

    /// An exact duration in seconds, written with hours, minutes and seconds only (never days).
    public init(exactSeconds: Int) {
        self.init(seconds: abs(exactSeconds), negative: exactSeconds < 0)
    }

    /// A duration of whole weeks (`P2W`).
    public static func weeks(_ count: Int, negative: Bool = false) -> ICalDuration {
        precondition(count >= 0, "pass negative: true for a negative duration")
        var duration = ICalDuration(negative: negative)
        duration.weeks = count
        duration.isNegative = negative && count > 0
        return duration
    }

    /// Parses the RFC 5545 form; `nil` if it does not follow the grammar.
    public init?(iCalendarText text: String) {
        var rest = Substring(text)
        var negative = false
        if let sign = rest.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            rest = rest.dropFirst()
        }
        guard rest.first == "P" else { return nil }
        rest = rest.dropFirst()
        // Read "<digits><unit>" pairs and check the units come in the grammar's order.
        var parts: [(Int, Character)] = []
        var inTime = false
        var sawTime = false
        while !rest.isEmpty {
            if rest.first == "T" {
                guard !inTime else { return nil }
                inTime = true
                sawTime = true
                rest = rest.dropFirst()
                continue
            }
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, let number = Int(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            guard let unit = rest.first else { return nil }
            rest = rest.dropFirst()
            let allowed: String = inTime ? "HMS" : "WD"
            guard allowed.contains(unit) else { return nil }
            parts.append((number, unit))
        }
        let units = String(parts.map(\.1))
        let grammar: Set<String> = [
            "W", "D", "DH", "DHM", "DHMS", "DM", "DMS", "DS",
            "H", "HM", "HMS", "M", "MS", "S",
        ]
        guard grammar.contains(units), sawTime == units.contains(where: { "HMS".contains($0) }) else { return nil }
        var value: [Character: Int] = [:]
        for (number, unit) in parts { value[unit] = number }
        if let weeks = value["W"] {
            self = .weeks(weeks, negative: negative)
        } else {
            self.init(
                days: value["D"] ?? 0, hours: value["H"] ?? 0, minutes: value["M"] ?? 0,
                seconds: value["S"] ?? 0, negative: negative)
        }
    }

    /// The RFC 5545 form; a zero duration is `PT0S`.
    public var iCalendarText: String {
        var text = isNegative ? "-P" : "P"
        if weeks > 0 { return text + "\(weeks)W" }
        if days > 0 { text += "\(days)D" }
        let hasTime = hours > 0 || minutes > 0 || seconds > 0
        if hasTime || days == 0 {
            text += "T"
            // The grammar allows H[M[S]], M[S] or S, so a gap inside the chain is written as 0.
            if hours > 0 { text += "\(hours)H" }
            if minutes > 0 || (hours > 0 && seconds > 0) { text += "\(minutes)M" }
            if seconds > 0 || !hasTime { text += "\(seconds)S" }
        }
        return text
    }
}
