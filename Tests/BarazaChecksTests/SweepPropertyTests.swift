import BarazaModel
import BarazaTestSupport
import PropertyBased
import Testing

@testable import BarazaChecks

/// The sort-and-sweep overlap finder against the obvious all-pairs comparison, on random schedules written
/// around clock changes and midnight.
struct SweepPropertyTests {
    struct Pair: Hashable, Comparable, CustomStringConvertible {
        var first: Int, second: Int, minutes: Int
        init(_ a: Int, _ b: Int, _ minutes: Int) {
            (first, second, self.minutes) = (min(a, b), max(a, b), minutes)
        }
        static func < (x: Pair, y: Pair) -> Bool { (x.first, x.second, x.minutes) < (y.first, y.second, y.minutes) }
        var description: String { "\(first)–\(second) \(minutes) min" }
    }

    /// All pairs: two items overlap when both last some time and share at least one second.
    static func bruteForce(_ intervals: [Interval]) -> [Pair] {
        var pairs: [Pair] = []
        for i in intervals.indices {
            for j in intervals.indices where i < j {
                let a = intervals[i]
                let b = intervals[j]
                guard a.start < a.end, b.start < b.end, a.start < b.end, b.start < a.end else { continue }
                pairs.append(Pair(i, j, a.overlapMinutes(with: b)))
            }
        }
        return pairs.sorted()
    }

    @Test func sweepFindsExactlyTheOverlappingPairs() async {
        var withPairs = 0
        await propertyCheck(count: 300, input: RandomSchedules.session().array(of: 0...30)) { specs in
            let intervals = specs.compactMap(\.interval)
            let swept = overlappingPairs(intervals.enumerated().map { (interval: $1, item: $0) })
            #expect(swept.map { Pair($0.0, $0.1, $0.minutes) }.sorted() == Self.bruteForce(intervals))
            // Each pair comes out earlier-starting first.
            for (a, b, _) in swept { #expect(intervals[a].start <= intervals[b].start) }
            if !swept.isEmpty { withPairs += 1 }
        }
        #expect(withPairs >= 150, "only \(withPairs) of 300 schedules had an overlap")
    }

    @Test func theRandomSchedulesReallyCrossClockChangesAndMidnight() {
        // Guard against a generator that drifted away from the transitions it is meant to exercise.
        var ambiguous = 0
        var gaps = 0
        var midnight = 0
        for night in RandomSchedules.nights.indices {
            for step in 0...48 {
                let spec = SessionSpec(
                    night: night, startStep: step, lengthSteps: 24, later: false, endAsWallTime: false)
                let n = RandomSchedules.nights[night]
                switch n.zone.resolve(n.start.adding(seconds: Int64(step) * 300)) {
                case .ambiguous: ambiguous += 1
                case .nonexistent: gaps += 1
                case .unique: break
                }
                if let i = spec.interval, n.zone.localDateTime(at: i.start).date != n.zone.localDateTime(at: i.end).date
                {
                    midnight += 1
                }
            }
        }
        #expect(ambiguous == 24)  // 12 five-minute starts in each of two repeated hours
        #expect(gaps == 24)
        #expect(midnight > 0)
    }

    @Test func touchingAndZeroLengthItemsDoNotOverlap() {
        let t = Instant(utc: "2026-10-25T00:00:00Z")
        let items = [
            Interval(start: t, end: t.adding(minutes: 60)),
            Interval(start: t.adding(minutes: 60), end: t.adding(minutes: 90)),
            Interval(start: t.adding(minutes: 30), end: t.adding(minutes: 30)),
            Interval(start: t.adding(minutes: 30), end: t.adding(minutes: 75)),
        ]
        let pairs = overlappingPairs(items.enumerated().map { (interval: $1, item: $0) }).map {
            Pair($0.0, $0.1, $0.minutes)
        }
        #expect(pairs.sorted() == [Pair(0, 3, 30), Pair(1, 3, 15)])
        #expect(pairs.sorted() == Self.bruteForce(items))
    }
}

/// The person-double-booked rule against every pair of sessions of every person, on random small workspaces.
struct PersonDoubleBookedPropertyTests {
    struct RandomSession: Sendable {
        var spec: SessionSpec
        /// Bit i set: person i speaks (or moderates).
        var speakers: Int
        var moderators: Int
        /// Also names a person the workspace does not define.
        var strangerSpeaks: Bool
    }

