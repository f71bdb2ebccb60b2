import BarazaModel
import BarazaXML
import Foundation

/// A frab / pretalx schedule (`schedule.xml` or `schedule.json`), read into plain values.
public struct Schedule: Sendable {
    /// One `<event>`.
    public struct Event: Sendable {
        /// `event@id` (or `@guid`).
        public var id: String
        /// The title, normalised.
        public var title: String
        /// The parent `room@name`.
        public var room: String
        /// The start instant.
        public var start: Instant
        /// The duration in minutes.
        public var minutes: Int
        /// The first language given, when it is a known code or name.
        public var language: Language?
        /// `event/type` (lecture, workshop...).
        public var type: String?
        /// `event/track`.
        public var track: String?
        /// Persons as (id or guid, name).
        public var persons: [(key: String, name: String)]
        /// The line of the `<event>` element (0 in a schedule.json).
        public var line: Int
        /// Where the event is, for warnings: `file:line` (XML) or `file: JSON path`.
        public var place: String
    }

    /// `conference/title`.
    public var title: String?
    /// `conference/acronym`.
    public var acronym: String?
    /// `conference/time_zone_name`, when given.
    public var zone: Zone?
    /// The first `day@date`.
    public var firstDay: LocalDate?
    /// The last `day@date`.
    public var lastDay: LocalDate?
    /// Room names in order of first appearance.
    public var rooms: [String] = []
    /// The events in file order.
    public var events: [Event] = []
    /// Events that could not be placed (no start, bad duration, a start the zone's clocks skip or show twice).
    public var skipped: [SkippedEvent] = []
    /// Texts longer than the workspace allows (``TextLimit``), cut to fit, as `place: what was cut`.
    public var cuts: [String] = []
    /// The UTC offsets (seconds) written in event dates, with how many events carry each.
    public var dateOffsets: [Int: Int] = [:]
    /// Events placed from a wall time (a day date + `start`, or a `date` without offset) rather than an offset.
    public var wallTimeEvents = 0
    /// The zone those wall times were read in.
    public var wallTimeZone: Zone = .utc

    /// The fixed zone (`Etc/GMT-1` for +01:00) matching the one offset every dated event shares; nil when the
    /// dates carry several offsets, none, or one that is not a whole hour.
    public var offsetZone: Zone? {
        guard dateOffsets.count == 1, let offset = dateOffsets.keys.first, offset % 3600 == 0 else { return nil }
        let hours = offset / 3600
        if hours == 0 { return .utc }
        // POSIX-style names: Etc/GMT-1 is one hour *ahead* of UTC.
        return Zone(identifier: "Etc/GMT\(hours > 0 ? "-" : "+")\(abs(hours))")
    }

    /// For a schedule that names no zone (`time_zone_name`): what its times were taken from. Nil otherwise.
    public var zoneNote: String? {
        guard zone == nil else { return nil }
        var note = "the schedule names no time zone (no time_zone_name); "
        let offsets = dateOffsets.keys.sorted()
        let dated = dateOffsets.values.reduce(0, +)
        switch offsets.count {
        case 0: note += "no event date carries an offset"
        case 1:
            note +=
                "start times of \(dated) event(s) taken from the fixed offset \(formatOffset(offsets[0])) of their dates"
        default:
            let list = offsets.map { "\(formatOffset($0)) (\(dateOffsets[$0]!) event(s))" }.joined(separator: ", ")
            note += "start times taken from the offsets of the event dates, which vary: \(list)"
        }
        if wallTimeEvents > 0 {
            note += "; \(wallTimeEvents) event(s) without an offset read in \(wallTimeZone.identifier)"
        }
        return note
    }
}

