import BarazaModel
import Foundation
import Testing

@testable import BarazaPropose

/// Crafted programmes that cannot be placed: the proposal places what fits, says which sessions, people, rooms and
/// rules stand in the way, and proves it where it can.
struct InfeasibilityTests {
    static func propose(_ fixture: String) throws -> Proposal {
        let w = try loader.load(directory: fixtures.appendingPathComponent(fixture).path)
        return Proposer(options: ProposeOptions(effort: 50_000, timeLimit: nil)).propose(w)
    }

    @Test func sevenSessionsForSixHoursOfOneRoomAreCountedOut() throws {
        let proposal = try Self.propose("plenary-hall-full")
        #expect(!proposal.isComplete)
        #expect(proposal.placements.count == 6)
        #expect(proposal.notPlaced.count == 1)
        #expect(proposal.avoidableErrors.isEmpty)
        let e = try #require(proposal.explanations.first)
        #expect(proposal.explanations.count == 1)
        #expect(e.kind == .roomOverloaded)
        #expect(e.proven)
        #expect(e.rooms == ["plenary-hall"])
        #expect(Set(e.sessions.map(\.rawValue)) == Set((1...7).map { "city-report-\($0)" }))
        #expect(e.rules == ["room-double-booked"])
        #expect(
            e.message.hasPrefix(
                "these 7 sessions can only use room `plenary-hall` and need 420 min of it on 2027-03-23; it is free "
                    + "360 min in the hours they may use"))
    }

    @Test func aSpeakerAvailableOnlyBeforeOpeningLeavesTheirSessionNowhere() throws {
        let proposal = try Self.propose("speaker-unavailable")
        #expect(proposal.placements.map(\.id) == ["open-data"])
        #expect(proposal.notPlaced.map(\.id) == ["market-finance"])
        let e = try #require(proposal.explanations.first)
        #expect(e.kind == .noCandidate)
        #expect(e.proven)
        #expect(e.people == ["grace-nakato"])
        #expect(e.rules == ["outside-availability"])
        #expect(e.message.contains("session `market-finance` (60 min) fits nowhere"))
        #expect(e.message.contains("break `outside-availability`"))
        #expect(e.message.contains("Grace Nakato (grace-nakato)"))
    }

    @Test func threeSessionsOfOneSpeakerLongerThanTheirAvailabilityAreCountedOut() throws {
        let proposal = try Self.propose("speaker-overloaded")
        #expect(proposal.placements.count == 3)
        #expect(proposal.notPlaced.count == 1)
        let e = try #require(proposal.explanations.first)
        #expect(e.kind == .personOverloaded)
        #expect(e.proven)
        #expect(e.people == ["amina-uwase"])
        #expect(Set(e.sessions) == ["water-1", "water-2", "water-3"])
        #expect(
            e.message.hasPrefix(
                "Amina Uwase (amina-uwase) presents 3 sessions needing 270 min on 2027-03-23, but has 240 min free"))
    }

    @Test func twoSessionsThatMustEachFollowTheOtherAreProvenImpossible() throws {
        let proposal = try Self.propose("order-cycle")
        #expect(proposal.placements.map(\.id).contains("open-data"))
        #expect(proposal.notPlaced.count == 1)
        let e = try #require(proposal.explanations.first)
        #expect(e.kind == .conflict)
        #expect(e.proven)
        #expect(Set(e.sessions) == ["chicken", "egg"])
        #expect(e.rules == ["session-order"])
        #expect(e.message.contains("cannot all be placed (proven by trying every placement)"))
    }

    @Test func threePanelsSharingSpeakersPairwiseInTwoSlotsAreProvenImpossible() throws {
        let proposal = try Self.propose("three-speakers-two-slots")
        #expect(proposal.placements.count == 3)
        #expect(proposal.notPlaced.count == 1)
        let e = try #require(proposal.explanations.first)
        #expect(e.kind == .conflict)
        #expect(e.proven)
        #expect(Set(e.sessions) == ["panel-a", "panel-b", "panel-c"])
        #expect(Set(e.people) == ["p-one", "p-two", "p-three"])
        #expect(e.rules == ["person-double-booked"])
    }
}

/// Meals' headcounts follow the placements: people without journeys are in town on the days of their in-person
/// sessions, so placing a workshop brings its participants to lunch.
struct MealHeadcountTests {
    @Test func aLunchGoesToARoomThatSeatsThoseThePlacedWorkshopBringsToTown() throws {
        let w = try loader.load(directory: fixtures.appendingPathComponent("lunch-grows").path)
        let proposal = Proposer(options: ProposeOptions(effort: 20_000, timeLimit: nil)).propose(w)
        #expect(proposal.isComplete, "\(proposal.notPlaced)")
        #expect(proposal.avoidableErrors.isEmpty)
        #expect(avoidableErrors(proposal).isEmpty)
        #expect(proposal.placements.first { $0.id.rawValue == "lunch" }?.room?.rawValue == "large-dining")
    }
}
