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

        // One per person, each streamed to its own file. People are split into contiguous runs written on
        // separate cores, each run with its own builder and caches; results are joined in people order, so the
        // files and the listing are the same whatever the number of cores.
        var attendance: [Person.ID: [Int]] = [:]
        for (index, session) in sessions.enumerated() {
            for reference in session.attendees { attendance[reference.id, default: []].append(index) }
        }
        let sessionsByPerson = attendance
        let extrasByPerson = Dictionary(grouping: extraItems, by: \.person)
        let unknownExtras = Set(extrasByPerson.keys).subtracting(workspace.peopleByID.keys)
        var seenPeople = Set<Person.ID>()
        let people = workspace.people.filter { seenPeople.insert($0.id).inserted }
        let automatic = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount, people.count / 500))
        let runs = max(1, min(writers ?? automatic, max(1, people.count)))
        let outcomes = RunOutcomes(count: runs)
        DispatchQueue.concurrentPerform(iterations: runs) { run in
            let range = (people.count * run / runs)..<(people.count * (run + 1) / runs)
            do {
                let runBuilder = try makeBuilder(workspace)
                var runResult = ExportResult()
                var entryCache = [[CalendarEntry?]](repeating: [nil, nil, nil], count: sessions.count)
                for person in people[range] {
                    let language = CalendarLanguage(for: person)
                    var entries: [CalendarEntry] = []
                    for index in sessionsByPerson[person.id] ?? [] {
                        // Cached by position: looking a session up (and copying it) per person costs more than
                        // the text.
                        let slot = languageSlot(language)
                        if let entry = entryCache[index][slot] {
                            entries.append(entry)
                        } else if let entry = runBuilder.sessionEntry(sessions[index], language: language) {
                            entryCache[index][slot] = entry
                            entries.append(entry)
                        }
                    }
                    entries += runBuilder.logisticsEntries(
                        for: person, language: language, extras: extrasByPerson[person.id] ?? [])
                    guard !entries.isEmpty else { continue }
                    let name = language.pick(event.title) + ": " + person.name
                    try write(
                        "people/\(Self.fileName(person.id.rawValue)).ics", in: folder, context: context,
                        result: &runResult
                    ) { output in
                        runBuilder.writeCalendar(named: name, entries: entries, to: &output)
                    }
                }
                outcomes.set(run, .success((runResult.files, runBuilder.systemZones.corrected)))
            } catch {
                outcomes.set(run, .failure(error))
            }
        }
        var corrected = builder.systemZones.corrected
        for outcome in outcomes.all {
            let (files, zones) = try outcome.get()
            result.files += files
            corrected.merge(zones) { $0.union($1) }
        }
        result.notes += builder.systemZones.notes(for: corrected)
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

/// What each run of people produced: its files and the events it wrote in UTC, by zone; or its error.
private final class RunOutcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [Result<([String], [String: Set<String>]), any Error>]

    init(count: Int) { outcomes = Array(repeating: .success(([], [:])), count: count) }

    func set(_ run: Int, _ outcome: Result<([String], [String: Set<String>]), any Error>) {
        lock.lock()
        outcomes[run] = outcome
        lock.unlock()
    }

    var all: [Result<([String], [String: Set<String>]), any Error>] {
        lock.lock()
        defer { lock.unlock() }
        return outcomes
    }
}
