import BarazaLogistics
import BarazaModel
import Testing

/// Pick-ups wait for the passenger to clear immigration and baggage: landing plus the place's arrival buffer.
struct ArrivalBufferTests {
    @Test func aPickUpLeavesAfterLandingPlusTheBufferOfItsPlace() throws {
        var w = try loadSample()
        let landed = TransferPlanner().plan(w)
        w.logistics.transfers.arrivalBufferMinutes = 45
        let cleared = TransferPlanner().plan(w)
        let before = try #require(landed.transfers(for: "abdoulaye-moussa").first { $0.run.kind == .arrival })
        let after = try #require(cleared.transfers(for: "abdoulaye-moussa").first { $0.run.kind == .arrival })
        let landing = try #require(before.passenger.journey?.instant)
        #expect(after.run.departs >= landing.adding(minutes: 45))
        #expect(after.run.departs.secondsSince1970 - before.run.departs.secondsSince1970 >= 0)
        // A place of its own (a bus terminal has no baggage hall) overrides the default.
        let index = try #require(w.logistics.transfers.places.firstIndex { $0.id == "nyabugogo" })
        w.logistics.transfers.places[index].arrivalBufferMinutes = 0
        let bus = try #require(TransferPlanner().plan(w).runs.first { $0.id == "arrival-nyabugogo-2027-03-22-1630" })
        #expect(bus.passengers.contains { $0.person == "grace-nakato" })
    }
}
