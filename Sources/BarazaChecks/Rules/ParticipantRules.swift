import BarazaModel

/// A participant signed up for two sessions that overlap.
public struct ParticipantOverlapRule: Rule {
    public var walksEveryone: Bool { true }
    public init() {}
    public var id: String { "participant-overlap" }
    public var defaultSeverity: Severity { .warning }
    public var summary: String { "a participant is signed up for two sessions that overlap" }

    public func check(_ w: Workspace) -> [Finding] {
        // Each person's sign-ups as positions in `w.sessions`, in programme order, kept by the person's position in
        // `w.people`: 100,000 people sign up, and people and sessions are read in place (only those in a finding
        // are copied).
        let signUps = w.sessionAttendees.signUps
        var timelines = [[(interval: Interval, item: Int)]](repeating: [], count: w.people.count)
        for index in w.sessions.indices {
            guard let interval = w.sessions[index].interval else { continue }
            // Someone written twice in one session's sign-ups counts once: their list already ends with it.
            for position in signUps[index] where timelines[position].last?.item != index {
                timelines[position].append((interval, index))
            }
        }
        var found: [(person: Person.ID, findings: [Finding])] = []
        for position in timelines.indices where timelines[position].count > 1 {
            let person = w.people[position]
            var findings: [Finding] = []
            for (i, j, minutes) in overlappingPairs(timelines[position]) {
                guard Self.counts(person.id, at: i, j, in: w.sessions) else { continue }
                let (a, b) = (w.sessions[i], w.sessions[j])
                findings.append(
                    finding(
                        w, subjects: [w.subject(person), w.subject(a), w.subject(b)],
                        occurrences: [w.occurrence(a, for: person)!, w.occurrence(b, for: person)!], minutes: minutes,
                        locations: [person.location, b.location, a.location]))
            }
            if !findings.isEmpty { found.append((person.id, findings)) }
        }
        return found.sorted { $0.person < $1.person }.flatMap(\.findings)
    }

    /// ``counts(_:_:_:)`` for the sessions at positions `a` and `b` of `sessions`, read in place.
    static func counts(_ person: Person.ID, at a: Int, _ b: Int, in sessions: [Session]) -> Bool {
        func presents(_ s: Int) -> Bool {
            sessions[s].speakers.contains { $0.id == person } || sessions[s].moderators.contains { $0.id == person }
        }
        return !(presents(a) && presents(b))
    }

    /// Whether an overlap of two sessions `person` signed up for is this rule's: not when they present both (that is
    /// a double booking). With `NotParallelRule.clash`, the rule's incremental form for one pair.
    public static func counts(_ person: Person.ID, _ a: Session, _ b: Session) -> Bool {
        !(a.presenters.contains { $0.id == person } && b.presenters.contains { $0.id == person })
    }
}

/// Signed-up participants who neither speak the session's language nor get interpretation into one they speak.
public struct LanguageRule: Rule {
    public var walksEveryone: Bool { true }
    public init() {}
    public var id: String { "language-not-covered" }
    public var defaultSeverity: Severity { .warning }
    public var summary: String {
        "participants speak neither the session's language nor any language it is interpreted into"
    }

    public func check(_ w: Workspace) -> [Finding] {
        let signUps = w.sessionAttendees.signUps
        let spoken = SpokenLanguages.of(w)
        return w.sessions.indices.compactMap { index in
            let session = w.sessions[index]
            guard let language = session.language else { return nil }
            let room = w.room(of: session)
            let covered = Self.covered(session, room: room)
            // Sign-ups are read as positions, their languages as bits where they fit (or read in place).
            let positions: [Int]
            if let spoken {
                let mask = spoken.mask(covered)
                positions = Self.leftOut(signUps[index]) { spoken.isLeftOut($0, covered: mask) }
            } else {
                positions = Self.leftOut(signUps[index]) {
                    Self.isLeftOut(speaking: w.people[$0].languages, covered: covered)
                }
            }
            guard !positions.isEmpty else { return nil }
            // Hundreds of thousands of people can be left out in all: their subjects and languages are read in
            // place too.
            let theirLanguages =
                spoken.map { spoken in spoken.languages(positions.reduce(0) { $0 | spoken.byPerson[$1] }) }
                ?? Set(positions.flatMap { w.people[$0].languages }).sorted()
            return finding(
                w, subjects: [w.subject(session)] + positions.map { w.subject(personAt: $0) },
                occurrences: [w.occurrence(session)].compactMap { $0 },
                facts: [
                    Fact("session language", language.code),
                    Fact("interpretation", covered.dropFirst().sorted().map(\.code).joined(separator: ", ")),
                    Fact("people left out", "\(positions.count)"),
                    Fact("their languages", theirLanguages.map(\.code).joined(separator: ", ")),
                ], locations: [session.location])
        }
    }

    /// The signed-up people who speak neither the session's language nor any it is interpreted into (its own
    /// interpretation and `room`'s booths), each once: the rule's incremental form, for one room.
    public static func leftOut(_ session: Session, room: Room?, people: PeopleByID) -> [Person] {
        let covered = covered(session, room: room)
        guard !covered.isEmpty else { return [] }
        return leftOut(session.signUps.map(\.id)) { id in
            people[id].map { isLeftOut(speaking: $0.languages, covered: covered) } ?? false
        }.map { people[$0]! }
    }

    /// The session's language and those it is interpreted into (its own interpretation and `room`'s booths), each
    /// once; none when the session gives no language. A handful: compared in a list, not hashed.
    static func covered(_ session: Session, room: Room?) -> [Language] {
        guard let language = session.language else { return [] }
        var covered = [language]
        for other in session.interpretation + (room?.interpretation ?? []) where !covered.contains(other) {
            covered.append(other)
        }
        return covered
    }

    /// Whether someone speaking `languages` is left out where `covered` are spoken: they gave languages, and none
    /// is covered.
    static func isLeftOut(speaking languages: [Language], covered: [Language]) -> Bool {
        !languages.isEmpty && !languages.contains(where: covered.contains)
    }

    /// The keys among `signUps` (ids, or positions in the workspace's people) for which `isLeftOut` holds, each
    /// once, in the order first written.
    static func leftOut<Key: Hashable>(_ signUps: [Key], isLeftOut: (Key) -> Bool) -> [Key] {
        // Only people left out can be repeated among those left out: the set of those seen is that small.
        var left: [Key] = []
        var seen: Set<Key> = []
        for key in signUps where isLeftOut(key) && seen.insert(key).inserted { left.append(key) }
        return left
    }
}
