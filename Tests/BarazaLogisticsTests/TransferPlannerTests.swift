import BarazaLogistics
import BarazaModel
import Testing

/// The planner on the Kigali sample: capacity, waits, accessibility, late arrivals, buses, determinism.
struct TransferPlannerTests {
    @Test func theSamePlanComesOutTwice() throws {
        let w = try loadSample()
        let a = TransferPlanner().plan(w)
        let b = TransferPlanner().plan(try loadSample())
        #expect(a.runs == b.runs)
        #expect(Set(a.runs.map(\.id)).count == a.runs.count, "run ids are unique")
    }

    /// What lets the timing and vehicle rules return at once: without transfer places no arrival or departure run
    /// is planned, and without a `logistics:` section no hotel run or shuttle either.
    @Test func withoutTransferPlacesNoOneIsPickedUp() throws {
        var w = try loadSample()
        let pickedUp: (TransferPlan) -> [TransferRun] = { $0.runs.filter { [.arrival, .departure].contains($0.kind) } }
        #expect(!pickedUp(TransferPlanner().plan(w)).isEmpty && TransferPlanner.picksUpPeople(w))
        w.logistics.transfers.places = []
        let plan = TransferPlanner().plan(w)
        #expect(pickedUp(plan).isEmpty && !TransferPlanner.picksUpPeople(w) && TransferPlanner.runsFleet(w))
        #expect(plan.unplanned.count == w.people.reduce(0) { $0 + $1.journeys.count })
        #expect(!plan.runs.isEmpty, "hotel runs and shuttles are still planned")
        w.logistics = Logistics()
        #expect(TransferPlanner().plan(w).runs.isEmpty && !TransferPlanner.runsFleet(w))
        #expect(VehicleRule().check(w).isEmpty)
    }

    @Test func everyJourneyOfTheSampleRidesExactlyOneRun() throws {
        let w = try loadSample()
        let plan = TransferPlanner().plan(w)
        #expect(plan.unplanned.isEmpty)
        for person in w.people where !person.journeys.isEmpty {
            let kinds = plan.transfers(for: person.id).map(\.run.kind).filter { $0 == .arrival || $0 == .departure }
            #expect(kinds.sorted { $0.rawValue < $1.rawValue } == [.arrival, .departure], "\(person.id)")
        }
    }

    @Test func runsRespectSeatsWaitsAndTheFleet() throws {
        let w = try loadSample()
        let plan = TransferPlanner().plan(w)
        let vehicles = Dictionary(uniqueKeysWithValues: w.logistics.vehicles.map { ($0.id, $0) })
        for run in plan.runs {
            let vehicle = try #require(run.vehicle.flatMap { vehicles[$0] }, "run \(run.id) has a vehicle")
            #expect(run.passengers.count <= vehicle.capacity)
            if run.needsAccessibleVehicle { #expect(vehicle.accessible, "\(run.id)") }
            if run.kind != .shuttle {
                #expect(
                    run.passengers.allSatisfy { (0...w.logistics.transfers.maxWaitMinutes).contains($0.waitMinutes) })
            }
            #expect(run.passengers.allSatisfy { $0.pickUpTime <= $0.dropOffTime })
        }
        // A vehicle is never on two runs at once.
        for (_, runs) in Dictionary(grouping: plan.runs, by: { $0.vehicle! }) {
            let sorted = runs.sorted { $0.busy.start < $1.busy.start }
            for (a, b) in zip(sorted, sorted.dropFirst()) { #expect(a.busy.end <= b.busy.start, "\(a.id) / \(b.id)") }
        }
    }

    @Test func aWheelchairUserRidesTheAccessibleVan() throws {
        let plan = TransferPlanner().plan(try loadSample())
        let rides = plan.transfers(for: "tomas-macuacua")
        #expect(!rides.isEmpty)
        for ride in rides {
            #expect(ride.run.vehicle == "van")
            #expect(ride.run.needsAccessibleVehicle)
        }
    }

    @Test func flightsLandingWithinAnHourShareTwoRunsAndTheNightFlightHasItsOwn() throws {
        let plan = TransferPlanner().plan(try loadSample())
        let afternoon = plan.runs.filter { $0.kind == .arrival && $0.id.hasPrefix("arrival-KGL-2027-03-22-15") }
        // QR 1373 14:05, ET 813 14:25, WB 203 14:40, WB 201 14:50, WB 205 14:55: 18 people, 45-minute limit;
        // each is out of the terminal 45 minutes after landing (the airport default).
        #expect(afternoon.map(\.id) == ["arrival-KGL-2027-03-22-1510", "arrival-KGL-2027-03-22-1540"])
        #expect(afternoon.map(\.passengers.count) == [10, 8])
        #expect(afternoon.flatMap(\.passengers).map(\.waitMinutes).max() == 20)
        let night = try #require(plan.runs.first { $0.id == "arrival-KGL-2027-03-23-0035" })
        #expect(
            Set(night.passengers.map(\.person)) == [
                "fatimetou-mint-cheikh", "khadijetou-mint-sidi", "mohamed-lemine-ould-ahmed",
            ])
        #expect(night.passengers.allSatisfy { $0.dropOffTime > $0.pickUpTime })
    }