    static let people = ["amina-uwase", "jean-bosco", "fatou-sow", "grace-nakato"]
    static let homes = ["Africa/Kigali", "Europe/Paris", "Africa/Nouakchott", "Africa/Casablanca"]

    static func sessions() -> Generator<RandomSession, some SendableSequenceType> {
        zip(RandomSchedules.session(minLength: 1), Gen.int(in: 0...15), Gen.int(in: 0...15), Gen.bool(0.1))
            .map { t in RandomSession(spec: t.0, speakers: t.1, moderators: t.2, strangerSpeaks: t.3) }
    }

    static func build(_ random: [RandomSession]) -> Workspace {
        var b = WorkspaceBuilder()
        b.onlineVenue("video")
        for (i, id) in people.enumerated() { b.person(id, homeZone: Zone(identifier: homes[i])) }
        for (index, s) in random.enumerated() {
            func ids(_ mask: Int) -> [String] { people.indices.filter { mask & (1 << $0) != 0 }.map { people[$0] } }
            let night = RandomSchedules.nights[s.spec.night]
            // A session whose wall time falls in a gap keeps no interval, as the loader leaves it.
            let interval = s.spec.interval
            b.session(
                "s\(index)",
                interval: interval ?? Interval(start: .init(secondsSince1970: 0), end: .init(secondsSince1970: 60)),
                zone: night.zone, kind: .online, venue: "video",
                speakers: ids(s.speakers) + (s.strangerSpeaks ? ["somebody-else"] : []), moderators: ids(s.moderators))
            if interval == nil { b.sessions[index].interval = nil }
        }
        return b.build()
    }

    struct Clash: Hashable, Comparable, CustomStringConvertible {
        var person: String, sessions: [String], minutes: Int
        static func < (a: Clash, b: Clash) -> Bool {
            (a.person, a.sessions.joined(separator: ","), a.minutes) < (
                b.person, b.sessions.joined(separator: ","), b.minutes
            )
        }
        var description: String { "\(person) \(sessions) \(minutes)" }
    }

    static func bruteForce(_ w: Workspace) -> [Clash] {
        var clashes: [Clash] = []
        for person in w.people {
            for i in w.sessions.indices {
                for j in w.sessions.indices where i < j {
                    let a = w.sessions[i]
                    let b = w.sessions[j]
                    guard a.presenters.contains(where: { $0.id == person.id }),
                        b.presenters.contains(where: { $0.id == person.id }),
                        let x = a.interval, let y = b.interval, x.overlaps(y)
                    else { continue }
                    clashes.append(
                        Clash(
                            person: person.id.rawValue, sessions: [a.id.rawValue, b.id.rawValue].sorted(),
                            minutes: x.overlapMinutes(with: y)))
                }
            }
        }
        return clashes.sorted()
    }

    @Test func theRuleFindsExactlyThePairsAnAllPairsCheckFinds() async {
        var withClashes = 0
        await propertyCheck(count: 200, input: Self.sessions().array(of: 0...12)) { random in
            let w = Self.build(random)
            let findings = PersonDoubleBookedRule().check(w)
            if !findings.isEmpty { withClashes += 1 }
            let found = findings.map { f in
                Clash(person: f.subjects[0].id, sessions: f.subjects[1...].map(\.id).sorted(), minutes: f.minutes ?? -1)
            }
            #expect(found.sorted() == Self.bruteForce(w))
            for f in findings {
                #expect(f.rule == "person-double-booked" && f.severity == .error)
                #expect(f.subjects.map(\.kind) == [.person, .session, .session])
                #expect(f.occurrences.count == 2)
                // The person's home clock is shown when it differs from the session's zone.
                let home = w.peopleByID[Person.ID(f.subjects[0].id)]?.homeZone
                #expect(f.occurrences.allSatisfy { $0.homeZone == ($0.zone == home ? nil : home) })
            }
            // Through the checker, with every other rule running too, the same clashes come out.
            #expect(Checker().check([w]).filter { $0.rule == "person-double-booked" }.count == findings.count)
        }
        #expect(withClashes >= 60, "only \(withClashes) of 200 workspaces had a double booking")
    }
}
