import BarazaModel
import Foundation
import ICalendar

/// Turns the workspace's sessions, journeys, stays and extra items into VEVENTs, and writes whole calendars.
///
/// A class so the per-session text and the VTIMEZONEs are built once and reused by every calendar: the
/// export of 100,000 personal calendars costs one pass over each person's own entries.
final class CalendarBuilder {
    let workspace: Workspace
    let stamp: Instant
    let sequences: [Session.ID: Int]
    let text: EventText
    let systemZones: SystemZoneRules
    private var sessionCache: [Session.ID: [CalendarLanguage: CalendarEntry]] = [:]
    private var zoneCache: [ZoneSpan: String] = [:]

    static let productID = "-//Baraza//Baraza calendar export//EN"

    init(workspace: Workspace, stamp: Instant, sequences: [Session.ID: Int], systemZones: SystemZoneRules) {
        self.systemZones = systemZones
        self.workspace = workspace
        self.stamp = stamp
        self.sequences = sequences
        self.text = EventText(workspace: workspace)
    }

    var stampDate: Date { Date(timeIntervalSince1970: TimeInterval(stamp.secondsSince1970)) }

    // MARK: Sessions

    /// The VEVENT of a session, without the iTIP properties; nil when its times do not resolve.
    func sessionComponent(_ session: Session, language: CalendarLanguage, sequence: Int?) -> (
        Component, [Zone], Interval
    )? {
        guard var interval = session.interval else { return nil }
        let uid = EventText.uid(session: session.id, event: workspace.event.id)
        var utc = false
        if let moved = systemZones.correction(
            start: session.start.local, end: session.end.local, zone: session.zone, interval: interval, uid: uid)
        {
            interval = moved
            utc = true
        }
        let summary = language.pick(session.title)
        var properties: [Property] = [
            .uid(uid), .dtstamp(stampDate),
        ]
        if let sequence { properties.append(.sequence(sequence)) }
        let times = EventTimes.startAndEnd(interval, in: session.zone, utc: utc)
        properties += times.properties
        properties.append(.summary(summary, language: language.tag))
        if let location = text.location(of: session, in: language) { properties.append(.location(location)) }
        properties.append(.description(text.description(of: session, in: language), language: language.tag))
        if !session.tags.isEmpty { properties.append(.textList("CATEGORIES", session.tags)) }
        if let url = text.url(of: session) { properties.append(.url(url)) }
        let alarm = Component.displayAlarm(trigger: ICalDuration(minutes: 15, negative: true), description: summary)
        return (Component("VEVENT", properties: properties, components: [alarm]), times.zones, interval)
    }

    /// The session as a calendar entry, built once per language.
    func sessionEntry(_ session: Session, language: CalendarLanguage) -> CalendarEntry? {
        if let cached = sessionCache[session.id]?[language] { return cached }
        guard
            let (component, zones, interval) = sessionComponent(
                session, language: language, sequence: sequences[session.id])
        else { return nil }
        let entry = CalendarEntry(
            text: ICalendarWriter.string(component), uid: EventText.uid(session: session.id, event: workspace.event.id),
            interval: interval, zones: zones)
        sessionCache[session.id, default: [:]][language] = entry
        return entry
    }

    // MARK: A person's logistics

