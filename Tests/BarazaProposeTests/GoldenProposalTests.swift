import BarazaChecks
import BarazaModel
import BarazaTestSupport
import Foundation
import Testing

@testable import BarazaPropose

/// The sample events with some sessions turned back into sessions to place: the proposal (file and summary) is
/// compared byte for byte with a golden file, and the checks accept the sample with it applied.
struct GoldenProposalTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var sample: String
        var file: String
        var unplaced: [String]
        var testDescription: String { sample }
    }

    static let cases: [Case] = [
        Case(
            sample: "final-kigali-2027", file: "sessions.yaml",
            unplaced: [
                "ws-flood-mapping", "ws-informal-transport", "ws-waste-value", "panel-municipal-finance",
                "plenary-resilient-neighbourhoods", "lunch-d1",
            ]),
        Case(sample: "reflection-2027-02", file: "event.yaml", unplaced: ["reflection-part-2"]),
    ]

    @Test(arguments: cases)
    func theSampleWithSessionsToPlaceGivesTheGoldenProposal(_ c: Case) throws {
        let folder = try scratchFolder("golden")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try sampleWithUnplacedSessions(c.sample, file: c.file, unplaced: c.unplaced, into: folder)
        let w = try loader.load(directory: path.path)
        #expect(Set(w.unplaced.map(\.id.rawValue)) == Set(c.unplaced))
        let proposal = Proposer(options: ProposeOptions(seed: 1, effort: 60_000, timeLimit: nil)).propose(w)
        #expect(proposal.isComplete, "\(proposal.notPlaced)")
        #expect(avoidableErrors(proposal).isEmpty)
        #expect(openingHoursBroken(proposal).isEmpty)
        // The samples check clean as written; with the proposal applied they still do.
        let findings = Checker(rules: ProposeRules.all).check([proposal.workspace]).filter { $0.severity == .error }
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        assertGolden(ProposalFile.render(proposal), file: golden.appendingPathComponent("\(c.sample).proposed.yaml"))
        assertGolden(
            ProposalReport(proposal: proposal, changes: nil, keepPlaced: false).text(colour: false),
            file: golden.appendingPathComponent("\(c.sample).summary.txt"))
    }
}
