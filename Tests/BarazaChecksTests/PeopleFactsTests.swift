import BarazaModel
import BarazaTestSupport
import Foundation
import PropertyBased
import Testing

@testable import BarazaChecks

/// The facts the rules share (one pass over the people) agree with reading each person, and the local-time rules,
/// which now read only the people the facts list, report exactly what reading everyone reports.
struct PeopleFactsTests {
    static let paris = Zone(identifier: "Europe/Paris")!
    static let here = SourceLocation(file: "people.yaml", line: 1, column: 1)

    /// A wall time in Paris and its instant, when it names exactly one: hour 2 on 2026-03-29 does not exist
    /// (spring forward), hour 2 on 2026-10-25 happens twice (fall back).
    static func time(day: Int, hour: Int) -> (WallTime, Instant?) {
        let date = day == 0 ? "2026-03-29" : day == 1 ? "2026-10-25" : "2026-11-17"
        let wall = WallTime(local: WallTime.parse("\(date)T0\(hour):30")!.0, zone: paris)
        if case .success(let instant) = wall.resolve() { return (wall, instant) }
        return (wall, nil)
    }

    /// Up to eight people, each with up to two journeys and one availability window, at times that exist, do not
    /// exist or happen twice, and up to two languages of four.
    static func people() -> Generator<[Person], some SendableSequenceType> {
        let journey = zip(Gen.bool(), Gen.int(in: 0...2), Gen.int(in: 1...3))
        let person = zip(journey.array(of: 0...2), Gen.int(in: 0...2).array(of: 0...1), Gen.int(in: 0...15))
        return person.array(of: 0...8).map { drawn in
            drawn.enumerated().map { n, draw in
                let (journeys, windows, languages) = draw
                return Person(
                    id: Person.ID("p\(n)"), name: "P \(n)",
                    languages: ["en", "fr", "ar", "pt"].indices.filter { languages & (1 << $0) != 0 }.map {
                        Language(["en", "fr", "ar", "pt"][$0])!
                    },
                    availability: windows.map { day in
                        let (start, a) = time(day: day, hour: 2)
                        let (end, b) = time(day: day, hour: 4)
                        return TimeWindow(
                            start: start, end: end, interval: a.flatMap { a in b.map { Interval(start: a, end: $0) } },
                            location: here)
                    },
                    journeys: journeys.map { isArrival, day, hour in
                        let (wall, instant) = time(day: day, hour: hour)
                        return Journey(
                            direction: isArrival ? .arrival : .departure, mode: .flight, time: wall, instant: instant,
                            location: here)
                    }, location: here)
            }
        }
    }

    @Test func theFactsAreEachPersonsOwn() async {
        var unresolved = 0
        await propertyCheck(count: 300, input: Self.people()) { people in
            var b = WorkspaceBuilder()
            b.venue("kcc", rooms: ["auditorium"])
            var w = b.build()
            w.people = people
            let facts = PeopleFacts(w)
            #expect(facts.arrivals == people.map { $0.instant(of: .arrival) })
            #expect(facts.departures == people.map { $0.instant(of: .departure) })
            let expected = people.indices.filter { i in
                people[i].availability.contains { $0.interval == nil }
                    || people[i].journeys.contains { $0.instant == nil }
            }
            #expect(facts.withUnresolvedTimes == expected)
            if !expected.isEmpty { unresolved += 1 }
            guard let languages = facts.languages else {
                Issue.record("four languages do not fit in bits")
                return
            }
            for (position, person) in people.enumerated() {
                #expect(languages.languages(languages.byPerson[position]) == person.languages.sorted())
            }
            // Gathered by runs of people on several cores, as for a large workspace: the same facts, the same bits.
            for pieces in 2...4 {
                let split = PeopleFacts(w, pieces: pieces)
                #expect(split.arrivals == facts.arrivals && split.departures == facts.departures)
                #expect(split.withUnresolvedTimes == facts.withUnresolvedTimes)
                #expect(split.languages?.bits == languages.bits && split.languages?.byPerson == languages.byPerson)
            }
            // The local-time rules find, in order, the problems of reading every person's times.
            for kind in [LocalTimeRule.Kind.nonexistent, .ambiguous, .offsetMismatch] {
                var byHand: [String] = []
                for person in people {
                    let windows = person.availability.filter { $0.interval == nil }.flatMap { [$0.start, $0.end] }
                    let times = windows + person.journeys.filter { $0.instant == nil }.map(\.time)
                    for time in times {
                        guard case .failure(let problem) = time.resolve() else { continue }
                        switch (problem, kind) {
                        case (.nonexistent, .nonexistent), (.ambiguous, .ambiguous): byHand.append("\(person.id)")
                        case (.offsetMismatch, .offsetMismatch): byHand.append("\(person.id)")
                        default: break
                        }
                    }
                }
                #expect(LocalTimeRule(kind: kind).check(w).map { $0.subjects.map(\.id).joined() } == byHand)
            }
        }
        #expect(unresolved >= 100, "only \(unresolved) of 300 draws had a time that is not one instant")
    }
}
