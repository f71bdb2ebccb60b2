import BarazaCalendar
import BarazaOutput
import BarazaWorkspace
import Foundation
import Testing

@Suite("Invited again after a cancellation")
struct ReinvitationTests {
    @Test("A person removed (CANCEL) then added back gets a REQUEST with a SEQUENCE above the CANCEL's; nobody else")
    func sequenceAboveTheCancellation() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let path = try scratch.copyOfSample(Samples.kigali)
        let sessions = path + "/sessions.yaml"
        let all = "speakers: [leila-ben-salah, chidinma-okafor, hadiza-issoufou]"
        let without = "speakers: [leila-ben-salah, chidinma-okafor]"
        func publish(_ folder: String) throws -> InvitationPlan {
            let exporter = InvitationExporter()
            let workspace = try Samples.load(path)
            let plan = try exporter.plan(for: workspace)
            _ = try exporter.export(workspace, context: ExportContext(directory: scratch.path(folder)))
            return plan
        }
        _ = try publish("first")
        try Samples.edit(sessions, replacing: all, with: without)
        let removal = try publish("removal")
        let cancel = try #require(removal.deliveries.first { $0.person.rawValue == "hadiza-issoufou" })
        #expect(cancel.method == .cancel && cancel.session.rawValue == "plenary-resilient-neighbourhoods")
        let state = try #require(try WorkspaceLoader(knownRuleIDs: []).state(directory: path).publishedInvitations())
        #expect(state.sessions["plenary-resilient-neighbourhoods"]?.cancelledAttendees == ["hadiza-issoufou"])

        try Samples.edit(sessions, replacing: without, with: all)
        let back = try publish("back")
        #expect(back.deliveries.count == 1)
        let request = try #require(back.deliveries.first)
        #expect(request.person.rawValue == "hadiza-issoufou" && request.method == .request)
        #expect(request.sequence == cancel.sequence + 1)
        #expect(request.reason == "invited again after a cancellation")
        let ics = try String(
            contentsOfFile: scratch.path("back/invitations/hadiza-issoufou/plenary-resilient-neighbourhoods.ics"),
            encoding: .utf8)
        #expect(ics.contains("\r\nSEQUENCE:\(cancel.sequence + 1)\r\n"))
        let after = try #require(try WorkspaceLoader(knownRuleIDs: []).state(directory: path).publishedInvitations())
        #expect(after.sessions["plenary-resilient-neighbourhoods"]?.cancelledAttendees == nil)
        #expect(try publish("again").isEmpty)
    }
}
