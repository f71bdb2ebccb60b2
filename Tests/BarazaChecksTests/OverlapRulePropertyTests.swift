import BarazaModel
import BarazaTestSupport
import PropertyBased
import Testing

@testable import BarazaChecks

/// Room double bookings and participants' overlapping sign-ups against all-pairs checks, on random workspaces.
struct OverlapRulePropertyTests {
    struct RandomSession: Sendable {
        var spec: SessionSpec
        /// 0: no room; 1, 2: a room of the venue; 3: a room nobody defined.
        var room: Int
        /// Bit i set: person i signs up (or presents).
        var signUps: Int
        var speakers: Int
    }

    static let people = ["kossi-agbo", "aicha-ben-salah", "maria-nhantumbo"]
    static let rooms = [nil, "auditorium", "room-b", "atelier"]

    static func sessions() -> Generator<RandomSession, some SendableSequenceType> {
        zip(RandomSchedules.session(minLength: 1), Gen.int(in: 0...3), Gen.int(in: 0...7), Gen.int(in: 0...7))
            .map { t in RandomSession(spec: t.0, room: t.1, signUps: t.2, speakers: t.3) }
    }

    static func build(_ random: [RandomSession]) -> Workspace {
        var b = WorkspaceBuilder()
        b.venue("kcc", rooms: ["auditorium", "room-b"])
        for id in people { b.person(id, roles: [.participant]) }
        for (index, s) in random.enumerated() {
            func ids(_ mask: Int) -> [String] { people.indices.filter { mask & (1 << $0) != 0 }.map { people[$0] } }
            let interval = s.spec.interval
            b.session(
                "s\(index)",
                interval: interval ?? Interval(start: .init(secondsSince1970: 0), end: .init(secondsSince1970: 60)),
                zone: RandomSchedules.nights[s.spec.night].zone, venue: "kcc", room: rooms[s.room],
                speakers: ids(s.speakers), signUps: ids(s.signUps))
            if interval == nil { b.sessions[index].interval = nil }
        }
        return b.build()
    }

    /// (who or where, the two session ids sorted, minutes) for every overlapping pair that `pairs` selects.
    static func allPairs(_ w: Workspace, owners: [String], _ selects: (String, Session, Session) -> Bool) -> [String] {
        var out: [String] = []
        for owner in owners {
            for i in w.sessions.indices {
                for j in w.sessions.indices where i < j {
                    let a = w.sessions[i]
                    let b = w.sessions[j]
                    guard let x = a.interval, let y = b.interval, x.overlaps(y), selects(owner, a, b) else { continue }
                    out.append("\(owner) \(a.id) \(b.id) \(x.overlapMinutes(with: y))")
                }
            }
        }
        return out.sorted()
    }

    static func described(_ findings: [Finding]) -> [String] {
        findings.map { f in
            let ids = f.subjects[1...].map(\.id).sorted { Int($0.dropFirst())! < Int($1.dropFirst())! }
            return "\(f.subjects[0].id) \(ids[0]) \(ids[1]) \(f.minutes ?? -1)"
        }.sorted()
    }

    @Test func roomDoubleBookingsAreExactlyTheOverlappingPairsOfEachRoom() async {
        var nonEmpty = 0
        await propertyCheck(count: 200, input: Self.sessions().array(of: 2...16)) { random in
            let w = Self.build(random)
            // Sessions in a room nobody defined are the unknown-reference rule's business.
            let expected = Self.allPairs(w, owners: ["auditorium", "room-b"]) { room, a, b in
                a.room?.id.rawValue == room && b.room?.id.rawValue == room
            }
            #expect(Self.described(RoomDoubleBookedRule().check(w)) == expected)
            if !expected.isEmpty { nonEmpty += 1 }
        }
        #expect(nonEmpty >= 30, "only \(nonEmpty) of 200 workspaces had a room clash")
    }

    @Test func participantOverlapsAreExactlyTheOverlappingPairsOfEachSignUp() async {
        var nonEmpty = 0
        await propertyCheck(count: 200, input: Self.sessions().array(of: 2...16)) { random in
            let w = Self.build(random)
            let expected = Self.allPairs(w, owners: Self.people) { person, a, b in
                let signed = { (s: Session) in s.signUps.contains { $0.id.rawValue == person } }
                let presents = { (s: Session) in s.presenters.contains { $0.id.rawValue == person } }
                // Presenting in both is a double booking, reported by its own rule.
                return signed(a) && signed(b) && !(presents(a) && presents(b))
            }
            let findings = ParticipantOverlapRule().check(w)
            #expect(Self.described(findings) == expected)
            #expect(findings.allSatisfy { $0.severity == .warning })
            if !expected.isEmpty { nonEmpty += 1 }
        }
        #expect(nonEmpty >= 60, "only \(nonEmpty) of 200 workspaces had an overlapping sign-up")
    }

    /// The rule as it was before it worked on session positions (copies of each session per sign-up): the new
    /// form must give the same findings, in the same order.
    static func previousParticipantOverlap(_ w: Workspace) -> [Finding] {
        let rule = ParticipantOverlapRule()
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
                guard ParticipantOverlapRule.counts(personID, a, b) else { continue }
                findings.append(
                    Finding(
                        rule: rule.id, severity: rule.defaultSeverity,
                        subjects: [w.subject(person), w.subject(a), w.subject(b)],
                        occurrences: [w.occurrence(a, for: person)!, w.occurrence(b, for: person)!], minutes: minutes,
                        locations: [person.location, b.location, a.location], event: w.event.id.rawValue))
            }
        }
        return findings
    }

    @Test func participantOverlapsOnSessionPositionsAreThePreviousFindings() async {
        var nonEmpty = 0
        // `twice`: bit i set, session i lists its first sign-up a second time (counted once).
        await propertyCheck(count: 200, input: zip(Self.sessions().array(of: 2...16), Gen.int(in: 0...0xFFFF))) {
            input in
            let (random, twice) = input
            var w = Self.build(random)
            for i in w.sessions.indices where twice & (1 << i) != 0 {
                if let first = w.sessions[i].signUps.first { w.sessions[i].signUps.append(first) }
            }
            // Unknown people are the unknown-reference rule's: one sign-up names nobody.
            if let i = w.sessions.indices.first {
                w.sessions[i].signUps.append(Reference(Person.ID("nobody"), at: w.sessions[i].location))
            }
            let previous = Self.previousParticipantOverlap(w)
            #expect(ParticipantOverlapRule().check(w) == previous)
            if !previous.isEmpty { nonEmpty += 1 }
        }
        #expect(nonEmpty >= 60, "only \(nonEmpty) of 200 workspaces had an overlapping sign-up")
    }
}