    /// Arrival, departure, hotel check-in and check-out, and the extra items given for the person.
    func logisticsEntries(for person: Person, language: CalendarLanguage, extras: [PersonalItem]) -> [CalendarEntry] {
        var entries: [CalendarEntry] = []
        for (index, journey) in person.journeys.enumerated() {
            guard let instant = journey.instant else { continue }
            let service = [journey.carrier, journey.number].compactMap { $0 }.joined(separator: " ")
            let suffix = service.isEmpty ? "" : " (\(service))"
            let title: String
            switch journey.direction {
            case .arrival:
                title = language.pick(
                    en: "Arrival" + (journey.place.map { " at \($0)" } ?? "") + suffix,
                    fr: "Arrivée" + (journey.place.map { " à \($0)" } ?? "") + suffix)
            case .departure:
                title = language.pick(
                    en: "Departure" + (journey.place.map { " from \($0)" } ?? "") + suffix,
                    fr: "Départ" + (journey.place.map { " de \($0)" } ?? "") + suffix)
            }
            let uid = EventText.uid(
                item: "\(journey.direction.rawValue)-\(index + 1)", person: person.id,
                event: workspace.event.id)
            entries.append(
                entry(
                    uid: uid, local: journey.time.local, instant: instant, zone: journey.time.zone, summary: title,
                    location: journey.place, description: title, language: language))
        }
        for (index, stay) in person.stays.enumerated() {
            guard let hotel = workspace.hotelsByID[stay.hotel.id] else { continue }
            let place = [hotel.name, hotel.address].compactMap { $0 }.joined(separator: ", ")
            let moments: [(String, LocalDate, LocalTime, String, String)] = [
                ("check-in", stay.checkIn, hotel.checkInTime, "Hotel check-in: ", "Arrivée à l'hôtel : "),
                ("check-out", stay.checkOut, hotel.checkOutTime, "Hotel check-out: ", "Départ de l'hôtel : "),
            ]
            for (kind, day, time, en, fr) in moments {
                var instant: Instant
                switch hotel.zone.resolve(BarazaModel.LocalDateTime(date: day, time: time)) {
                case .unique(let i), .ambiguous(let i, _): instant = i
                case .nonexistent: continue
                }
                // A person reaches the hotel after landing (and after the pick-up, when one is planned), and
                // leaves it when the departure transfer does: the hotel's hours alone would show a check-in
                // before the plane lands.
                if kind == "check-in", let arrives = Self.reachesHotel(person, extras: extras, after: instant) {
                    instant = max(instant, arrives)
                } else if kind == "check-out", let leaves = Self.leavesHotel(person, extras: extras, before: instant) {
                    instant = min(instant, leaves)
                }
                let title = language.pick(en: en + hotel.name, fr: fr + hotel.name)
                let uid = EventText.uid(item: "\(kind)-\(index + 1)", person: person.id, event: workspace.event.id)
                entries.append(
                    entry(
                        uid: uid, local: hotel.zone.localDateTime(at: instant), instant: instant,
                        zone: hotel.zone, summary: title, location: place, description: title, language: language))
            }
        }
        for item in extras {
            let summary = language.pick(item.title)
            let uid = EventText.uid(item: "item-\(item.id)", person: person.id, event: workspace.event.id)
            entries.append(
                entry(
                    uid: uid, interval: item.interval, zone: item.zone,
                    utc: systemZones.needsUTC(item.interval, zone: item.zone, uid: uid), summary: summary,
                    location: item.place, description: item.details.map(language.pick) ?? summary, language: language))
        }
        return entries
    }

    /// When the person reaches their hotel on the day of `checkIn`: the end of the first extra item (a pick-up)
    /// starting at or after their arrival, else the arrival itself; nil when they arrive on another day.
    static func reachesHotel(_ person: Person, extras: [PersonalItem], after checkIn: Instant) -> Instant? {
        guard let landed = person.arrival?.instant, landed > checkIn,
            landed.secondsSince1970 - checkIn.secondsSince1970 < 86_400
        else { return nil }
        let pickUp = extras.filter { $0.interval.start >= landed }.min { $0.interval.start < $1.interval.start }
        if let pickUp, pickUp.interval.start.secondsSince1970 - landed.secondsSince1970 < 6 * 3600 {
            return pickUp.interval.end
        }
        return landed
    }

    /// When the person leaves their hotel on the day of `checkOut`: the start of the last extra item (the
    /// departure transfer) ending at or before their departure, when that is before the hotel's check-out hour.
    static func leavesHotel(_ person: Person, extras: [PersonalItem], before checkOut: Instant) -> Instant? {
        guard let departs = person.departure?.instant, departs > checkOut.adding(minutes: -24 * 60) else { return nil }
        let transfer = extras.filter { $0.interval.end <= departs }.max { $0.interval.start < $1.interval.start }
        guard let transfer, transfer.interval.start < checkOut,
            departs.secondsSince1970 - transfer.interval.start.secondsSince1970 < 12 * 3600
        else { return nil }
        return transfer.interval.start
    }

