import BarazaModel
import BarazaWorkspace
import BarazaXML
import Foundation

/// What a schedule import wrote.
public struct ScheduleReport: Sendable {
    /// Sessions written.
    public var sessions = 0
    /// Rooms written.
    public var rooms = 0
    /// Speakers written as people.
    public var people = 0
    /// Events left out, each with its place and why.
    public var skipped: [SkippedEvent] = []
    /// Events listed twice with the same id and start (kept once).
    public var duplicates = 0
    /// The zone the schedule was read in.
    public var zone: String = ""
    /// Notes for the user (a schedule without a zone: which offsets its times were taken from).
    public var notes: [String] = []
}

/// An event of a schedule that the import leaves out, and why.
public struct SkippedEvent: Sendable, Hashable {
    /// Where the event is in the schedule as given: `file:line` (XML) or `file: JSON path`.
    public var place: String
    /// The event's id in the schedule.
    public var event: String
    /// Why it cannot be placed, e.g. `zero duration`.
    public var reason: String

    public init(place: String, event: String, reason: String) {
        self.place = place
        self.event = event
        self.reason = reason
    }
}

/// The two schedule formats, told apart by content.
public enum ScheduleFormat: String, Sendable {
    /// frab/pretalx schedule.xml (first non-space byte `<`).
    case xml
    /// frab/pretalx schedule.json (first non-space byte `{`).
    case json

    /// The format of the file at `path`, from its first non-space byte (after a UTF-8 byte-order mark).
    public static func detect(path: String) throws(ImportError) -> ScheduleFormat {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(path: path, reason: "no such readable file")
        }
        defer { try? handle.close() }
        var first: UInt8?
        var bomSkipped = 0
        scan: while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: 4096) ?? Data() } catch {
                throw .unreadable(path: path, reason: "\(error.localizedDescription)")
            }
            if chunk.isEmpty { break }
            for byte in chunk {
                if bomSkipped < 3 && byte == [0xEF, 0xBB, 0xBF][bomSkipped] {
                    bomSkipped += 1
                    continue
                }
                bomSkipped = 3
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
                first = byte
                break scan
            }
        }
        switch first {
        case UInt8(ascii: "<"): return .xml
        case UInt8(ascii: "{"): return .json
        case nil: throw .unreadable(path: path, reason: "the file is empty")
        default:
            throw .unreadable(
                path: path,
                reason: "not a frab/pretalx schedule (expected schedule.xml starting with `<` "
                    + "or schedule.json starting with `{`)")
        }
    }
}

extension ScheduleImport {
    /// Reads a schedule.xml or schedule.json, told apart by content.
    static func readSchedule(_ file: String, fallbackZone: Zone?, limits: XMLLimits) throws(ImportError) -> Schedule {
        switch try ScheduleFormat.detect(path: file) {
        case .json:
            do { return try ScheduleJSONReader.read(contentsOf: file, fallbackZone: fallbackZone) } catch {
                throw .scheduleJSON(error)
            }
        case .xml:
            do {
                return try ScheduleReader.read(contentsOf: file, fallbackZone: fallbackZone, limits: limits)
            } catch let error as XMLImportError {
                throw .source(error)
            } catch {
                throw .unreadable(path: file, reason: "\(error)")
            }
        }
    }
}

/// `baraza import schedule`: a frab/pretalx schedule.xml or schedule.json becomes `schedule/<file>.yaml` (one venue with the
/// schedule's rooms, the speakers as people, the events as sessions), included from `event.yaml`; the raw file is
/// kept beside it. Written in one locked, journaled transaction; importing the same file again changes nothing.
public struct ScheduleImport {
    /// The schedule.xml or schedule.json to read (told apart by content).
    public var file: String
    /// The workspace folder.
    public var workspace: String
    /// Zone for a schedule that names none (`time_zone_name`); default: the workspace's event zone.
    public var fallbackZone: Zone?
    /// Parser limits.
    public var limits: XMLLimits

    /// Creates an import.
    public init(file: String, workspace: String, fallbackZone: Zone? = nil, limits: XMLLimits = .default) {
        self.file = file
        self.workspace = workspace
        self.fallbackZone = fallbackZone
        self.limits = limits
    }

    /// The folder, relative to the workspace, that keeps the raw schedule and its YAML.
    public static let folder = "schedule"

