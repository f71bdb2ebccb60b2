import BarazaModel
import Foundation

/// Why a schedule.json was refused: the file, the JSON path of the value (`schedule.conference.days[2]`) and
/// what was expected there.
public struct ScheduleJSONError: Error, Sendable, CustomStringConvertible {
    /// The file read.
    public var file: String
    /// Where in the document, e.g. `schedule.conference.days[2].rooms["Saal 1"][4].duration`; empty for the
    /// whole file.
    public var path: String
    /// What was expected there (or what went wrong).
    public var message: String

    /// `file: path: message`.
    public var description: String { path.isEmpty ? "\(file): \(message)" : "\(file): \(path): \(message)" }
}

/// Reads frab/pretalx `schedule.json` files (the JSON twin of schedule.xml) into the same ``Schedule`` the XML
/// reader produces, so both share ``ScheduleImport``.
public enum ScheduleJSONReader {
    /// Files larger than this are refused: a JSON document is read whole.
    public static let defaultMaximumBytes = 200 * 1024 * 1024

    /// Reads the schedule.json at `path`; see ``read(data:file:fallbackZone:)``.
    public static func read(contentsOf path: String, fallbackZone: Zone?, maximumBytes: Int = defaultMaximumBytes)
        throws(ScheduleJSONError) -> Schedule
    {
        let size: Int
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        } catch {
            throw ScheduleJSONError(file: path, path: "", message: "cannot read file: \(error.localizedDescription)")
        }
        guard size <= maximumBytes else {
            throw ScheduleJSONError(
                file: path, path: "",
                message: "a schedule.json of \(size) bytes is larger than the \(maximumBytes)-byte limit "
                    + "(JSON is read whole); split it or use its schedule.xml")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScheduleJSONError(file: path, path: "", message: "cannot read file")
        }
        return try read(data: data, file: path, fallbackZone: fallbackZone)
    }

    /// Reads a schedule.json document. Event starts come from `date` (ISO 8601 with offset) when present, else
    /// from the day's `date` + `start` in the conference zone (`fallbackZone` when `time_zone_name` is missing,
    /// else the one offset the event dates share). Rooms follow `conference.rooms` when it lists them, then the
    /// other room names in code-point order (a JSON object has no order); events keep their order in each room.
    public static func read(data: Data, file: String, fallbackZone: Zone?) throws(ScheduleJSONError) -> Schedule {
        let root: Any
        do { root = try JSONSerialization.jsonObject(with: data, options: []) } catch {
            throw ScheduleJSONError(file: file, path: JSONScan.truncationPath(data) ?? "", message: reason(error))
        }
        var walker = Walker(file: file)
        return try walker.schedule(root, fallbackZone: fallbackZone)
    }

    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        let detail = (ns.userInfo[NSDebugDescriptionErrorKey] as? String) ?? ns.localizedDescription
        return "not valid JSON: \(detail)"
    }

    /// Walks the decoded document, keeping the JSON path for errors.
    struct Walker {
        var file: String

        func fail(_ path: String, _ message: String) -> ScheduleJSONError {
            ScheduleJSONError(file: file, path: path, message: message)
        }

        func object(_ value: Any?, _ path: String) throws(ScheduleJSONError) -> [String: Any] {
            guard let value else { throw fail(path, "missing; expected an object") }
            guard let object = value as? [String: Any] else {
                throw fail(path, "expected an object, found \(kind(value))")
            }
            return object
        }

        func array(_ value: Any?, _ path: String) throws(ScheduleJSONError) -> [Any] {
            guard let value else { throw fail(path, "missing; expected an array") }
            guard let array = value as? [Any] else { throw fail(path, "expected an array, found \(kind(value))") }
            return array
        }

        /// A string, or nil when absent or null.
        func string(_ value: Any?, _ path: String) throws(ScheduleJSONError) -> String? {
            guard let value, !(value is NSNull) else { return nil }
            guard let text = value as? String else { throw fail(path, "expected a string, found \(kind(value))") }
            return text
        }

        /// An identifier: a string or an integer.
        func identifier(_ value: Any?, _ path: String) throws(ScheduleJSONError) -> String? {
            guard let value, !(value is NSNull) else { return nil }
            if let text = value as? String { return text }
            if let number = value as? NSNumber, isBool(number) {
                throw fail(path, "expected a string or an integer id, found a boolean")
            }
            // Integers beyond 2^53 keep every digit (int64Value, not the double).
            if let number = value as? NSNumber, Double(number.int64Value) == number.doubleValue {
                return String(number.int64Value)
            }
            throw fail(path, "expected a string or an integer id, found \(kind(value))")
        }

        func isBool(_ number: NSNumber) -> Bool {
            // JSONSerialization keeps `true`/`false` as boolean NSNumbers (Objective-C type `c`).
            String(cString: number.objCType) == "c"
        }

        func kind(_ value: Any) -> String {
            switch value {
            case is NSNull: return "null"
            case is String: return "a string"
            case let n as NSNumber: return isBool(n) ? "a boolean" : "a number"
            case is [Any]: return "an array"
            case is [String: Any]: return "an object"
            default: return "\(type(of: value))"
            }
        }

        static func key(_ name: String) -> String {
            let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "[\"\(escaped)\"]"
        }

        mutating func schedule(_ root: Any, fallbackZone: Zone?) throws(ScheduleJSONError) -> Schedule {
            let top = try object(root, "(document)")
            let schedule = try object(top["schedule"], "schedule")
            let conference = try object(schedule["conference"], "schedule.conference")
            let c = "schedule.conference"
            var builder = ScheduleBuilder()
            builder.schedule.title = try string(conference["title"], "\(c).title").flatMap { Normalise.text($0) }
            builder.schedule.acronym = try string(conference["acronym"], "\(c).acronym").flatMap { Normalise.text($0) }
            if let id = try string(conference["time_zone_name"], "\(c).time_zone_name").flatMap({ Normalise.text($0) })
            {
                guard let zone = Zone(identifier: id) else {
                    throw fail("\(c).time_zone_name", "expected an IANA time zone such as Europe/Berlin")
                }
                builder.schedule.zone = zone
            }
            // Room order: conference.rooms (names, or objects with a name) first.
            var order: [String: Int] = [:]
            if let listed = conference["rooms"], !(listed is NSNull) {
                for (i, room) in try array(listed, "\(c).rooms").enumerated() {
                    let p = "\(c).rooms[\(i)]"
                    let name: String?
                    if room is [String: Any] {
                        name = try string(try object(room, p)["name"], "\(p).name")
                    } else {
                        name = try string(room, p)
                    }
                    if let name, order[name] == nil { order[name] = order.count }
                }
            }
            let days = try array(conference["days"], "\(c).days")
            for (d, dayValue) in days.enumerated() {
                let p = "\(c).days[\(d)]"
                let day = try object(dayValue, p)
                let dateText = try string(day["date"], "\(p).date")
                let date = dateText.flatMap { LocalDate(iso8601: $0.trimmingCharacters(in: .whitespaces)) }
                if dateText != nil && date == nil { throw fail("\(p).date", "expected a date YYYY-MM-DD") }
                let dayStart = ScheduleBuilder.dayStartTime(try string(day["day_start"], "\(p).day_start"))
                builder.addDay(date)
                let rooms = try object(day["rooms"], "\(p).rooms")
                let names = rooms.keys.sorted { a, b in
                    switch (order[a], order[b]) {
                    case (let x?, let y?): return x < y
                    case (.some, nil): return true
                    case (nil, .some): return false
                    case (nil, nil):
                        return Array(a.unicodeScalars.map(\.value)).lexicographicallyPrecedes(
                            b.unicodeScalars.map(\.value))
                    }
                }
                for roomKey in names {
                    let rp = "\(p).rooms\(Self.key(roomKey))"
                    let events = try array(rooms[roomKey], rp)
                    let roomName = Normalise.text(roomKey) ?? "room"
                    for (e, eventValue) in events.enumerated() {
                        let ep = "\(rp)[\(e)]"
                        try addEvent(eventValue, ep, room: roomName, day: date, dayStart: dayStart, to: &builder)
                    }
                }
            }
            return builder.finish(fallbackZone: fallbackZone)
        }

        func addEvent(
            _ value: Any, _ ep: String, room: String, day: LocalDate?, dayStart: LocalTime?,
            to builder: inout ScheduleBuilder
        ) throws(ScheduleJSONError) {
            let event = try object(value, ep)
            let numericID = try identifier(event["id"], "\(ep).id")
            let guid = try identifier(event["guid"], "\(ep).guid")
            guard let id = numericID ?? guid else {
                throw fail("\(ep).id", "missing; expected an event id (or guid)")
            }
            guard let durationText = try string(event["duration"], "\(ep).duration") else {
                throw fail("\(ep).duration", "missing; expected HH:MM")
            }
            guard let minutes = ScheduleReader.parseDuration(durationText) else {
                throw fail("\(ep).duration", "expected HH:MM")
            }
            let dateText = try string(event["date"], "\(ep).date")
            let startText = try string(event["start"], "\(ep).start")
            if let dateText, ScheduleBuilder.parseDate(dateText.trimmingCharacters(in: .whitespaces)) == nil {
                throw fail("\(ep).date", "expected an ISO 8601 date-time such as 2019-08-21T11:00:00+02:00")
            }
            guard
                let at = ScheduleBuilder.placement(date: dateText, day: day, dayStart: dayStart, start: startText)
            else {
                if startText != nil, day != nil { throw fail("\(ep).start", "expected HH:MM") }
                throw fail("\(ep).date", "missing; expected an ISO 8601 date-time (or the day's date and `start`)")
            }
            var persons: [(key: String, name: String)] = []
            if let list = event["persons"], !(list is NSNull) {
                for (i, personValue) in try array(list, "\(ep).persons").enumerated() {
                    let pp = "\(ep).persons[\(i)]"
                    let person = try object(personValue, pp)
                    let personID = try identifier(person["id"], "\(pp).id")
                    let personGUID = try identifier(person["guid"], "\(pp).guid")
                    let key = personID ?? personGUID ?? ""
                    let publicName = try string(person["public_name"], "\(pp).public_name").flatMap {
                        Normalise.text($0)
                    }
                    let plainName = try string(person["name"], "\(pp).name").flatMap { Normalise.text($0) }
                    let name = publicName ?? plainName
                    guard let name = name ?? (key.isEmpty ? nil : key) else {
                        throw fail(pp, "expected `public_name`, `name` or an `id`")
                    }
                    persons.append((key.isEmpty ? name : key, name))
                }
            }
            builder.addEvent(
                ScheduleBuilder.Raw(
                    id: id, title: try string(event["title"], "\(ep).title"), room: room, instant: at.instant,
                    local: at.local, minutes: minutes, language: try string(event["language"], "\(ep).language"),
                    type: try string(event["type"], "\(ep).type"), track: try string(event["track"], "\(ep).track"),
                    persons: persons, line: 0, place: "\(file): \(ep)"),
                offset: at.offset)
        }
    }
}