/// Reads frab/pretalx schedule.xml files.
public enum ScheduleReader {
    /// Reads `path` (streamed through the hardened ``XMLStreamReader``). Start times come from `event/date`
    /// (which carries its offset) when present, otherwise from `day@date` + `event/start` in the conference zone
    /// (`fallbackZone` when the file names none, else the one offset the event dates share); a start earlier than
    /// `day@start`'s time of day belongs to the next calendar day (CCC nights).
    public static func read(contentsOf path: String, fallbackZone: Zone?, limits: XMLLimits = .default) throws
        -> Schedule
    {
        let reader = try XMLStreamReader(contentsOf: path, limits: limits)
        var builder = ScheduleBuilder()
        var stack: [String] = []
        var text = ""
        var dayDate: LocalDate?
        var dayStartTime: LocalTime?
        var roomName = ""
        var event: [String: String] = [:]
        var eventID = ""
        var eventLine = 0
        var persons: [(key: String, name: String)] = []
        var personKey = ""
        var sawRoot = false

        while try reader.read() {
            switch reader.kind {
            case .elementStart:
                let name = reader.localName
                if !sawRoot {
                    sawRoot = true
                    guard name == "schedule" else {
                        throw XMLImportError.unsupportedFormat(
                            path: path, reason: "not a frab/pretalx schedule.xml (root element `schedule` expected)")
                    }
                }
                text = ""
                switch name {
                case "day" where stack.last == "schedule":
                    dayDate = reader.attribute("date").flatMap { LocalDate(iso8601: $0) }
                    dayStartTime = ScheduleBuilder.dayStartTime(reader.attribute("start"))
                    builder.addDay(dayDate)
                case "room" where stack.last == "day":
                    roomName = Normalise.text(reader.attribute("name") ?? "") ?? "room"
                case "event" where stack.last == "room":
                    event = [:]
                    persons = []
                    eventID = reader.attribute("id") ?? reader.attribute("guid") ?? ""
                    eventLine = reader.line
                case "person" where stack.last == "persons":
                    personKey = reader.attribute("id") ?? reader.attribute("guid") ?? ""
                default: break
                }
                stack.append(name)
            case .elementEnd:
                let name = stack.removeLast()
                let parent = stack.last
                switch (parent, name) {
                case ("conference", "title"): builder.schedule.title = Normalise.text(text)
                case ("conference", "acronym"): builder.schedule.acronym = Normalise.text(text)
                case ("conference", "time_zone_name"):
                    if let id = Normalise.text(text) {
                        guard let z = Zone(identifier: id) else {
                            throw XMLImportError.invalidContent(
                                reader.parserLocation, message: "`time_zone_name` must be an IANA zone")
                        }
                        builder.schedule.zone = z
                    }
                case ("persons", "person"):
                    let personName = Normalise.text(text) ?? personKey
                    persons.append((personKey.isEmpty ? personName : personKey, personName))
                case ("event", _):
                    if event[name] == nil { event[name] = text }
                case ("room", "event"):
                    let place = "\(path):\(eventLine)"
                    guard let minutes = parseDuration(event["duration"] ?? "") else {
                        builder.skip(SkippedEvent(place: place, event: eventID, reason: "`duration` HH:MM expected"))
                        continue
                    }
                    guard
                        let at = ScheduleBuilder.placement(
                            date: event["date"], day: dayDate, dayStart: dayStartTime, start: event["start"])
                    else {
                        builder.skip(SkippedEvent(place: place, event: eventID, reason: "no usable `date` or `start`"))
                        continue
                    }
                    builder.addEvent(
                        ScheduleBuilder.Raw(
                            id: eventID, title: event["title"], room: roomName, instant: at.instant, local: at.local,
                            minutes: minutes, language: event["language"], type: event["type"], track: event["track"],
                            persons: persons, line: eventLine, place: place),
                        offset: at.offset)
                default: break
                }
                text = ""
            case .text, .cdata, .whitespace:
                text += reader.text
            }
        }
        return builder.finish(fallbackZone: fallbackZone)
    }

    /// `01:30`, `1:30`, `00:05:00` → minutes.
    static func parseDuration(_ raw: String) -> Int? {
        let parts = raw.trimmingCharacters(in: .whitespaces).split(separator: ":")
        guard (2...3).contains(parts.count), let h = Int(parts[0]), let m = Int(parts[1]), h >= 0, (0..<60).contains(m)
        else { return nil }
        return h * 60 + m
    }
}
