import BarazaModel
import BarazaTestSupport
import PropertyBased
import Testing

@testable import BarazaChecks

/// A person presenting in two events at once, matched across workspaces by id or by email, against a naive
/// grouping and an all-pairs comparison.
struct CrossWorkspacePropertyTests {
    /// One person of one workspace: an id and an email drawn from small pools, so that matches are frequent.
    struct RandomPerson: Sendable {
        var id: Int
        var email: Int?
    }

    struct RandomSession: Sendable {
        var spec: SessionSpec
        /// Index into the workspace's people (wrapped), or nil for a session nobody presents.
        var presenter: Int?
    }

    struct RandomWorkspace: Sendable {
        var people: [RandomPerson]
        var sessions: [RandomSession]
    }

    static func workspace() -> Generator<RandomWorkspace, some SendableSequenceType> {
        let person = zip(Gen.int(in: 0...3), Gen.int(in: 0...3).optional).map { RandomPerson(id: $0, email: $1) }
        let session = zip(RandomSchedules.session(minLength: 1), Gen.int(in: 0...3).optional)
            .map { RandomSession(spec: $0, presenter: $1) }
        return zip(person.array(of: 1...3), session.array(of: 2...10)).map { RandomWorkspace(people: $0, sessions: $1) }
    }

    static func build(_ random: RandomWorkspace, event: String) -> Workspace {
        var b = WorkspaceBuilder(eventID: event)
        b.onlineVenue("video")
        var ids: [String] = []
        for p in random.people {
            let id = "person-\(p.id)"
            // Ids are unique within one workspace (the loader reports duplicates).
            guard !ids.contains(id) else { continue }
            ids.append(id)
            b.person(id, email: p.email.map { "someone-\($0)@example.org" })
        }
        for (index, s) in random.sessions.enumerated() {
            guard let interval = s.spec.interval else { continue }
            b.session(
                "\(event)-s\(index)", interval: interval, zone: RandomSchedules.nights[s.spec.night].zone,
                kind: .online,
                venue: "video", speakers: s.presenter.map { [ids[$0 % ids.count]] } ?? [])
        }
        return b.build()
    }

    /// Every pair of sessions of two different workspaces presented by people linked (directly or through
    /// others) by the same id or the same email, that overlap: `event/session event/session minutes`.
    static func bruteForce(_ workspaces: [Workspace]) -> [String] {
        var entries: [(workspace: Int, person: Person)] = []
        for (i, w) in workspaces.enumerated() { for p in w.people { entries.append((i, p)) } }
        // Naive grouping: merge until nothing changes.
        var group = Array(entries.indices)
        var changed = true
        while changed {
            changed = false
            for i in entries.indices {
                for j in entries.indices where group[i] != group[j] {
                    let a = entries[i].person
                    let b = entries[j].person
                    if a.id == b.id || (a.email != nil && a.email == b.email) {
                        let (keep, drop) = (min(group[i], group[j]), max(group[i], group[j]))
                        for k in group.indices where group[k] == drop { group[k] = keep }
                        changed = true
                    }
                }
            }
        }
        var clashes: [String] = []
        for i in entries.indices {
            for j in entries.indices where group[i] == group[j] && entries[i].workspace < entries[j].workspace {
                let wa = workspaces[entries[i].workspace]
                let wb = workspaces[entries[j].workspace]
                let presents = { (s: Session, p: Person) in s.presenters.contains { $0.id == p.id } }
                for a in wa.sessions where presents(a, entries[i].person) {
                    for b in wb.sessions where presents(b, entries[j].person) {
                        guard let x = a.interval, let y = b.interval, x.overlaps(y) else { continue }
                        clashes.append(
                            "\(wa.event.id)/\(a.id) \(wb.event.id)/\(b.id) \(x.overlapMinutes(with: y))")
                    }
                }
            }
        }
        return clashes.sorted()
    }

    @Test func clashesAcrossWorkspacesAreExactlyTheLinkedOverlappingPairs() async {
        var withClashes = 0
        await propertyCheck(count: 200, input: Self.workspace(), Self.workspace()) { first, second in
            let workspaces = [Self.build(first, event: "dakar-forum"), Self.build(second, event: "kigali-summit")]
            let findings = crossWorkspaceDoubleBookings(workspaces)
            let found = findings.map { f in
                // Occurrences carry each session's own event; order the pair by workspace as the brute force does.
                let keys = f.occurrences.map { "\($0.event)/\($0.id)" }.sorted()
                return "\(keys[0]) \(keys[1]) \(f.minutes ?? -1)"
            }
            #expect(found.sorted() == Self.bruteForce(workspaces))
            if !found.isEmpty { withClashes += 1 }
            for f in findings {
                #expect(Set(f.occurrences.map(\.event)) == ["dakar-forum", "kigali-summit"])
                #expect(f.facts.map(\.name) == ["across workspaces"])
            }
        }
        // The generator must produce clashes often enough for the comparison to mean something.
        #expect(withClashes >= 30, "only \(withClashes) of 200 runs had a clash")
    }
}
