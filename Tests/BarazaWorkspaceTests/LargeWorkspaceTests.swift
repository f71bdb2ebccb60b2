import BarazaModel
import BarazaTestSupport
import BarazaWorkspace
import Foundation
import Testing

/// From 5,000 people on, the loader and `Workspace` build their indices over people on several cores: the
/// result must be what building them one after the other gives, and repeated ids are still reported in order.
struct LargeWorkspaceTests {
    static let peopleCount = 6000

    /// A workspace of `peopleCount` people signing up for three of 40 sessions (some twice, some in the session's
    /// own list too), with `repeated` ids written a second time at the end.
    static func write(repeated: [Int] = []) throws -> String {
        let folder = ScratchFolders.url("large")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var event = """
            event:
              id: large
              title: { en: Large event, fr: Grand événement }
              timezone: Africa/Kigali
              dates: { start: 2026-11-17, end: 2026-11-19 }
              organizer: { name: Secretariat, email: secretariat@example.org }
            include: [people.yaml]
            venues:
              - id: hall
                name: Hall
                city: Kigali
                country: RW
                timezone: Africa/Kigali
                rooms: [{ id: main, name: Main, capacity: 10000 }]
            sessions:

            """
        for s in 0..<40 {
            event += """
                  - id: s\(s)
                    title: Session \(s)
                    room: main
                    start: 2026-11-17T\(String(format: "%02d", 8 + s % 10)):00
                    duration: 90
                    language: \(s % 2 == 0 ? "en" : "fr")
                    participants: [p\(s * 7)]

                """
        }
        var people = "people:\n"
        for p in (0..<peopleCount).map({ $0 }) + repeated {
            let sessions = [p % 40, (p * 7) % 40, p % 40].map { "s\($0)" }.joined(separator: ", ")
            people += "  - { id: p\(p), name: Person \(p), languages: [\(p % 3 == 0 ? "sw" : "en")], "
            people += "sessions: [\(sessions)], dietary: [\(p % 5 == 0 ? "Végétarienne" : "none")] }\n"
        }
        try event.write(to: folder.appendingPathComponent("event.yaml"), atomically: true, encoding: .utf8)
        try people.write(to: folder.appendingPathComponent("people.yaml"), atomically: true, encoding: .utf8)
        return folder.path
    }

    @Test func indicesBuiltConcurrentlyAreThoseBuiltOneByOne() throws {
        let path = try Self.write()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let w = try loader.load(directory: path)
        #expect(w.people.count == Self.peopleCount)
        let expected = Dictionary(w.people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(Set(w.peopleByID.keys) == Set(expected.keys))
        #expect(expected.allSatisfy { w.peopleByID[$0.key] == $0.value })
        var attendance: [Person.ID: [Int]] = [:]
        for (index, session) in w.sessions.enumerated() {
            for id in Set(session.attendees.map(\.id)) { attendance[id, default: []].append(index) }
        }
        #expect(
            w.people.indices.allSatisfy { p in
                Array(w.sessionAttendees.sessions(attendedByPersonAt: p)) == attendance[w.people[p].id] ?? []
            })
        #expect(
            w.sessions.indices.allSatisfy { s in
                w.sessionAttendees.signUps[s].map { w.people[$0].id } == w.sessions[s].signUps.map(\.id)
            })
        #expect(w.peopleInIDOrder.map { w.people[$0].id } == w.people.map(\.id).sorted())
        // Sign-ups written on both sides count once; a session's own list comes first.
        #expect(w.sessions[1].signUps.map(\.id).prefix(2) == ["p7", "p1"])
        #expect(w.sessions[0].signUps.filter { $0.id == "p0" }.count == 1)
        // Dietary answers are worked out once and mean the same for everyone who wrote them.
        #expect(w.people[0].dietary == ["vegetarian"] && w.people[5].dietary == ["vegetarian"])
        #expect(w.people[1].dietary.isEmpty)
    }

    @Test func repeatedIdsOfALargeWorkspaceAreReportedInOrder() throws {
        let path = try Self.write(repeated: [42, 7])
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try loader.load(directory: path)
            Issue.record("a workspace with repeated person ids loaded")
        } catch {
            let messages = error.errors.map(\.message).map { $0.replacingOccurrences(of: path + "/", with: "") }
            #expect(
                messages == [
                    "people.yaml:\(Self.peopleCount + 2):5: person id `p42` is already defined at people.yaml:44:5",
                    "people.yaml:\(Self.peopleCount + 3):5: person id `p7` is already defined at people.yaml:9:5",
                ])
        }
    }
}
