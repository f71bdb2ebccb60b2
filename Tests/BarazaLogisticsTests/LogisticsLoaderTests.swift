import BarazaModel
import BarazaWorkspace
import Testing

/// The `logistics:` section: what it reads, and errors with file:line:column and a suggestion.
struct LogisticsLoaderTests {
    static let event = """
        event:
          id: t
          title: T
          timezone: Africa/Kigali
          dates: { start: 2026-11-17, end: 2026-11-19 }
        venues:
          - { id: kcc, city: Kigali, country: RW, timezone: Africa/Kigali }
        hotels:
          - { id: radisson, name: Radisson Blu }
        include: [logistics.yaml]

        """

    func errors(_ logistics: String) -> [WorkspaceError] {
        do {
            _ = try loadInline(["event.yaml": Self.event, "logistics.yaml": logistics])
            return []
        } catch {
            return error.errors
        }
    }

    @Test func readsVehiclesPlacesAndTravel() throws {
        let w = try loadInline([
            "event.yaml": Self.event,
            "logistics.yaml": """
            logistics:
              vehicles:
                - { id: coaster, capacity: 22, count: 2 }
                - { id: van, name: Van, capacity: 6, accessible: yes }
              transfers:
                max_wait_minutes: 30
                places:
                  - { id: KGL, name: Kigali International Airport, departure_buffer_minutes: 150 }
                travel:
                  - { from: KGL, to: radisson, minutes: 20 }
            """,
        ])
        #expect(w.logistics.vehicles.map(\.id.rawValue) == ["coaster-1", "coaster-2", "van"])
        #expect(w.logistics.vehicles.map(\.accessible) == [false, false, true])
        #expect(w.logistics.transfers.maxWaitMinutes == 30)
        #expect(w.logistics.transfers.departureBufferMinutes == 180)
        #expect(w.logistics.transfers.places.first?.departureBufferMinutes == 150)
        #expect(w.logistics.transfers.places.first?.zone.identifier == "Africa/Kigali")
        #expect(w.logistics.transfers.travel.map(\.minutes) == [20])
        #expect(w.logistics.location?.file.hasSuffix("logistics.yaml") == true)
    }

    @Test func aTypoInATravelEndIsAnErrorWithASuggestion() {
        let found = errors(
            """
            logistics:
              transfers:
                places: [{ id: KGL }]
                travel:
                  - { from: KGL, to: radison, minutes: 20 }
            """)
        #expect(found.count == 1)
        #expect(found.first?.message.hasSuffix("did you mean `radisson`?)") == true, "\(found.map(\.message))")
        #expect(found.first?.location?.line == 5)
        #expect(found.first?.location?.column == 26)
        #expect(found.first?.location?.file.hasSuffix("logistics.yaml") == true)
    }

    @Test func anUnknownKeyGetsTheNearestKey() {
        let found = errors(
            """
            logistics:
              transfers:
                max_wait_minute: 30
            """)
        #expect(
            found.map(\.message).first?.contains("unknown key `max_wait_minute`; did you mean `max_wait_minutes`?")
                == true)
    }

    @Test func badCapacityAndDuplicateVehiclesAreReported() {
        let found = errors(
            """
            logistics:
              vehicles:
                - { id: car, capacity: 0 }
                - { id: bus, capacity: 30 }
                - { id: bus, capacity: 30 }
            """)
        #expect(found.count == 2, "\(found.map(\.message))")
        #expect(
            found.contains {
                $0.message.contains("logistics.vehicles[0].capacity: `0` is not valid; expected passenger seats")
            })
        #expect(found.contains { $0.message.contains("vehicle id `bus` is already defined at") })
    }

    /// Every run is matched against every vehicle, so a fleet has a bound: 5,000 vehicles, `count`s included.
    @Test func aFleetOfMoreThan5000VehiclesIsRefusedAtTheEntryThatGoesOver() {
        let entries = (1...6).map { "    - { id: bus\($0), capacity: 30, count: 1000 }" }.joined(separator: "\n")
        let found = errors("logistics:\n  vehicles:\n" + entries)
        #expect(
            found.map(\.message).map { String($0.drop { $0 != ":" }.dropFirst()) } == [
                "8:7: logistics.vehicles[5]: `6000 vehicles with this entry` is not valid; expected a fleet of at "
                    + "most 5000 vehicles in all"
            ], "\(found.map(\.message))")
        #expect(
            errors(
                "logistics:\n  vehicles:\n" + entries.components(separatedBy: "\n").prefix(5).joined(separator: "\n")
            ).isEmpty)
    }

    @Test func aLocalAddressIsReadOnAPerson() throws {
        let w = try loadInline([
            "event.yaml": Self.event.replacingOccurrences(of: "include: [logistics.yaml]\n", with: "")
                + "people:\n  - { id: a, name: A, local_address: \"Kacyiru, Kigali\" }\n"
        ])
        #expect(w.people.first?.localAddress == "Kacyiru, Kigali")
        #expect(w.logistics == Logistics())
    }
}
