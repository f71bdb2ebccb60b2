import BarazaModel

/// Who attended which session, and where that knowledge comes from.
public struct Attendance: Sendable, Hashable {
    /// Where attendance comes from; packs and certificates say it.
    public enum Source: Sendable, Hashable {
        /// A check-in file in the workspace (its path relative to the workspace).
        case checkInFile(String)
        /// No check-in file: attendance is taken from sign-ups and speaker/moderator lists.
        case signUpsAndSpeakers
    }

    /// Where the data comes from.
    public var source: Source
    /// Sessions each person attended, in programme order (start instant, then id).
    public var sessionsByPerson: [Person.ID: [Session.ID]]

    /// Attendance as recorded by a check-in file at `file`. Check-ins naming unknown ids are skipped
    /// (the loader reports them as errors before this point).
    public init(checkIns: [CheckIn], file: String, workspace: Workspace) {
        var map: [Person.ID: Set<Session.ID>] = [:]
        for c in checkIns where workspace.peopleByID[c.person.id] != nil && workspace.sessionsByID[c.session.id] != nil
        {
            map[c.person.id, default: []].insert(c.session.id)
        }
        self.init(source: .checkInFile(file), sets: map, workspace: workspace)
    }

    /// Attendance inferred from the plan: people signed up to a session, and its speakers and moderators.
    public init(plannedFrom workspace: Workspace) {
        var map: [Person.ID: Set<Session.ID>] = [:]
        for s in workspace.sessions {
            for ref in s.signUps + s.presenters where workspace.peopleByID[ref.id] != nil {
                map[ref.id, default: []].insert(s.id)
            }
        }
        self.init(source: .signUpsAndSpeakers, sets: map, workspace: workspace)
    }

    private init(source: Source, sets: [Person.ID: Set<Session.ID>], workspace: Workspace) {
        self.source = source
        let order = Dictionary(
            uniqueKeysWithValues: Self.programmeOrder(workspace.sessions).enumerated().map { ($1.id, $0) })
        sessionsByPerson = sets.mapValues { $0.sorted { order[$0]! < order[$1]! } }
    }

    /// People who attended at least one session, sorted by id.
    public var attendees: [Person.ID] { sessionsByPerson.keys.filter { !sessionsByPerson[$0]!.isEmpty }.sorted() }

    /// Sessions sorted by start (unresolved times by their wall reading), then id.
    static func programmeOrder(_ sessions: [Session]) -> [Session] {
        // A total order: the start instant, or for an unresolved time its wall reading taken as UTC.
        func key(_ s: Session) -> Int64 {
            s.interval?.start.secondsSince1970
                ?? ((try? WallTime(local: s.start.local, zone: .utc).resolve().get())?.secondsSince1970 ?? 0)
        }
        return sessions.map { (key($0), $0) }.sorted { ($0.0, $0.1.id) < ($1.0, $1.1.id) }.map(\.1)
    }
}
