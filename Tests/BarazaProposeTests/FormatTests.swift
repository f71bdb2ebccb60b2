import BarazaModel
import BarazaWorkspace
import Foundation
import Testing

/// The keys placing adds to the workspace format: read into the model, and wrong ones reported like every other
/// key (`file:line:column`, the field, what was expected, the nearest valid key).
struct FormatTests {
    static let header = """
        event:
          id: format-test
          title: Format test
          timezone: Africa/Kigali
          dates: { start: 2027-03-23, end: 2027-03-24 }
        venues:
          - { id: kcc, name: KCC, city: Kigali, country: RW, timezone: Africa/Kigali, rooms: [{ id: hall, name: Hall }] }

        """

    /// Loads `yaml` (after the header) as `event.yaml`; the load errors, each as `line:column: message`.
    func load(_ yaml: String, extra: [String: String] = [:]) throws -> Result<Workspace, WorkspaceLoadFailure> {
        let folder = try scratchFolder("format")
        defer { try? FileManager.default.removeItem(at: folder) }
        try (Self.header + yaml).write(
            to: folder.appendingPathComponent("event.yaml"), atomically: true, encoding: .utf8)
        for (name, text) in extra {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        do { return .success(try loader.load(directory: folder.path)) } catch { return .failure(error) }
    }

    func errors(_ yaml: String) throws -> [String] {
        guard case .failure(let failure) = try load(yaml) else { return [] }
        return failure.errors.map { error in
            let location = error.location.map { "\($0.line):\($0.column): " } ?? ""
            return location + String(error.message.drop { $0 != " " }.dropFirst())
        }
    }

    @Test func aSessionWithoutStartIsToBePlacedWithItsConstraints() throws {
        let result = try load(
            """
            sessions:
              - id: first
                title: First
                venue: kcc
                room: hall
                start: 2027-03-23T09:00
                end: "10:00"
                pin: false
              - id: second
                title: Second
                duration: 1h30
                days: [2027-03-24]
                time_window: "09:00-13:00"
                after: [first]
                before: [third]
                same_room_as: [first]
                not_parallel_with: [first]
                not_parallel_with_tags: [water]
                requires: [screen, step-free]
              - { id: third, title: Third, venue: kcc, start: 2027-03-24T15:00, duration: 60 }
            """)
        let w = try result.get()
        #expect(w.sessions.map(\.id) == ["first", "third"])
        #expect(w.sessions[0].constraints.movable)
        #expect(!w.sessions[1].constraints.movable)
        let u = try #require(w.unplaced.first)
        #expect(u.id == "second")
        #expect(u.minutes == 90)
        #expect(u.draft.interval == nil)
        let c = u.draft.constraints
        #expect(c.movable)
        #expect(c.days == [LocalDate(year: 2027, month: 3, day: 24)!])
        #expect(c.timeWindow == DailyWindow("09:00-13:00"))
        #expect(c.after.map(\.id) == ["first"])
        #expect(c.before.map(\.id) == ["third"])
        #expect(c.sameRoomAs.map(\.id) == ["first"])
        #expect(c.notParallelWith.map(\.id) == ["first"])
        #expect(c.notParallelWithTags == ["water"])
        #expect(c.requires == ["screen", "step-free"])
    }

    @Test func wrongPlacingKeysGetFileLineColumnAndDidYouMean() throws {
        let e = try errors(
            """
            sessions:
              - { id: a, title: A, duration: 60, time_windw: "09:00-12:00" }
              - { id: b, title: B, duration: 60, days: [2027-03-30] }
              - { id: c, title: C, end: "10:00" }
              - { id: d, title: D, pin: true, duration: 60 }
              - { id: e, title: E }
              - { id: f, title: F, duration: 60, time_window: "morning" }
            propose:
              grid_minutes: 7
              weights: { speaker-day: 5, plenary-alone: lots }
              default_hour: "08:00-18:00"
            """)
        // The `propose:` section is read with the event, before the sessions.
        #expect(
            e == [
                "18:3: propose: unknown key `default_hour`; did you mean `default_hours`?",
                "16:17: propose.grid_minutes: `7` is not valid; expected minutes that divide a day evenly (5, 10, 15, 20, 30, 60...)",
                "17:14: propose.weights: unknown key `speaker-day`; did you mean `speaker-days`?",
                "17:45: propose.weights.plenary-alone: `lots` is not valid; expected a weight, 0 (off) to 1000000",
                "9:38: sessions[0]: unknown key `time_windw`; did you mean `time_window`?",
                "10:45: sessions[1].days[0]: `2027-03-30` is not valid; expected a day of the event, 2027-03-23 to 2027-03-24",
                "11:29: sessions[2].end: `10:00` is not valid; expected no `end` without a `start`: a session to be placed gives its length as `duration: 90`",
                "12:29: sessions[3].pin: `true` is not valid; expected `pin: false`, or a `start` to pin the session at (it has none)",
                "13:5: sessions[4].start: required, but missing; expected `start: YYYY-MM-DDTHH:MM`, or `duration: 90` for `baraza propose` to place it",
                "14:51: sessions[5].time_window: `morning` is not valid; expected hours HH:MM-HH:MM, e.g. 08:00-18:00",
            ])
    }

