import BarazaCalendar
import BarazaModel
import BarazaOutput
import BarazaTestSupport
import BarazaWorkspace
import Foundation
import ICalendar
import Testing

/// Publishes the Kigali sample, then changes it: ws-flood-mapping moves by 30 minutes, hybrid-secretariat is
/// removed, hadiza-issoufou leaves plenary-resilient-neighbourhoods.
enum UpdateCycle {
    static let firstStamp = CalendarStamp.parse("2027-03-01T09:00:00Z")!

    static func publishAndChange(in scratch: Scratch) throws -> String {
        let path = try scratch.copyOfSample(Samples.kigali)
        _ = try InvitationExporter(stamp: firstStamp).export(
            try Samples.load(path), context: ExportContext(directory: scratch.path("first")))
        try change(path)
        return path
    }

    static func change(_ path: String) throws {
        let file = path + "/sessions.yaml"
        var text = try String(contentsOfFile: file, encoding: .utf8)
        // Move ws-flood-mapping from 14:00-15:30 to 14:30-16:00.
        let flood = try #require(text.range(of: "  - id: ws-flood-mapping\n"))
        let floodBlock =
            flood.lowerBound..<(text.range(of: "  - id:", range: flood.upperBound..<text.endIndex)!.lowerBound)
        let moved = String(text[floodBlock]).replacingOccurrences(
            of: "start: 2027-03-23T14:00\n    end: \"15:30\"",
            with: "start: 2027-03-23T14:30\n    end: \"16:00\"")
        #expect(moved != String(text[floodBlock]))
        text.replaceSubrange(floodBlock, with: moved)
        // Remove hybrid-secretariat.
        let hybrid = try #require(text.range(of: "  - id: hybrid-secretariat\n"))
        let next = try #require(text.range(of: "  - id:", range: hybrid.upperBound..<text.endIndex))
        text.removeSubrange(hybrid.lowerBound..<next.lowerBound)
        // Remove a speaker.
        text = text.replacingOccurrences(
            of: "speakers: [leila-ben-salah, chidinma-okafor, hadiza-issoufou]",
            with: "speakers: [leila-ben-salah, chidinma-okafor]")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
    }
}

@Suite("Invitations: iTIP, iMIP and the update cycle")
struct InvitationTests {
    static func invitees(_ session: Session, _ workspace: Workspace) -> Set<String> {
        Set(
            (session.speakers + session.moderators + session.signUps).compactMap { reference in
                workspace.peopleByID[reference.id].flatMap { $0.email == nil ? nil : $0.id.rawValue }
            })
    }

