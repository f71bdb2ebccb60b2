import BarazaModel
import BarazaOutput
import BarazaParallel
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
/// sent as an invitation. Each file's text is streamed as it is written, so memory holds the entries, not the files.
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

    /// How many personal calendars are written at once; nil picks from the cores and the number of people
    /// (one writer below 1,000 people). The files are the same whatever the number.
    public var writers: Int?

    /// Creates the exporter; `extraItems` go into their person's calendar.
    public init(extraItems: [PersonalItem] = [], systemTimeZoneDirectory: String? = nil, writers: Int? = nil) {
        self.extraItems = extraItems
        self.systemTimeZoneDirectory = systemTimeZoneDirectory
        self.writers = writers
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
        try builderFactory(workspace)()
    }

    /// Makes builders that share the published state, read once: one per thread.
    private func builderFactory(_ workspace: Workspace) throws -> @Sendable () -> CalendarBuilder {
        let state = try workspace.state.publishedInvitations()
        let stamp = CalendarStamp.stamp(for: workspace, state: state)
        let sequences = Dictionary(
            (state?.sessions ?? [:]).filter { !$0.value.cancelled }.map { (Session.ID($0.key), $0.value.sequence) },
            uniquingKeysWith: max)
        let directory = systemTimeZoneDirectory
        return {
            CalendarBuilder(
                workspace: workspace, stamp: stamp, sequences: sequences,
                systemZones: SystemZoneRules(directory: directory))
        }
    }

    /// Every session's entry in each language some calendar needs (`.both` for the event and room calendars,
    /// the attendees' languages for personal ones), built once, on every core. Indexed by position in
    /// `sessions`, then by language; also returns the zones each part had to correct.
    private func sessionEntries(
        _ sessions: [Session], languages: [Set<CalendarLanguage>], makeBuilder: () -> CalendarBuilder
    ) -> (entries: [[CalendarLanguage: CalendarEntry]], corrected: [[String: Set<String>]]) {
        let parts = max(1, min(4 * ProcessInfo.processInfo.activeProcessorCount, sessions.count / 250))
        let built = parallelMap(parts) { part in
            let builder = makeBuilder()
            let range = (sessions.count * part / parts)..<(sessions.count * (part + 1) / parts)
            let entries = range.map { index in
                var byLanguage: [CalendarLanguage: CalendarEntry] = [:]
                for language in CalendarLanguage.allCases where language == .both || languages[index].contains(language)
                {
                    byLanguage[language] = builder.sessionEntry(sessions[index], language: language)
                }
                return byLanguage
            }
            return (entries: entries, corrected: builder.systemZones.corrected)
        }
        return (built.flatMap(\.entries), built.map(\.corrected))
    }

    /// Plans the files under `calendars/`: every entry is built now (on every core), the text of each file is
    /// streamed when the runner writes it.
    public func plan(_ workspace: Workspace, in directory: String) throws -> ExportPlan {
        let makeBuilder = try builderFactory(workspace)
        let builder = makeBuilder()
        let writer = CalendarWriter(builder)
        var plan = ExportPlan()
        let event = workspace.event
        let sessions = uniqueSessions(workspace)

        // Who attends what, and in which languages each session is needed.
        var seenPeople = Set<Person.ID>()
        let people = workspace.people.filter { seenPeople.insert($0.id).inserted }
        var attendance: [Person.ID: [Int]] = [:]
        for (index, session) in sessions.enumerated() {
            for reference in session.attendees { attendance[reference.id, default: []].append(index) }
        }
        var languages = [Set<CalendarLanguage>](repeating: [], count: sessions.count)
        for person in people {
            let language = CalendarLanguage(for: person)
            for index in attendance[person.id] ?? [] { languages[index].insert(language) }
        }
        let (entryTable, correctedByPart) = sessionEntries(sessions, languages: languages, makeBuilder: makeBuilder)

        let unresolved = sessions.filter { $0.interval == nil }.map(\.id.rawValue)
        if !unresolved.isEmpty {
            plan.notes.append(
                .always(
                    "left out \(unresolved.count) session(s) whose times do not resolve (see baraza check): "
                        + unresolved.joined(separator: ", ")))
        }

        // The whole event.
        plan.files.append(
            writer.file(
                "calendars/event.ics", named: event.title.bilingual, entries: entryTable.compactMap { $0[.both] }))

        // One per room that has sessions.
        var byRoom: [Room.ID: [Int]] = [:]
        for (index, session) in sessions.enumerated() {
            if let room = workspace.room(of: session) { byRoom[room.id, default: []].append(index) }
        }
        for venue in workspace.venues {
            for room in venue.rooms {
                guard let roomSessions = byRoom.removeValue(forKey: room.id) else { continue }
                plan.files.append(
                    writer.file(
                        "calendars/rooms/\(Self.fileName(room.id.rawValue)).ics",
                        named: "\(event.title.bilingual): \(room.name), \(venue.name)",
                        entries: roomSessions.compactMap { entryTable[$0][.both] }))
            }
        }

        // One per person. People are split into contiguous runs planned on separate cores, each run with its own
        // builder and caches; results are joined in people order, so the files and the listing are the same
        // whatever the number of cores.
        let extrasByPerson = Dictionary(grouping: extraItems, by: \.person)
        let unknownExtras = Set(extrasByPerson.keys).subtracting(workspace.peopleByID.keys)
        let automatic = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount, people.count / 500))
        let runs = max(1, min(writers ?? automatic, max(1, people.count)))
        let planned = parallelMap(runs) { run -> ([PlannedFile], [String: Set<String>]) in
            let range = (people.count * run / runs)..<(people.count * (run + 1) / runs)
            let runBuilder = makeBuilder()
            var files: [PlannedFile] = []
            for person in people[range] {
                let language = CalendarLanguage(for: person)
                var entries = (attendance[person.id] ?? []).compactMap { entryTable[$0][language] }
                entries += runBuilder.logisticsEntries(
                    for: person, language: language, extras: extrasByPerson[person.id] ?? [])
                guard !entries.isEmpty else { continue }
                files.append(
                    writer.file(
                        "calendars/people/\(Self.fileName(person.id.rawValue)).ics",
                        named: language.pick(event.title) + ": " + person.name, entries: entries))
            }
            return (files, runBuilder.systemZones.corrected)
        }
        var corrected = builder.systemZones.corrected
        for part in correctedByPart { corrected.merge(part) { $0.union($1) } }
        for (files, zones) in planned {
            plan.files += files
            corrected.merge(zones) { $0.union($1) }
        }
        plan.notes += builder.systemZones.notes(for: corrected).map(ExportNote.always)
        if !unknownExtras.isEmpty {
            plan.notes.append(
                .always(
                    "extra items name unknown people: "
                        + unknownExtras.map(\.rawValue).sorted().joined(separator: ", ")))
        }
        return plan
    }

    /// The workspace's sessions, first of each id.
    func uniqueSessions(_ workspace: Workspace) -> [Session] {
        var seen = Set<Session.ID>()
        return workspace.sessions.filter { seen.insert($0.id).inserted }
    }

    /// An id as a file name: ids are letters, digits, `-`, `_`, `.` and `@`; a leading dot is replaced so no
    /// file is hidden.
    static func fileName(_ id: String) -> String {
        id.hasPrefix(".") ? "_" + id.dropFirst() : id
    }
}
