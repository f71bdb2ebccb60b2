import BarazaModel
import BarazaTestSupport
import Foundation
import Testing

@testable import BarazaLogistics

/// The planner's days of each person (`PlanBuilder.peopleDays`) share one list among people with no session of
/// their own and find overlapped open sessions by start; here they are compared with the definition written
/// plainly: a person's in-person sessions, plus every open one (no sign-ups, not a break) none of theirs
/// overlaps, sorted by start and id, grouped by day in the event's zone.
struct PeopleDaysTests {
    static func definition(_ w: Workspace) -> [(person: Person.ID, day: LocalDate, sessions: [Session.ID])] {
        let inPerson = w.sessions.filter { s in
            guard s.interval != nil, let v = w.venue(of: s), !v.isOnline else { return false }
            return s.kind != .online
        }
        let open = inPerson.filter { $0.signUps.isEmpty && $0.kind != .break }
        var result: [(person: Person.ID, day: LocalDate, sessions: [Session.ID])] = []
        for person in w.people.sorted(by: { $0.id < $1.id }) {
            let own = inPerson.filter { $0.attendees.contains { $0.id == person.id } }
            let mine =
                own
                + open.filter { s in !own.contains { $0.id == s.id || $0.interval!.overlaps(s.interval!) } }
            let sorted = mine.sorted { ($0.interval!.start, $0.id) < ($1.interval!.start, $1.id) }
            let days = Dictionary(grouping: sorted) { w.event.zone.localDateTime(at: $0.interval!.start).date }
            for day in days.keys.sorted() { result.append((person.id, day, days[day]!.map(\.id))) }
        }
        return result
    }

    static func planned(_ w: Workspace) -> [(person: Person.ID, day: LocalDate, sessions: [Session.ID])] {
        PlanBuilder(w).peopleDays().map { (w.people[$0.person].id, $0.day, $0.sessions.map { w.sessions[$0].id }) }
    }

    static func agree(_ w: Workspace, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let (planned, definition) = (Self.planned(w), Self.definition(w))
        #expect(planned.count == definition.count, sourceLocation: sourceLocation)
        for (p, d) in zip(planned, definition) {
            #expect(
                p.person == d.person && p.day == d.day && p.sessions == d.sessions, "\(p) against \(d)",
                sourceLocation: sourceLocation)
        }
    }

    @Test func theSampleAsWritten() throws {
        let w = try loadSample()
        #expect(w.sessions.contains { $0.signUps.isEmpty } && w.sessions.contains { !$0.signUps.isEmpty })
        Self.agree(w)
    }

    /// Without sign-ups every session is open to all: people with no session of their own share the days, and
    /// speakers and moderators keep theirs, with the open sessions theirs overlap left out.
    @Test func theSampleWithoutSignUps() throws {
        let copy = try ScratchFolders.copyOfSample("events/final-kigali-2027")
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        let file = copy.appendingPathComponent("people.yaml")
        let text = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
            .filter { !$0.hasPrefix("    sessions: [") }.joined(separator: "\n")
        try Data(text.utf8).write(to: file)
        let w = try loader.load(directory: copy.path)
        #expect(w.sessions.allSatisfy { $0.signUps.isEmpty })
        let days = PlanBuilder(w).peopleDays()
        #expect(days.contains { $0.shared != nil } && days.contains { $0.shared == nil })
        Self.agree(w)
    }

    /// Generated programmes over two days and two venues: sessions of 15 minutes to 4 hours, some with sign-ups,
    /// some breaks, some online, presenters among six people (an open session of theirs, one theirs overlaps from
    /// before or after, back-to-back ones).
    @Test func generatedProgrammes() throws {
        let people = ["ama", "binta", "chidi", "dede", "eli", "fatou"]
        for seed in UInt64(1)...60 {
            var random = SeededGenerator(seed: seed)
            var yaml = """
                event:
                  id: t
                  title: T
                  timezone: Africa/Kigali
                  dates: { start: 2026-11-17, end: 2026-11-18 }
                venues:
                  - { id: kcc, city: Kigali, country: RW, timezone: Africa/Kigali }
                  - { id: hub, city: Kigali, country: RW, timezone: Africa/Kigali }
                  - { id: web, name: Web, online: true }
                people:

                """
            for person in people { yaml += "  - { id: \(person), name: \(person.capitalized) }\n" }
            yaml += "sessions:\n"
            for n in 0..<(4 + random.below(12)) {
                let day = 17 + random.below(2)
                let minutes = 7 * 60 + 15 * random.below(48)
                let kind = ["plenary", "workshop", "workshop", "break"][random.below(4)]
                let venue = ["kcc", "hub", "kcc", "web"][random.below(4)]
                let speakers = people.filter { _ in random.below(5) == 0 }
                let signUps = random.below(2) == 0 ? people.filter { _ in random.below(3) == 0 } : []
                yaml += """
                      - id: s\(n)
                        title: S\(n)
                        kind: \(kind)
                        venue: \(venue)
                        start: 2026-11-\(day)T\(String(format: "%02d:%02d", minutes / 60, minutes % 60))
                        duration: \(15 * (1 + random.below(16)))
                        speakers: [\(speakers.joined(separator: ", "))]
                        participants: [\(signUps.joined(separator: ", "))]

                    """
            }
            let w = try loadInline(["event.yaml": yaml])
            Self.agree(w)
        }
    }
}
