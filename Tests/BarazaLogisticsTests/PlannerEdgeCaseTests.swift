import BarazaLogistics
import BarazaModel
import Testing

/// The planner and the meal counter outside the sample's comfort zone: no fleet, cars, no logistics section,
/// sign-ups, ties.
struct PlannerEdgeCaseTests {
    static func workspace(logistics: String, people: String, sessions: String = "") throws -> Workspace {
        try loadInline([
            "event.yaml": """
            event:
              id: edge
              title: Edge
              timezone: Africa/Kigali
              dates: { start: 2026-11-17, end: 2026-11-19 }
            venues:
              - id: kcc
                city: Kigali
                country: RW
                timezone: Africa/Kigali
                rooms: [{ id: hall, capacity: 10 }]
            hotels:
              - { id: radisson, name: Radisson Blu }
            \(logistics)
            people:
            \(people)
            \(sessions)
            """
        ])
    }

    static let places = """
        logistics:
          transfers:
            max_wait_minutes: 30
            places: [{ id: KGL, name: Kigali International Airport }]
        """

    static func arrival(_ id: String, _ time: String, mode: String = "flight", place: String = "KGL") -> String {
        """
          - id: \(id)
            name: \(id)
            journeys: [{ direction: arrival, mode: \(mode), place: \(place), time: \(time) }]
            stays: [{ hotel: radisson, check_in: 2026-11-16, check_out: 2026-11-19 }]

        """
    }

    @Test func withoutAFleetEveryRunLacksAVehicleAndTheTwoRunsWaitTheLeast() throws {
        let w = try Self.workspace(
            logistics: Self.places,
            people: Self.arrival("a", "2026-11-16T10:00") + Self.arrival("b", "2026-11-16T10:30")
                + Self.arrival("c", "2026-11-16T10:31"))
        let plan = TransferPlanner().plan(w)
        // 30 minutes allow {10:00, 10:30} + {10:31}, but {10:00} + {10:30, 10:31} is as few runs and waits 1 minute.
        #expect(plan.runs.map(\.passengers.count) == [1, 2])
        #expect(plan.runs.flatMap(\.passengers).map(\.waitMinutes).max() == 1)
        #expect(plan.runs.allSatisfy { $0.vehicle == nil })
        #expect(VehicleRule().check(w).count == 2)
    }

    @Test func carsAndUnknownPlacesAreLeftOutWithAReason() throws {
        let w = try Self.workspace(
            logistics: Self.places,
            people: Self.arrival("a", "2026-11-16T10:00", mode: "car")
                + Self.arrival("b", "2026-11-16T10:00", place: "kigali international airport")
                + Self.arrival("c", "2026-11-16T10:00", place: "EBB"))
        let plan = TransferPlanner().plan(w)
        #expect(plan.runs.flatMap(\.passengers).map(\.person) == ["b"], "a place may be named by its name")
        #expect(plan.unplanned.map(\.person) == ["a", "c"])
        #expect(plan.unplanned.map(\.reason) == ["travels by car", "place `EBB` is not a transfer place"])
        #expect(JourneyPlaceRule().check(w).flatMap(\.subjects).map(\.id) == ["c"])
    }

    @Test func aWorkspaceWithoutALogisticsSectionPlansNothing() throws {
        let w = try Self.workspace(logistics: "", people: Self.arrival("a", "2026-11-16T10:00"))
        let plan = TransferPlanner().plan(w)
        #expect(plan.runs.isEmpty)
        #expect(LogisticsRules.all.flatMap { $0.check(w) }.isEmpty)
    }

    @Test func mealSignUpsWinOverExpectedAttendanceAndDietsAreCounted() throws {
        let w = try Self.workspace(
            logistics: "",
            people: """
                  - { id: a, name: A, local_address: Kigali, dietary: [Halal] }
                  - { id: b, name: B, local_address: Kigali, dietary: [halal, vegetarian] }
                  - { id: c, name: C, local_address: Kigali }
                """,
            sessions: """
                sessions:
                  - { id: lunch, title: Lunch, kind: meal, room: hall, start: 2026-11-17T12:30, end: "13:30",
                      expected_attendance: 50, participants: [a, b] }
                  - { id: dinner, title: Dinner, kind: meal, room: hall, start: 2026-11-17T19:00, end: "21:00" }
                """)
        let counts = MealCounter().counts(w)
        #expect(counts.map(\.session) == ["lunch", "dinner"])
        #expect(counts[0].headcount == 2)
        #expect(counts[0].source == .signUps)
        #expect(counts[0].dietary.map(\.need) == ["halal", "vegetarian"])
        #expect(counts[0].dietary.map(\.count) == [2, 1])
        #expect(counts[1].headcount == 3)
        #expect(counts[1].source == .inTown)
        #expect(counts[1].noStatedNeed == 1)
        #expect(counts[1].unnamed == 0)
    }

    /// People in town come from two lists (those with journeys or a local address, and those known only by the
    /// sessions they attend that day), each in id order: the count names them all in one id order, and the
    /// capacity rule's headcount alone is the same number.
    @Test func peopleInTownAreNamedInIdOrderWhicheverWayTheyAreKnown() throws {
        let w = try Self.workspace(
            logistics: "",
            people: """
                  - { id: dan, name: Dan }
                  - { id: ama, name: Ama, local_address: Kigali }
                  - { id: cole, name: Cole, journeys: [{ direction: arrival, place: KGL, time: 2026-11-16T10:00 }] }
                  - { id: bea, name: Bea }
                  - { id: eve, name: Eve }
                """,
            sessions: """
                sessions:
                  - { id: talk, title: Talk, room: hall, start: 2026-11-17T09:00, end: "10:00",
                      participants: [dan, bea] }
                  - { id: lunch, title: Lunch, kind: meal, room: hall, start: 2026-11-17T12:30, end: "13:30" }
                """)
        let counts = MealCounter().counts(w)
        #expect(counts.map(\.people) == [["ama", "bea", "cole", "dan"]])
        let lunch = try #require(w.sessionsByID["lunch"])
        #expect(MealCapacityRule.Headcounts(w).headcount(lunch, during: lunch.interval!) == 4)
    }

    @Test func withoutHotelsNobodyIsAskedForAStay() throws {
        let event = """
            event:
              id: no-hotels
              title: No hotels
              timezone: Africa/Kigali
              dates: { start: 2026-11-17, end: 2026-11-19 }
            people:
              - { id: a, name: A, journeys: [{ direction: arrival, place: KGL, time: 2026-11-16T10:00 }] }
            """
        #expect(AccommodationRule().check(try loadInline(["event.yaml": event])).isEmpty)
        let withHotel = event.replacingOccurrences(of: "people:", with: "hotels: [{ id: h }]\npeople:")
        #expect(AccommodationRule().check(try loadInline(["event.yaml": withHotel])).map(\.subjects[0].id) == ["a"])
    }
}
