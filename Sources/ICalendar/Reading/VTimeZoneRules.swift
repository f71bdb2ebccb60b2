import Foundation

/// The offsets a VTIMEZONE component defines, evaluated from its own observances (never from Foundation),
/// so a test can check that a written VTIMEZONE says what the tz database says.
///
/// Observances may use DTSTART and RDATE; RRULE is not evaluated (``VTimeZone`` never writes one).
public struct VTimeZoneRules: Sendable {
    /// The TZID of the VTIMEZONE.
    public let tzid: String
    /// Onsets in UTC with the offset in force from each, sorted.
    private let onsets: [(instant: Int, from: Int, to: Int)]

    /// Reads the observances of a VTIMEZONE component.
    public init(_ component: Component) throws(ICalendarReadError) {
        guard let tzid = component.property("TZID")?.value else {
            throw .invalidValue(property: "TZID", value: "")
        }
        self.tzid = tzid
        var onsets: [(Int, Int, Int)] = []
        for observance in component.components where observance.name == "STANDARD" || observance.name == "DAYLIGHT" {
            if observance.property("RRULE") != nil { throw .unsupported(tzid: tzid, feature: "RRULE") }
            let from = try Self.offset(observance, "TZOFFSETFROM")
            let to = try Self.offset(observance, "TZOFFSETTO")
            let starts = observance.properties(named: "DTSTART") + observance.properties(named: "RDATE")
            for property in starts {
                for text in property.value.split(separator: ",") {
                    guard let local = LocalDateTime(iCalendarText: String(text)) else {
                        throw .invalidValue(property: property.name, value: String(text))
                    }
                    onsets.append((local.secondsSinceEpoch - from, from, to))
                }
            }
        }
        self.onsets = onsets.sorted { $0.0 < $1.0 }
    }

    /// The UTC offset in force at `instant`, or `nil` before the first observance.
    public func offset(at instant: Date) -> Int? {
        let second = wholeSecond(instant)
        return onsets.last { $0.instant <= second }?.to
    }

    /// The instant a wall-clock time denotes, per RFC 5545: in a repeated hour the first occurrence, in a
    /// skipped hour the offset before the change; `nil` before the first observance.
    public func instant(for local: LocalDateTime) -> Date? {
        let wall = local.secondsSinceEpoch
        var earliest: Int?
        for (index, onset) in onsets.enumerated() {
            let candidate = wall - onset.to
            let next = index + 1 < onsets.count ? onsets[index + 1].instant : Int.max
            if candidate >= onset.instant, candidate < next, candidate < (earliest ?? Int.max) {
                earliest = candidate
            }
        }
        // No match: the time was skipped by a forward change; read it with the offset before that change.
        if earliest == nil,
            let gap = onsets.first(where: { wall - $0.from >= $0.instant && $0.instant > wall - $0.to })
        {
            earliest = wall - gap.from
        }
        return earliest.map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }

    private static func offset(_ observance: Component, _ name: String) throws(ICalendarReadError) -> Int {
        let text = observance.property(name)?.value ?? ""
        guard let seconds = UTCOffset.seconds(text: text) else { throw .invalidValue(property: name, value: text) }
        return seconds
    }
}
