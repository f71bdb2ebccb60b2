import Foundation

/// Turns DATE-TIME properties of a parsed calendar into instants, using the calendar's own VTIMEZONEs.
public struct DateTimeResolver: Sendable {
    /// The rules of every VTIMEZONE in the calendar, by TZID.
    public let timeZones: [String: VTimeZoneRules]

    /// Reads every VTIMEZONE directly inside `calendar`.
    public init(calendar: Component) throws(ICalendarReadError) {
        var zones: [String: VTimeZoneRules] = [:]
        for component in calendar.components(named: "VTIMEZONE") {
            let rules = try VTimeZoneRules(component)
            zones[rules.tzid] = rules
        }
        self.timeZones = zones
    }

    /// The instant of a DATE-TIME property: UTC (`Z`) as written, TZID through that VTIMEZONE.
    /// DATE values and floating times are not instants and throw.
    public func instant(of property: Property) throws(ICalendarReadError) -> Date {
        let value = property.value
        if property.parameter("VALUE")?.uppercased() == "DATE" {
            throw .notAnInstant(property: property.name, value: value)
        }
        if value.hasSuffix("Z") {
            guard let local = LocalDateTime(iCalendarText: String(value.dropLast())) else {
                throw .invalidValue(property: property.name, value: value)
            }
            return local.instant(offsetSeconds: 0)
        }
        guard let local = LocalDateTime(iCalendarText: value) else {
            throw .invalidValue(property: property.name, value: value)
        }
        guard let tzid = property.parameter("TZID") else {
            throw .notAnInstant(property: property.name, value: value)
        }
        guard let rules = timeZones[tzid] else { throw .unknownTimeZone(tzid: tzid) }
        guard let instant = rules.instant(for: local) else {
            throw .notCovered(tzid: tzid, local: value)
        }
        return instant
    }
}
