import BarazaTestSupport
import PropertyBased
import Testing

@testable import BarazaModel

/// `Workspace.sessionAttendees` against its definition, on random workspaces with ids written twice in one session,
/// people sharing an id, and references to no one.
struct SessionAttendeesTests {
    /// Up to 12 people (ids from a pool of 8, so some repeat) and up to 10 sessions, each naming speakers,
    /// moderators and sign-ups from a pool of 10 ids (two of them no one's).
    static func workspace(seed: UInt64) -> Workspace {
        var random = SeededGenerator(seed: seed)
        var b = WorkspaceBuilder()
        for _ in 0..<random.below(13) { b.person("p\(random.below(8))") }
        func ids(_ most: Int) -> [String] { (0..<random.below(most + 1)).map { _ in "p\(random.below(10))" } }
        let start = Instant(utc: "2026-11-17T08:00:00Z")
        for k in 0..<random.below(11) {
            let interval = Interval(start: start.adding(minutes: 60 * k), end: start.adding(minutes: 60 * k + 45))
            b.session("s\(k)", interval: interval, speakers: ids(2), moderators: ids(1), signUps: ids(6))
        }
        return b.build()
    }

    @Test func eachPersonsSessionsAndEachSessionsSignUpsAreThoseTheDefinitionGives() async {
        var withSharedIDs = 0
        var withUnknownIDs = 0
        await propertyCheck(count: 400, input: Gen.uint64()) { seed in
            let w = Self.workspace(seed: seed)
            let ids = w.people.map(\.id)
            let first = { (id: Person.ID) in ids.firstIndex(of: id) }
            if Set(ids).count < ids.count { withSharedIDs += 1 }
            if w.sessions.contains(where: { s in s.attendees.contains { first($0.id) == nil } }) { withUnknownIDs += 1 }
            let naming = { (id: Person.ID) in
                w.sessions.indices.filter { w.sessions[$0].attendees.contains { $0.id == id } }
            }
            for (p, person) in w.people.enumerated() {
                // The first person with an id attends every session naming it, in programme order, once each; a
                // later person with the same id attends nothing by position (the first stands for them).
                let expected = first(person.id) == p ? naming(person.id) : []
                let found = Array(w.sessionAttendees.sessions(attendedByPersonAt: p))
                #expect(found == expected, "seed \(seed), person \(p)")
                #expect(Array(w.sessionIndices(attendedBy: person.id)) == naming(person.id), "seed \(seed)")
            }
            for (s, session) in w.sessions.enumerated() {
                // Sign-ups in the order written, repeats kept, no one's left out.
                #expect(w.sessionAttendees.signUps[s] == session.signUps.compactMap { first($0.id) }, "seed \(seed)")
            }
            #expect(w.sessionIndices(attendedBy: "nobody").isEmpty)
            // Resolved by ranges of sessions on several cores, as for a large workspace: the same.
            for pieces in 2...5 {
                let split = SessionAttendees(
                    sessions: w.sessions, people: w.people.count, byID: w.peopleByID, pieces: pieces)
                #expect(split.signUps == w.sessionAttendees.signUps, "seed \(seed), \(pieces) pieces")
                #expect(
                    w.people.indices.allSatisfy {
                        split.sessions(attendedByPersonAt: $0) == w.sessionAttendees.sessions(attendedByPersonAt: $0)
                    }, "seed \(seed), \(pieces) pieces")
            }
        }
        #expect(withSharedIDs >= 100 && withUnknownIDs >= 100)
    }
}
