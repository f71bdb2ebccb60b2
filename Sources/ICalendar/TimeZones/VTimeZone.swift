import Foundation

/// Builds VTIMEZONE components from the tz database that Foundation's `TimeZone` carries.
///
/// Each transition gets its own STANDARD or DAYLIGHT observance with an explicit DTSTART (no RRULE), so
/// the component says exactly what the tz database says for the interval, including Morocco's Ramadan
/// changes. An observance is DAYLIGHT when `TimeZone.isDaylightSavingTime(for:)` says so after the change.
public enum VTimeZone: Sendable {
    /// A VTIMEZONE for `zone` whose observances cover every instant from `from` to `to`.
    ///
    /// The first observance is the one in force at `from`, starting at the transition that began it. A zone
    /// with no transition in the interval gets one STANDARD (or DAYLIGHT, if the zone says so) observance
    /// starting 1970-01-01 with equal TZOFFSETFROM and TZOFFSETTO. TZNAME is the offset in the tz database's
    /// numeric style (`+01`, `-0330`), because Foundation's abbreviations depend on platform and locale.
    /// - Precondition: `from <= to`.
    public static func component(for zone: TimeZone, from: Date, to: Date) -> Component {
        component(for: FoundationTimeZoneRules(zone), from: from, to: to)
    }

    /// A VTIMEZONE for the zone `rules` describe, covering every instant from `from` to `to` (see above).
    public static func component(for zone: some TimeZoneRules, from: Date, to: Date) -> Component {
        precondition(from <= to, "the interval must not end before it starts")
        let search = TransitionSearch(rules: zone)
        let inside = search.transitions(after: from, through: to)
        var observances: [Component]
        if inside.isEmpty {
            observances = [unchanging(zone, at: from)]
        } else if let start = search.latestTransition(atOrBefore: from) {
            observances = [observance(start)]
        } else {
            observances = [unchanging(zone, at: from)]
        }
        observances += inside.map(observance)
        return Component(
            "VTIMEZONE", properties: [Property(name: "TZID", rawValue: zone.identifier)],
            components: observances)
    }

    /// The transitions of `zone` with `from < instant <= to`, in order.
    public static func transitions(in zone: TimeZone, from: Date, to: Date) -> [TimeZoneTransition] {
        TransitionSearch(zone: zone).transitions(after: from, through: to)
    }

    /// The transitions of the zone `rules` describe with `from < instant <= to`, in order.
    public static func transitions(in zone: some TimeZoneRules, from: Date, to: Date) -> [TimeZoneTransition] {
        TransitionSearch(rules: zone).transitions(after: from, through: to)
    }

    static func observance(_ transition: TimeZoneTransition) -> Component {
        Component(
            transition.isDaylightSavingTime ? "DAYLIGHT" : "STANDARD",
            properties: [
                Property(name: "DTSTART", rawValue: transition.localOnset.iCalendarText),
                .utcOffset("TZOFFSETFROM", seconds: transition.offsetBefore),
                .utcOffset("TZOFFSETTO", seconds: transition.offsetAfter),
                .text("TZNAME", UTCOffset.name(seconds: transition.offsetAfter)),
            ])
    }

    /// One observance with no change of offset, covering everything from 1970 (or from `instant`, if earlier).
    static func unchanging(_ zone: some TimeZoneRules, at instant: Date) -> Component {
        let offset = zone.offset(atSecond: wholeSecond(instant))
        let epoch = LocalDateTime(year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0)
        let local = LocalDateTime(instant, offsetSeconds: offset)
        let onset =
            local < epoch
            ? LocalDateTime(
                year: local.date.year, month: local.date.month,
                day: local.date.day, hour: 0, minute: 0) : epoch
        return observance(
            TimeZoneTransition(
                instant: onset.instant(offsetSeconds: offset), offsetBefore: offset,
                offsetAfter: offset,
                isDaylightSavingTime: zone.isDaylightSavingTime(atSecond: wholeSecond(instant))))
    }
}