    /// A 30-minute item at a wall time (arrival, check-in), resolved by the system tz database where it differs.
    private func entry(
        uid: String, local: BarazaModel.LocalDateTime, instant: Instant, zone: Zone, summary: String,
        location: String?, description: String, language: CalendarLanguage
    ) -> CalendarEntry {
        let point = Interval(start: instant, end: instant)
        let moved = systemZones.correction(start: local, end: local, zone: zone, interval: point, uid: uid)
        let start = moved?.start ?? instant
        return entry(
            uid: uid, interval: Interval(start: start, end: start.adding(minutes: 30)), zone: zone, utc: moved != nil,
            summary: summary, location: location, description: description, language: language)
    }

    private func entry(
        uid: String, interval: Interval, zone: Zone, utc: Bool, summary: String, location: String?,
        description: String, language: CalendarLanguage
    ) -> CalendarEntry {
        let times = EventTimes.startAndEnd(interval, in: zone, utc: utc)
        var properties: [Property] = [.uid(uid), .dtstamp(stampDate)]
        properties += times.properties
        properties.append(.summary(summary, language: language.tag))
        if let location, !location.isEmpty { properties.append(.location(location)) }
        properties.append(.description(description, language: language.tag))
        properties.append(Property(name: "TRANSP", rawValue: "TRANSPARENT"))
        let alarm = Component.displayAlarm(trigger: ICalDuration(hours: 1, negative: true), description: summary)
        let component = Component("VEVENT", properties: properties, components: [alarm])
        return CalendarEntry(text: ICalendarWriter.string(component), uid: uid, interval: interval, zones: times.zones)
    }

    // MARK: Time zones

    struct ZoneSpan: Hashable {
        var zone: String
        var firstDay: Int64
        var lastDay: Int64
    }

    /// One VTIMEZONE per zone the entries name, covering the whole UTC days their times fall on.
    func timeZoneTexts(for entries: [CalendarEntry]) -> [String] {
        var spans: [Zone: (Instant, Instant)] = [:]
        for entry in entries {
            for zone in entry.zones {
                let current = spans[zone] ?? (entry.interval.start, entry.interval.end)
                spans[zone] = (min(current.0, entry.interval.start), max(current.1, entry.interval.end))
            }
        }
        return spans.keys.sorted { $0.identifier < $1.identifier }.map { zone in
            let (from, to) = spans[zone]!
            let key = ZoneSpan(
                zone: zone.identifier, firstDay: Self.floorDay(from.secondsSince1970),
                lastDay: Self.floorDay(to.secondsSince1970) + 1)
            if let cached = zoneCache[key] { return cached }
            let component = VTimeZone.component(
                for: ZoneRules(zone: zone), from: Date(timeIntervalSince1970: TimeInterval(key.firstDay * 86_400)),
                to: Date(timeIntervalSince1970: TimeInterval(key.lastDay * 86_400)))
            let text = ICalendarWriter.string(component)
            zoneCache[key] = text
            return text
        }
    }

    private static func floorDay(_ seconds: Int64) -> Int64 {
        seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    }

    // MARK: Whole calendars

    /// Writes a VCALENDAR (no METHOD: a plain calendar, not an iTIP message) named `name` holding `entries` in start order.
    func writeCalendar(named name: String, entries: [CalendarEntry], to output: inout some TextOutputStream) {
        let sorted = entries.sorted(by: CalendarEntry.inOrder)
        Self.writeCalendar(named: name, sorted: sorted, zoneTexts: timeZoneTexts(for: sorted), to: &output)
    }

    /// Writes a calendar of entries already in order, with the VTIMEZONEs they need.
    static func writeCalendar(
        named name: String, sorted: [CalendarEntry], zoneTexts: [String], to output: inout some TextOutputStream
    ) {
        output.write("BEGIN:VCALENDAR\r\n")
        for property in Component.calendar(productID: productID).properties {
            ICalendarWriter.write(property, to: &output)
        }
        ICalendarWriter.write(.text("X-WR-CALNAME", name), to: &output)
        for zone in zoneTexts { output.write(zone) }
        for entry in sorted { output.write(entry.text) }
        output.write("END:VCALENDAR\r\n")
    }
}
