import BarazaModel
import BarazaOutput
import Foundation

/// `baraza export ics`: the whole event, one calendar per room and one per person, under `calendars/`.
///
/// - `calendars/event.ics`: every session, English and French.
/// - `calendars/rooms/<room>.ics`: the sessions of each room that has any, English and French.
/// - `calendars/people/<person>.ics`: a person's sessions (as speaker, moderator or signed-up participant),
///   arrival and departure, hotel check-in and check-out, and ``PersonalItem``s such as transfer pick-ups, in
///   the person's language. People with none of these get no file.
///
/// DTSTAMP comes from the workspace (``CalendarStamp``), SEQUENCE from the published state when a session was
/// sent as an invitation. Files are streamed one at a time, so memory does not grow with the number of people.
public struct CalendarExporter: Exporter {
    /// `baraza export ics`.
    public let id = "ics"
    /// One line for `baraza export --list`.
    public let summary = "iCalendar files: the whole event, one per room, one per person (calendars/)"
    /// Timed items to add to people's calendars (transfer pick-ups from logistics, for example).
    public var extraItems: [PersonalItem]
    /// A compiled tz database folder (`/usr/share/zoneinfo`) to follow where it is newer than Foundation's and
    /// disagrees with it; nil to use Foundation's only. See the notes of a run for the zones concerned.
    public var systemTimeZoneDirectory: String?

    /// Creates the exporter; `extraItems` go into their person's calendar.
    public init(extraItems: [PersonalItem] = [], systemTimeZoneDirectory: String? = nil) {
        self.extraItems = extraItems
        self.systemTimeZoneDirectory = systemTimeZoneDirectory
    }

    /// The whole-event calendar (`calendars/event.ics`) as bytes, for embedding elsewhere (material packs).
    public func eventCalendar(_ workspace: Workspace) throws -> Data {
        let builder = try makeBuilder(workspace)
        var text = ""
        let entries = uniqueSessions(workspace).compactMap { builder.sessionEntry($0, language: .both) }
        builder.writeCalendar(named: workspace.event.title.bilingual, entries: entries, to: &text)
        return Data(text.utf8)
    }

    private func makeBuilder(_ workspace: Workspace) throws -> CalendarBuilder {
        let state = try PublishedState.load(workspacePath: workspace.path)
        return CalendarBuilder(
            workspace: workspace, stamp: CalendarStamp.stamp(for: workspace, state: state),
            sequences: Dictionary(
                (state?.sessions ?? [:]).filter { !$0.value.cancelled }.map { (Session.ID($0.key), $0.value.sequence) },
                uniquingKeysWith: max), systemZones: SystemZoneRules(directory: systemTimeZoneDirectory))
    }

    /// Writes the files under `context.directory` (nothing with `dryRun`) and says what was done.
    public func export(_ workspace: Workspace, context: ExportContext) throws -> ExportResult {
        let builder = try makeBuilder(workspace)
        var result = ExportResult()
        let folder = context.directory + "/calendars"
        let event = workspace.event
        let sessions = uniqueSessions(workspace)

        let unresolved = sessions.filter { $0.interval == nil }.map(\.id.rawValue)
        if !unresolved.isEmpty {
            result.notes.append(
                "left out \(unresolved.count) session(s) whose times do not resolve (see baraza check): "
                    + unresolved.joined(separator: ", "))
        }

        // The whole event.
        try write("event.ics", in: folder, context: context, result: &result) { output in
            let entries = sessions.compactMap { builder.sessionEntry($0, language: .both) }
            builder.writeCalendar(named: event.title.bilingual, entries: entries, to: &output)
        }

        // One per room that has sessions.
        var byRoom: [Room.ID: [Session]] = [:]
        for session in sessions {
            if let room = workspace.room(of: session) { byRoom[room.id, default: []].append(session) }
        }
        for venue in workspace.venues {
            for room in venue.rooms {
                guard let roomSessions = byRoom.removeValue(forKey: room.id) else { continue }
                let name = "\(event.title.bilingual): \(room.name), \(venue.name)"
                try write("rooms/\(Self.fileName(room.id.rawValue)).ics", in: folder, context: context, result: &result)
                {
                    output in
                    builder.writeCalendar(
                        named: name, entries: roomSessions.compactMap { builder.sessionEntry($0, language: .both) },
                        to: &output)
                }
            }
        }

        // One per person, written one at a time.
        var sessionsByPerson: [Person.ID: [Int]] = [:]
        for (index, session) in sessions.enumerated() {
            var seen = Set<Person.ID>()
            for reference in session.speakers + session.moderators + session.signUps
            where seen.insert(reference.id).inserted {
                sessionsByPerson[reference.id, default: []].append(index)
            }
        }
        var entryCache = [[CalendarEntry?]](repeating: [nil, nil, nil], count: sessions.count)
        let extrasByPerson = Dictionary(grouping: extraItems, by: \.person)
        var unknownExtras = Set(extrasByPerson.keys).subtracting(workspace.peopleByID.keys)
        var seenPeople = Set<Person.ID>()
        for person in workspace.people where seenPeople.insert(person.id).inserted {
            let language = CalendarLanguage(for: person)
            var entries: [CalendarEntry] = []
            for index in sessionsByPerson[person.id] ?? [] {
                // Cached by position: looking a session up (and copying it) per person costs more than the text.
                let slot = languageSlot(language)
                if let entry = entryCache[index][slot] {
                    entries.append(entry)
                } else if let entry = builder.sessionEntry(sessions[index], language: language) {
                    entryCache[index][slot] = entry
                    entries.append(entry)
                }
            }
            entries += builder.logisticsEntries(
                for: person, language: language, extras: extrasByPerson[person.id] ?? [])
            guard !entries.isEmpty else { continue }
            let name = language.pick(event.title) + ": " + person.name
            try write("people/\(Self.fileName(person.id.rawValue)).ics", in: folder, context: context, result: &result)
            {
                output in
                builder.writeCalendar(named: name, entries: entries, to: &output)
            }
            unknownExtras.remove(person.id)
        }
        result.notes += builder.systemZones.notes
        if !unknownExtras.isEmpty {
            result.notes.append(
                "extra items name unknown people: " + unknownExtras.map(\.rawValue).sorted().joined(separator: ", "))
        }
        return result
    }

    private func languageSlot(_ language: CalendarLanguage) -> Int {
        switch language {
        case .english: 0
        case .french: 1
        case .both: 2
        }
    }

    /// The workspace's sessions, first of each id.
    func uniqueSessions(_ workspace: Workspace) -> [Session] {
        var seen = Set<Session.ID>()
        return workspace.sessions.filter { seen.insert($0.id).inserted }
    }

    private func write(
        _ relative: String, in folder: String, context: ExportContext, result: inout ExportResult,
        _ body: (inout FileTextOutput) -> Void
    ) throws {
        result.files.append("calendars/" + relative)
        guard !context.dryRun else { return }
        try FileTextOutput.stream(to: folder + "/" + relative, body)
    }

    /// An id as a file name: ids are letters, digits, `-`, `_`, `.` and `@`; a leading dot is replaced so no
    /// file is hidden.
    static func fileName(_ id: String) -> String {
        id.hasPrefix(".") ? "_" + id.dropFirst() : id
    }
}
