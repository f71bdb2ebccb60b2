import BarazaModel

/// A participant signed up for two sessions that overlap.
public struct ParticipantOverlapRule: Rule {
    public init() {}
    public var id: String { "participant-overlap" }
    public var defaultSeverity: Severity { .warning }
    public var summary: String { "a participant is signed up for two sessions that overlap" }

    public func check(_ w: Workspace) -> [Finding] {
        var bySignUp: [Person.ID: [(interval: Interval, item: Session)]] = [:]
        for session in w.sessions {
            guard let interval = session.interval else { continue }
            var seen: Set<Person.ID> = []
            for ref in session.signUps where seen.insert(ref.id).inserted {
                bySignUp[ref.id, default: []].append((interval, session))
            }
        }
        var findings: [Finding] = []
        for personID in bySignUp.keys.sorted() {
            guard let person = w.peopleByID[personID] else { continue }
            for (a, b, minutes) in overlappingPairs(bySignUp[personID]!) {
                // A presenter's own sessions are the double-booking rule's business.
                if a.presenters.contains(where: { $0.id == personID })
                    && b.presenters.contains(where: { $0.id == personID })
                {
                    continue
                }
                findings.append(
                    finding(
                        w, subjects: [w.subject(person), w.subject(a), w.subject(b)],
                        occurrences: [w.occurrence(a, for: person)!, w.occurrence(b, for: person)!], minutes: minutes,
                        locations: [person.location, b.location, a.location]))
            }
        }
        return findings
    }
}

/// Signed-up participants who neither speak the session's language nor get interpretation into one they speak.
public struct LanguageRule: Rule {
    public init() {}
    public var id: String { "language-not-covered" }
    public var defaultSeverity: Severity { .warning }
    public var summary: String {
        "participants speak neither the session's language nor any language it is interpreted into"
    }

    public func check(_ w: Workspace) -> [Finding] {
        w.sessions.compactMap { session in
            guard let language = session.language else { return nil }
            let covered = Set([language] + session.interpretation + (w.room(of: session)?.interpretation ?? []))
            var seen: Set<Person.ID> = []
            let left = session.signUps.compactMap { ref -> Person? in
                guard seen.insert(ref.id).inserted, let p = w.peopleByID[ref.id], !p.languages.isEmpty,
                    covered.isDisjoint(with: p.languages)
                else { return nil }
                return p
            }
            guard !left.isEmpty else { return nil }
            return finding(
                w, subjects: [w.subject(session)] + left.map { w.subject($0) },
                occurrences: [w.occurrence(session)].compactMap { $0 },
                facts: [
                    Fact("session language", language.code),
                    Fact(
                        "interpretation", covered.subtracting([language]).sorted().map(\.code).joined(separator: ", ")),
                    Fact("people left out", "\(left.count)"),
                    Fact(
                        "their languages", Set(left.flatMap(\.languages)).sorted().map(\.code).joined(separator: ", ")),
                ], locations: [session.location])
        }
    }
}