    /// Reads the schedule and writes it into the workspace (unless `dryRun`).
    public func run(dryRun: Bool = false, knownRuleIDs: [String] = []) throws(ImportError) -> ScheduleReport {
        let name = try WorkspaceFiles.keptName(of: file)
        try WorkspaceFiles.requireReadable(file)
        let isWorkspace = FileManager.default.fileExists(
            atPath: (workspace as NSString).appendingPathComponent(WorkspaceLoader.entryFileName))
        // Held from reading the workspace (its session ids) to the commit.
        let writer = !dryRun && isWorkspace ? try WorkspaceFiles(workspace: workspace) : nil
        defer { writer?.transaction.abandon() }
        let loaded: Workspace
        do { loaded = try WorkspaceLoader(knownRuleIDs: knownRuleIDs).load(directory: workspace) } catch {
            throw .workspace(error.errors.map(\.message).joined(separator: "\n"))
        }
        let schedule = try Self.readSchedule(file, fallbackZone: fallbackZone ?? loaded.event.zone, limits: limits)
        let rawRelative = "\(Self.folder)/\(name)"
        let yamlRelative = "\(rawRelative).yaml"
        let (yaml, report) = Self.render(
            schedule, eventZone: loaded.event.zone, prefix: RegistrationImport.idPrefix(name), source: rawRelative)
        // Ids already used by other files of the workspace would make it fail to load.
        let own = (workspace as NSString).appendingPathComponent(yamlRelative)
        func isOwn(_ location: BarazaModel.SourceLocation) -> Bool {
            location.file.hasSuffix(yamlRelative) || location.file == own
        }
        let taken = Set(loaded.sessions.filter { !isOwn($0.location) }.map(\.id.rawValue))
        if let clash = report.sessionIDs.first(where: taken.contains) {
            throw .workspace("session id `\(clash)` from \(file) is already used in the workspace")
        }
        guard let writer else { return report.summary }
        try writer.copy(from: file, to: rawRelative)
        try writer.text(yaml, to: yamlRelative)
        try writer.eventInclude(yamlRelative)
        try writer.commit()
        return report.summary
    }

    struct Rendered {
        var summary: ScheduleReport
        var sessionIDs: [String]
    }

    /// `text` without accents or case, its ASCII letters and digits joined by single `-`, cut at `maxLength`.
    static func slug(_ text: String, maxLength: Int = 40) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var out = ""
        for ch in folded {
            if ch.isASCII && (ch.isLetter || ch.isNumber) {
                out.append(ch)
            } else if !out.isEmpty && !out.hasSuffix("-") {
                out += "-"
            }
            if out.count >= maxLength { break }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }

    static func identifier(_ raw: String) -> String {
        let clean = String(raw.filter { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }.prefix(64))
        return clean
    }

    /// `base`, or `base-2`, `base-3`… when taken: the first id not in `used`, which then holds it.
    static func uniqueID(base: String, used: inout Set<String>) -> String {
        var id = base
        var n = 2
        while used.contains(id) {
            id = "\(base)-\(n)"
            n += 1
        }
        used.insert(id)
        return id
    }

    static func kind(_ type: String?) -> String {
        switch Normalise.key(type ?? "") {
        case "lecture", "talk", "lightningtalk", "keynote", "presentation": "talk"
        case "workshop", "atelier": "workshop"
        case "panel", "podium", "paneldiscussion", "table-ronde", "tableronde": "panel"
        case "plenary", "pleniere": "plenary"
        case "training", "formation", "tutorial": "training"
        case "break", "pause": "break"
        case "meal", "repas", "lunch", "dinner": "meal"
        case "ceremony", "ceremonie": "ceremony"
        default: "other"
        }
    }

    static func render(_ s: Schedule, eventZone: Zone, prefix: String, source: String) -> (String, Rendered) {
        var summary = ScheduleReport()
        summary.zone = (s.zone ?? eventZone).identifier
        summary.skipped = s.skipped
        if let note = s.zoneNote { summary.notes.append(note) }
        summary.notes += s.cuts
        // Rooms: slug ids, made unique in order of appearance.
        var roomIDs: [String: String] = [:]
        var usedRooms: Set<String> = []
        for (index, room) in s.rooms.enumerated() {
            var base = slug(room)
            if base.isEmpty { base = "room-\(index + 1)" }
            roomIDs[room] = uniqueID(base: base, used: &usedRooms)
        }
        // People: one per (id or guid, name): merged schedules reuse numeric ids for different people.
        var personIDs: [String: String] = [:]
        var personOrder: [(id: String, name: String)] = []
        var usedPeople: Set<String> = []
        for event in s.events {
            for person in event.persons {
                let key = person.key + "\u{0}" + person.name
                if personIDs[key] != nil { continue }
                var base = "sp-" + identifier(person.key)
                if base == "sp-" { base = "sp-" + (slug(person.name).isEmpty ? "person" : slug(person.name)) }
                let id = uniqueID(base: base, used: &usedPeople)
                personIDs[key] = id
                personOrder.append((id, person.name))
            }
        }
        let venueID = slug(s.acronym ?? "").isEmpty ? "schedule" : slug(s.acronym!)
        var out = """
            # Imported by `baraza import schedule` from \(source); re-import rather than edit.
            # The schedule names no city or country: fill them in (ZZ means unknown).
            venues:
              - id: \(venueID)
                name: \(YAMLText.quoted(s.title ?? venueID))
                city: "TBD"
                country: ZZ
                timezone: \(eventZone.identifier)
                rooms:

            """
        for room in s.rooms { out += "      - { id: \(roomIDs[room]!), name: \(YAMLText.quoted(room)) }\n" }
        out += "\npeople:\n"
        for person in personOrder {
            out += "  - { id: \(person.id), name: \(YAMLText.quoted(person.name)), roles: [speaker] }\n"
        }
        out += "\nsessions:\n"
        var seen: [String: Instant] = [:]
        var usedSessions: Set<String> = []
        var sessionIDs: [String] = []
        for event in s.events {
            var base = identifier(event.id)
            if base.isEmpty { base = "\(prefix)-\(event.line)" }
            if seen[base] == event.start {
                summary.duplicates += 1
                continue
            }
            if seen[base] == nil { seen[base] = event.start }
            guard event.minutes > 0 else {
                summary.skipped.append(SkippedEvent(place: event.place, event: base, reason: "zero duration"))
                continue
            }
            let id = uniqueID(base: base, used: &usedSessions)
            sessionIDs.append(id)
            out += "  - id: \(YAMLText.quoted(id))\n"
            out += "    title: \(YAMLText.quoted(event.title))\n"
            out += "    kind: \(kind(event.type))\n"
            out += "    venue: \(venueID)\n"
            out += "    room: \(roomIDs[event.room]!)\n"
            out += "    start: \"\(Normalise.wallText(event.start, zone: eventZone))\"\n"
            out += "    duration: \(event.minutes)\n"
            if let l = event.language { out += "    language: \(l.code)\n" }
            if let t = event.track { out += "    tags: [\(YAMLText.quoted(t))]\n" }
            var speakers: [String] = []
            for person in event.persons {
                let pid = personIDs[person.key + "\u{0}" + person.name]!
                if !speakers.contains(pid) { speakers.append(pid) }
            }
            if !speakers.isEmpty { out += "    speakers: [\(speakers.joined(separator: ", "))]\n" }
        }
        summary.sessions = sessionIDs.count
        summary.rooms = s.rooms.count
        summary.people = personOrder.count
        return (out, Rendered(summary: summary, sessionIDs: sessionIDs))
    }