/// A light scan of JSON text that says in which value a truncated document ends, for error messages.
enum JSONScan {
    /// The JSON path open at the end of `data` (`schedule.conference.days[1].rooms["Saal 1"][3]`), or nil
    /// when the document's containers are all closed.
    static func truncationPath(_ data: Data) -> String? {
        enum Frame {
            case object(key: String?)
            case array(index: Int)
        }
        var stack: [Frame] = []
        var i = data.startIndex
        var lastString: String?
        var expectingKey = false
        func readString() -> String {
            var bytes: [UInt8] = []
            i += 1
            while i < data.endIndex {
                let b = data[i]
                if b == UInt8(ascii: "\\") {
                    i += 2
                    continue
                }
                if b == UInt8(ascii: "\"") { break }
                bytes.append(b)
                i += 1
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        while i < data.endIndex {
            let b = data[i]
            switch b {
            case UInt8(ascii: "{"):
                stack.append(.object(key: nil))
                expectingKey = true
            case UInt8(ascii: "["):
                stack.append(.array(index: 0))
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if !stack.isEmpty { stack.removeLast() }
                expectingKey = false
            case UInt8(ascii: ","):
                if case .array(let n)? = stack.last {
                    stack[stack.count - 1] = .array(index: n + 1)
                } else if case .object? = stack.last {
                    expectingKey = true
                }
            case UInt8(ascii: ":"):
                if case .object? = stack.last, let key = lastString { stack[stack.count - 1] = .object(key: key) }
                expectingKey = false
            case UInt8(ascii: "\""):
                let text = readString()
                lastString = expectingKey ? text : nil
            default: break
            }
            i += 1
        }
        guard !stack.isEmpty else { return nil }
        var path = ""
        // Hostile nesting: name the first levels only.
        let shown = 32
        for frame in stack.prefix(shown) {
            switch frame {
            case .object(let key?):
                let plain = !key.isEmpty && key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
                path += plain ? (path.isEmpty ? key : ".\(key)") : ScheduleJSONReader.Walker.key(key)
            case .object(nil): break
            case .array(let n): path += "[\(n)]"
            }
        }
        if stack.count > shown { path += "… (\(stack.count - shown) levels deeper)" }
        return path.isEmpty ? "(document)" : path + " (the document ends inside it)"
    }
}