    @Test func busArrivalsArePickedUpAtTheTerminalAndDropOffsFollowTheDrive() throws {
        let plan = TransferPlanner().plan(try loadSample())
        // The bus lands 16:30; a station's default buffer is 15 minutes.
        let bus = try #require(plan.runs.first { $0.id == "arrival-nyabugogo-2027-03-22-1645" })
        #expect(bus.stops.map(\.id) == ["nyabugogo", "ubumwe", "radisson"])
        let grace = try #require(bus.passengers.first { $0.person == "grace-nakato" })
        // 20 minutes' drive to the Radisson, plus 10 minutes for the stop at Ubumwe first.
        #expect(grace.pickUpTime.minutes(until: grace.dropOffTime) == 30)
    }

    @Test func departuresReachTheAirportByTheEarliestDeadline() throws {
        let w = try loadSample()
        let plan = TransferPlanner().plan(w)
        for run in plan.runs where run.kind == .departure {
            let deadlines = run.passengers.compactMap(\.deadline)
            #expect(deadlines.count == run.passengers.count)
            #expect(run.arrives == deadlines.min())
            #expect(run.stops.last?.kind == .place)
        }
        // The 01:40 flight: at KGL by 22:40 the evening before (180-minute buffer).
        let night = try #require(plan.transfers(for: "khadijetou-mint-sidi").first { $0.run.kind == .departure })
        #expect(w.event.zone.localDateTime(at: night.run.arrives).description == "2027-03-25 22:40")
    }

    @Test func shuttlesTakePeopleToTheSecondVenueAndHotelRunsTakeThemHome() throws {
        let w = try loadSample()
        let plan = TransferPlanner().plan(w)
        let shuttles = plan.runs.filter { $0.kind == .shuttle }
        #expect(shuttles.contains { $0.session == "visit-nyandungu" && $0.stops.last?.id == "nyandungu" })
        // Nobody is shuttled back to the main venue after the visit: the evening run takes them to their hotel.
        #expect(!shuttles.contains { $0.stops.first?.id == "nyandungu" })
        #expect(plan.runs.contains { $0.kind == .evening && $0.stops.first?.id == "nyandungu" })
        for run in shuttles where run.stops.last?.id == "nyandungu" {
            let start = try #require(w.sessionsByID["visit-nyandungu"]?.interval?.start)
            #expect(run.arrives <= start)
        }
    }

    @Test func aPersonsTransfersAreExposedForTheirCalendar() throws {
        let plan = TransferPlanner().plan(try loadSample())
        let rides = plan.transfers(for: "grace-nakato")
        #expect(
            rides.first?.summary == "Pick-up at Nyabugogo bus terminal to Radisson Blu Hotel & Convention Centre Kigali"
        )
        #expect(rides.map(\.interval.start) == rides.map(\.interval.start).sorted())
        #expect(plan.transfers(for: "julien-moreau").isEmpty)
    }
}
