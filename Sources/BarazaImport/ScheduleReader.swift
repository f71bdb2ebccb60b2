import BarazaModel
import BarazaXML
import Foundation

/// A frab / pretalx `schedule.xml`, read into plain values (streamed through the hardened ``XMLStreamReader``).
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
        /// The line of the `<event>` element.
        public var line: Int
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
    /// Events that could not be placed (no start, bad duration), as `file:line: reason`.
    public var skipped: [String] = []
}

/// Reads frab/pretalx schedule.xml files.
public enum ScheduleReader {
    /// Reads `path`. Start times come from `event/date` (which carries its offset) when present, otherwise from
    /// `day@date` + `event/start` in the conference zone (`fallbackZone` when the file names none); a start
    /// earlier than `day@start`'s time of day belongs to the next calendar day (CCC nights).
    public static func read(contentsOf path: String, fallbackZone: Zone, limits: XMLLimits = .default) throws
        -> Schedule
    {
        let reader = try XMLStreamReader(contentsOf: path, limits: limits)
        var schedule = Schedule()
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
        var knownRooms: Set<String> = []
        func zone() -> Zone { schedule.zone ?? fallbackZone }

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
                    dayStartTime = reader.attribute("start").flatMap { WallTime.parse($0)?.0.time }
                    if let d = dayDate {
                        if schedule.firstDay.map({ d < $0 }) ?? true { schedule.firstDay = d }
                        if schedule.lastDay.map({ $0 < d }) ?? true { schedule.lastDay = d }
                    }
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
                if reader.isEmptyElement {}
            case .elementEnd:
                let name = stack.removeLast()
                let parent = stack.last
                switch (parent, name) {
                case ("conference", "title"): schedule.title = Normalise.text(text)
                case ("conference", "acronym"): schedule.acronym = Normalise.text(text)
                case ("conference", "time_zone_name"):
                    if let id = Normalise.text(text) {
                        guard let z = Zone(identifier: id) else {
                            throw XMLImportError.invalidContent(
                                reader.parserLocation, message: "`time_zone_name` must be an IANA zone")
                        }
                        schedule.zone = z
                    }
                case ("persons", "person"):
                    let personName = Normalise.text(text) ?? personKey
                    persons.append((personKey.isEmpty ? personName : personKey, personName))
                case ("event", _):
                    if event[name] == nil { event[name] = text }
                case ("room", "event"):
                    let place = "\(path):\(eventLine)"
                    guard let minutes = parseDuration(event["duration"] ?? "") else {
                        schedule.skipped.append("\(place): event \(eventID): `duration` HH:MM expected")
                        continue
                    }
                    var start: Instant?
                    if let date = event["date"].flatMap({ Normalise.text($0) }),
                        case .success(let instant) = Normalise.instant(date, zone: zone())
                    {
                        start = instant
                    } else if let day = dayDate,
                        let time = event["start"].flatMap({ LocalTime($0.trimmingCharacters(in: .whitespaces)) })
                    {
                        var date = day
                        if let dayStart = dayStartTime, time < dayStart { date = day.adding(days: 1) }
                        if case .success(let instant) = WallTime(
                            local: LocalDateTime(date: date, time: time), zone: zone()
                        ).resolve() {
                            start = instant
                        }
                    }
                    guard let start else {
                        schedule.skipped.append("\(place): event \(eventID): no usable `date` or `start`")
                        continue
                    }
                    if !knownRooms.contains(roomName) {
                        knownRooms.insert(roomName)
                        schedule.rooms.append(roomName)
                    }
                    let languages = Normalise.languages(event["language"] ?? "").codes
                    schedule.events.append(
                        Schedule.Event(
                            id: eventID, title: Normalise.text(event["title"] ?? "") ?? "event \(eventID)",
                            room: roomName, start: start, minutes: minutes, language: languages.first,
                            type: Normalise.text(event["type"] ?? ""), track: Normalise.text(event["track"] ?? ""),
                            persons: persons, line: eventLine))
                default: break
                }
                text = ""
            case .text, .cdata, .whitespace:
                text += reader.text
            }
        }
        return schedule
    }

    /// `01:30`, `1:30`, `00:05:00` → minutes.
    static func parseDuration(_ raw: String) -> Int? {
        let parts = raw.trimmingCharacters(in: .whitespaces).split(separator: ":")
        guard (2...3).contains(parts.count), let h = Int(parts[0]), let m = Int(parts[1]), h >= 0, (0..<60).contains(m)
        else { return nil }
        return h * 60 + m
    }
}