    @Test func placementsApplyToSessionsWithoutStartAndThoseThatMayMove() throws {
        let result = try load(
            """
            include: [placements.yaml]
            sessions:
              - { id: fixed, title: Fixed, venue: kcc, room: hall, start: 2027-03-23T09:00, duration: 60 }
              - { id: draft, title: Draft, venue: kcc, start: 2027-03-23T11:00, duration: 45, pin: false }
              - { id: open, title: Open, duration: 90 }
            """,
            extra: [
                "placements.yaml": """
                placements:
                  - { session: open, start: 2027-03-24T14:00, venue: kcc, room: hall }
                  - { session: draft, start: 2027-03-24T09:00, room: hall }
                  - { session: fixed, start: 2027-03-24T16:00 }
                  - { session: opne, start: 2027-03-24T16:00 }
                  - { session: open, start: 2027-03-24T10:00 }
                """
            ])
        let w = try result.get()
        #expect(w.unplaced.isEmpty)
        let open = try #require(w.sessionsByID["open"])
        #expect(open.start.local.description == "2027-03-24 14:00")
        #expect(open.interval?.minutes == 90)
        #expect(open.room?.id == "hall")
        #expect(open.constraints.placedBy?.line == 2)
        let draft = try #require(w.sessionsByID["draft"])
        #expect(draft.start.local.description == "2027-03-24 09:00")
        #expect(draft.interval?.minutes == 45)
        #expect(w.sessionsByID["fixed"]?.start.local.description == "2027-03-23 09:00")
        let ignored = w.placements.compactMap(\.ignored)
        #expect(ignored.count == 3)
        guard case .pinned = ignored[0], case .unknownSession = ignored[1], case .placedTwice = ignored[2] else {
            Issue.record("unexpected reasons \(ignored)")
            return
        }
    }

    @Test func theIncludeEditorAddsOneLineAndKeepsTheRest() throws {
        let block =
            "event:\n  id: x # the id\ninclude:\n  - venues.yaml   # rooms\n  - people.yaml\nchecks:\n  waking_hours: \"07:00-22:00\"\n"
        #expect(
            try IncludeEditor.adding("placements.yaml", to: block, path: "event.yaml")
                == "event:\n  id: x # the id\ninclude:\n  - venues.yaml   # rooms\n  - people.yaml\n  - placements.yaml\nchecks:\n  waking_hours: \"07:00-22:00\"\n"
        )
        let flow = "event: { id: x }\ninclude: [venues.yaml, people.yaml]  # all\n"
        #expect(
            try IncludeEditor.adding("placements.yaml", to: flow, path: "event.yaml")
                == "event: { id: x }\ninclude: [venues.yaml, people.yaml, placements.yaml]  # all\n")
        let none = "event: { id: x }\n"
        #expect(
            try IncludeEditor.adding("placements.yaml", to: none, path: "event.yaml")
                == "event: { id: x }\n\ninclude:\n  - placements.yaml\n")
        let done = "include:\n  - placements.yaml\n"
        #expect(try IncludeEditor.adding("placements.yaml", to: done, path: "event.yaml") == nil)
        #expect(throws: WorkspaceLoadFailure.self) {
            try IncludeEditor.adding("p.yaml", to: "[a, b", path: "event.yaml")
        }
    }
}