    @Test("First publication: one REQUEST at SEQUENCE 0 per person and session, and the state is recorded")
    func firstPublication() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let path = try scratch.copyOfSample(Samples.kigali)
        let workspace = try Samples.load(path)
        let plan = try InvitationExporter(stamp: UpdateCycle.firstStamp).plan(for: workspace)
        let expected = workspace.sessions.reduce(0) { $0 + Self.invitees($1, workspace).count }
        #expect(plan.deliveries.count == expected)
        #expect(plan.deliveries.allSatisfy { $0.method == .request && $0.sequence == 0 && $0.reason == "new session" })
        _ = try InvitationExporter(stamp: UpdateCycle.firstStamp).export(
            workspace, context: ExportContext(directory: scratch.path("out")))
        let state = try #require(try WorkspaceLoader(knownRuleIDs: []).state(directory: path).publishedInvitations())
        #expect(state.stamp == "2027-03-01T09:00:00Z")
        #expect(
            state.sessions["ws-flood-mapping"]?.attendees
                == ["fatimetou-mint-cheikh", "oumar-keita", "rachida-adjovi", "sana-jaziri", "senan-hounkpatin"].filter
            { Self.invitees(workspace.sessionsByID["ws-flood-mapping"]!, workspace).contains($0) })
        #expect(Samples.files(below: scratch.path("out")).count == expected * 2)
    }

    @Test(
        "After a change: SEQUENCE rises only for changed sessions, only affected people get messages, removals cancel")
    func updateCycle() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let path = try UpdateCycle.publishAndChange(in: scratch)
        let before = try #require(try WorkspaceLoader(knownRuleIDs: []).state(directory: path).publishedInvitations())
        let workspace = try Samples.load(path)
        let plan = try InvitationExporter().plan(for: workspace)

        let flood = Self.invitees(workspace.sessionsByID["ws-flood-mapping"]!, workspace)
        let hybrid = Set(try #require(before.sessions["hybrid-secretariat"]).attendees)
        #expect(!flood.isEmpty && !hybrid.isEmpty)
        var expected: Set<String> = []
        for person in flood { expected.insert("ws-flood-mapping \(person) REQUEST 1") }
        for person in hybrid { expected.insert("hybrid-secretariat \(person) CANCEL 1") }
        expected.insert("plenary-resilient-neighbourhoods hadiza-issoufou CANCEL 1")
        let actual = Set(plan.deliveries.map { "\($0.session) \($0.person) \($0.method.rawValue) \($0.sequence)" })
        #expect(actual == expected)
        #expect(plan.deliveries.count == expected.count)

        // The state: changed sessions at SEQUENCE 1, every other session still at 0; the stamp moved on.
        for (id, session) in plan.state.sessions {
            let changed = ["ws-flood-mapping", "hybrid-secretariat", "plenary-resilient-neighbourhoods"].contains(id)
            #expect(session.sequence == (changed ? 1 : 0), "\(id)")
        }
        #expect(plan.state.sessions["hybrid-secretariat"]?.cancelled == true)
        #expect(plan.state.sessions["plenary-resilient-neighbourhoods"]?.attendees.contains("hadiza-issoufou") == false)
        #expect(plan.state.stamp == "2027-03-01T09:01:00Z")

        // Written: exactly those files; the cancellation of a removed session keeps its UID and says CANCELLED.
        let out = scratch.path("second")
        let result = try InvitationExporter().export(workspace, context: ExportContext(directory: out))
        #expect(Set(Samples.files(below: out).keys) == Set(result.files))
        let person = try #require(hybrid.sorted().first)
        let cancel = try String(contentsOfFile: out + "/invitations/\(person)/hybrid-secretariat.ics", encoding: .utf8)
        #expect(cancel.contains("METHOD:CANCEL\r\n"))
        #expect(cancel.contains("UID:session-hybrid-secretariat@final-kigali-2027.baraza\r\n"))
        #expect(cancel.contains("SEQUENCE:1\r\n"))
        #expect(cancel.contains("STATUS:CANCELLED\r\n"))
        #expect(cancel.contains("DTSTAMP:20270301T090100Z\r\n"))

        // A third run has nothing to send and writes nothing.
        let third = try InvitationExporter().export(
            try Samples.load(path), context: ExportContext(directory: scratch.path("third")))
        #expect(third.files.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("third")))
    }

    @Test("A person added to a session gets the current SEQUENCE; nobody else hears about it")
    func newAttendee() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let path = try scratch.copyOfSample(Samples.kigali)
        _ = try InvitationExporter(stamp: UpdateCycle.firstStamp).export(
            try Samples.load(path), context: ExportContext(directory: scratch.path("first")))
        try Samples.edit(
            path + "/sessions.yaml", replacing: "speakers: [divine-ingabire]\n",
            with: "speakers: [divine-ingabire, grace-nakato]\n")
        let plan = try InvitationExporter().plan(for: try Samples.load(path))
        #expect(
            plan.deliveries.map { "\($0.session) \($0.person) \($0.method.rawValue) \($0.sequence) \($0.reason)" }
                == ["visit-nyandungu grace-nakato REQUEST 0 newly invited"])
    }

    @Test("Dry run lists what would be sent and why, and writes nothing, not even the state")
    func dryRun() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let path = try UpdateCycle.publishAndChange(in: scratch)
        let state = try Data(contentsOf: URL(fileURLWithPath: path + "/" + PublishedState.fileName))
        let result = try InvitationExporter().export(
            try Samples.load(path), context: ExportContext(directory: scratch.path("dry"), dryRun: true))
        #expect(result.files.count == 2 * result.notes.filter { $0.contains(" SEQUENCE ") }.count)
        #expect(
            result.notes.contains { $0.hasSuffix("cancel SEQUENCE 1 to hadiza-issoufou: removed from the session") })
        #expect(
            result.notes.contains {
                $0.contains("ws-flood-mapping: request SEQUENCE 1")
                    && $0.contains("time changed from 2027-03-23T12:00:00Z")
            })
        #expect(!FileManager.default.fileExists(atPath: scratch.path("dry")))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path + "/" + PublishedState.fileName)) == state)
    }

    @Test("An address appears only in its owner's files (and the organiser's in all)")
    func privacy() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let path = try scratch.copyOfSample(Samples.kigali)
        let workspace = try Samples.load(path)
        let out = scratch.path("out")
        _ = try InvitationExporter().export(workspace, context: ExportContext(directory: out))
        let emails = workspace.people.compactMap { p in p.email.map { (p.id.rawValue, $0) } }
        for (file, data) in Samples.files(below: out) where file.hasSuffix(".ics") {
            let owner = String(file.split(separator: "/")[1])
            let text = String(decoding: data, as: UTF8.self)
            for (id, email) in emails where id != owner {
                #expect(!text.contains(email), "\(file) holds \(id)'s address")
            }
            let calendar = try ICalendarReader.parse(data)
            let attendees = calendar.components(named: "VEVENT").flatMap { $0.properties(named: "ATTENDEE") }
            #expect(attendees.count == 1)
            #expect(attendees.first?.value == "mailto:" + (workspace.peopleByID[Person.ID(owner)]?.email ?? "?"))
            #expect(
                calendar.components(named: "VEVENT").first?.property("ORGANIZER")?.value
                    == "mailto:secretariat@example.org")
        }
    }

    @Test("People without an email get no invitation and are named in the notes")
    func withoutEmail() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let path = try scratch.copyOfSample(Samples.kigali)
        try Samples.edit(path + "/people.yaml", replacing: "    email: oumar.keita@example.org\n", with: "")
        let out = scratch.path("out")
        let result = try InvitationExporter().export(try Samples.load(path), context: ExportContext(directory: out))
        #expect(result.notes.contains("no email, so no invitation for: oumar-keita"))
        #expect(!FileManager.default.fileExists(atPath: out + "/invitations/oumar-keita"))
    }

    @Test("Golden .eml: MIME structure, encoded headers, base64 parts, Date from the publication stamp")
    func goldenMail() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let path = try scratch.copyOfSample(Samples.kigali)
        let out = scratch.path("out")
        _ = try InvitationExporter(stamp: UpdateCycle.firstStamp).export(
            try Samples.load(path), context: ExportContext(directory: out))
        let mail = try String(contentsOfFile: out + "/invitations/oumar-keita/ws-flood-mapping.eml", encoding: .utf8)
        assertGolden(mail, file: Samples.fixtures.appendingPathComponent("kigali-invitation-oumar-keita.eml"))
        // Date is the publication's stamp (2027-03-01T09:00:00Z), never the time of writing; RFC 3834 marks it.
        #expect(
            mail.hasPrefix(
                "Date: Mon, 01 Mar 2027 09:00:00 +0000\r\nFrom: Network Secretariat <secretariat@example.org>\r\n"))
        #expect(mail.contains("\r\nReply-To: Network Secretariat <secretariat@example.org>\r\n"))
        #expect(mail.contains("\r\nAuto-Submitted: auto-generated\r\n"))
        #expect(!mail.contains("\r\nSender:"), "no Sender: when the organiser sends")
        #expect(mail.contains("To: =?UTF-8?B?T3VtYXIgS2XDr3Rh?= <oumar.keita@example.org>\r\n"))
        #expect(mail.utf8.allSatisfy { $0 < 0x80 })
        #expect(mail.split(separator: "\r\n", omittingEmptySubsequences: false).allSatisfy { $0.utf8.count <= 78 })
        let ics = try String(contentsOfFile: out + "/invitations/oumar-keita/ws-flood-mapping.ics", encoding: .utf8)
        assertGolden(ics, file: Samples.fixtures.appendingPathComponent("kigali-invitation-oumar-keita.ics"))
        // The same run again gives the same bytes.
        let again = scratch.path("again")
        let copy = scratch.root.appendingPathComponent("copy").path
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        try FileManager.default.removeItem(atPath: copy + "/" + PublishedState.fileName)
        _ = try InvitationExporter(stamp: UpdateCycle.firstStamp).export(
            try Samples.load(copy), context: ExportContext(directory: again))
        #expect(Samples.files(below: out) == Samples.files(below: again))
    }
}