    /// `event.yaml` for a new workspace made from a schedule: id, title, zone and dates from the conference.
    public static func eventYAML(for schedule: Schedule, id: String, zone: Zone, include: String) -> String {
        // The days the schedule names, widened to every event's local start and end dates (nights past midnight,
        // `day@date` written in UTC).
        let starts = schedule.events.map { zone.localDateTime(at: $0.start).date }
        let ends = schedule.events.map { zone.localDateTime(at: $0.start.adding(minutes: $0.minutes)).date }
        let first = ([schedule.firstDay].compactMap { $0 } + starts).min()
        let last = ([schedule.lastDay].compactMap { $0 } + ends).max()
        let start = first?.iso8601 ?? "2000-01-01"
        let end = last?.iso8601 ?? start
        return """
            # Created by `baraza init --from-schedule`; every key is described in events/FORMAT.md.
            event:
              id: \(id)
              title: \(YAMLText.quoted(schedule.title ?? id))
              timezone: \(zone.identifier)
              dates: { start: \(start), end: \(end) }
              languages: [en]

            include:
              - \(include)

            """
    }
}

extension ScheduleImport {
    /// Creates a new workspace in `directory` from a schedule (refuses an existing workspace). A schedule that
    /// names no zone is read in `fallbackZone`; without one, in the fixed offset its event dates share.
    public static func initialise(
        directory: String, schedule file: String, eventID: String, fallbackZone: Zone?, limits: XMLLimits = .default
    ) throws(ImportError) -> ScheduleReport {
        let fm = FileManager.default
        if fm.fileExists(atPath: (directory as NSString).appendingPathComponent("event.yaml")) {
            throw .workspace("\(directory) already holds a workspace (event.yaml); use `baraza import schedule`")
        }
        let name = try WorkspaceFiles.keptName(of: file)
        let schedule = try readSchedule(file, fallbackZone: fallbackZone, limits: limits)
        // No conference zone: the given zone, else the fixed offset the event dates share, else UTC.
        let zone = schedule.zone ?? fallbackZone ?? schedule.offsetZone ?? .utc
        let rawRelative = "\(folder)/\(name)"
        let yamlRelative = "\(rawRelative).yaml"
        let (yaml, rendered) = render(
            schedule, eventZone: zone, prefix: RegistrationImport.idPrefix(name), source: rawRelative)
        let createdRoot = !fm.fileExists(atPath: directory)
        if createdRoot {
            do { try fm.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
                throw .write(path: directory, reason: "\(error)")
            }
        }
        do throws(ImportError) {
            // Into an existing folder, the files go in under its lock, all or nothing, and never through a
            // symbolic link that leads outside it.
            let writer = try WorkspaceFiles(workspace: directory)
            defer { writer.transaction.abandon() }
            if writer.folder.has("event.yaml") {
                throw ImportError.workspace(
                    "\(directory) already holds a workspace (event.yaml); use `baraza import schedule`")
            }
            try writer.copy(from: file, to: rawRelative)
            try writer.text(yaml, to: yamlRelative)
            try writer.text(eventYAML(for: schedule, id: eventID, zone: zone, include: yamlRelative), to: "event.yaml")
            try writer.commit()
        } catch {
            if createdRoot { rmdir(directory) }
            throw error
        }
        return rendered.summary
    }
}
