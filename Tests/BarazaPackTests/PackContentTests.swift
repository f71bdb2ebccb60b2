import BarazaModel
import BarazaPack
import BarazaTestSupport
import BarazaWorkspace
import Crypto
import Foundation
import Testing

/// Builds packs of the real sample event and of small workspaces, and reads every zip back.
@Suite("Material packs")
struct PackContentTests {
    static let sample = packageRoot.appendingPathComponent("events/final-kigali-2027").path

    static func sampleBuilder(inputs: PackInputs = PackInputs()) throws -> PackBuilder {
        let workspace = try WorkspaceLoader(knownRuleIDs: []).load(directory: sample)
        let file = try #require(try workspace.state.checkIns(for: workspace))
        let attendance = Attendance(checkIns: file.checkIns, file: file.path, workspace: workspace)
        return PackBuilder(workspace: workspace, attendance: attendance, inputs: inputs)
    }

    static func write(_ builder: PackBuilder, _ audience: PackAudience, into dir: String) throws -> [PackPlan] {
        let plans = try builder.plan(audience)
        for plan in plans { try builder.write(plan, into: dir) }
        return plans
    }

    /// Every email address written anywhere in the workspace.
    static func allEmails(_ workspace: Workspace) -> [String] {
        workspace.people.compactMap(\.email) + [workspace.event.organizer.email]
    }

    @Test("The public pack carries no email address in any entry, PDFs included")
    func publicPackHasNoEmail() throws {
        let scratch = try Scratch()
        let builder = try Self.sampleBuilder(
            inputs: PackInputs(agendaPage: Data("<html><body>Agenda</body></html>".utf8), eventCalendar: nil))
        let plans = try Self.write(builder, .public, into: scratch.path)
        #expect(plans.map(\.path) == ["packs/public.zip"])
        let zip = try ZipContents(scratch.path("packs/public.zip"))
        #expect(zip.names.contains("materials/2027-03-23/opening-plenary/network-results-slides.pdf"))
        #expect(zip.names.contains("agenda/agenda.html"))
        #expect(!zip.names.contains { $0.hasPrefix("certificates/") })
        let emails = Self.allEmails(builder.workspace)
        for name in zip.names {
            var text = zip.text(name)
            if name.hasSuffix(".pdf") {
                let file = scratch.path("extracted.pdf")
                try zip.data[name]!.write(to: URL(fileURLWithPath: file))
                text += try runTool("pdftotext", [file, "-"])
            }
            #expect(!text.contains("@example.org"), "email domain in \(name)")
            for email in emails { #expect(!text.lowercased().contains(email), "\(email) in \(name)") }
            #expect(!text.contains("mailto:"), "mailto in \(name)")
        }
        let index = zip.text("index.html")
        #expect(index.contains("Calendar (.ics): not included in this pack"))
        #expect(index.contains("href=\"agenda/agenda.html\""))
        #expect(index.contains("check-in file <code>attendance.csv</code>"))
    }

    @Test("A public pack refuses a supplied input that holds a person's email address")
    func publicPackRefusesEmailInInput() throws {
        let builder = try Self.sampleBuilder(
            inputs: PackInputs(eventCalendar: Data("ATTENDEE;CN=Aline:mailto:aline.uwimana@example.org\r\n".utf8)))
        #expect(throws: PackError.emailInPublicPack(entry: "calendar/final-kigali-2027.ics")) {
            _ = try builder.plan(.public)
        }
        #expect(try builder.plan(.person("aline-uwimana")).count == 1)
    }

    @Test("The organizer's public address and calendar UIDs are not personal contacts")
    func publicPackAllowsOrganizerAndUIDs() throws {
        let calendar =
            "ORGANIZER;CN=Network Secretariat:mailto:secretariat@example.org\r\n"
            + "UID:session-opening-plenary@final-kigali-2027.baraza\r\n"
        let builder = try Self.sampleBuilder(inputs: PackInputs(eventCalendar: Data(calendar.utf8)))
        #expect(try builder.plan(.public).count == 1)
        let other = try Self.sampleBuilder(
            inputs: PackInputs(eventCalendar: Data("UID:x@another-event.baraza\r\n".utf8)))
        #expect(throws: PackError.emailInPublicPack(entry: "calendar/final-kigali-2027.ics")) {
            _ = try other.plan(.public)
        }
    }

    @Test("A personal pack's page is its holder's own: their sessions, linked to the agenda, with their materials")
    func personalPage() throws {
        let scratch = try Scratch()
        let builder = try Self.sampleBuilder(
            inputs: PackInputs(agendaPage: Data("<html><body>Agenda</body></html>".utf8), eventCalendar: nil))
        _ = try Self.write(builder, .participants, into: scratch.path)
        let shared = try ZipContents(scratch.path("packs/participants.zip")).text("index.html")
        let page = try ZipContents(scratch.path("packs/participants/grace-nakato.zip")).text("index.html")
        let workspace = builder.workspace
        let attended = (builder.attendance.sessionsByPerson["grace-nakato"] ?? []).compactMap {
            workspace.sessionsByID[$0]
        }.filter { ![.break, .meal].contains($0.kind) }
        #expect(!attended.isEmpty)
        #expect(page.contains("Your sessions · Vos séances (\(attended.count))"))
        for s in workspace.sessions where ![.break, .meal].contains(s.kind) {
            // Each of her sessions links its place in the agenda page; the rest of the programme is not repeated.
            let link = "href=\"agenda/agenda.html#session-\(s.id.rawValue)\""
            #expect(page.contains(link) == attended.contains { $0.id == s.id }, "\(s.id)")
            #expect(shared.contains("<li id=\"session-\(s.id.rawValue)\">"))
        }
        #expect(page.contains("materials/2027-03-23/opening-plenary/network-results-slides.pdf"))
        // Speakers of her sessions only, and the attendance list as the CSV beside the page.
        let speakers = Set(attended.flatMap(\.presenters).map(\.id)).compactMap { workspace.peopleByID[$0] }
        #expect(page.contains("Speakers of your sessions · Intervenants de vos séances (\(speakers.count))"))
        for person in speakers where !person.name.contains(where: { "&<>\"'".contains($0) }) {
            #expect(page.contains("<h3>\(person.name)</h3>"), "\(person.id)")
        }
        #expect(page.contains("href=\"attendance/attendance.csv\">Attendance list"))
        #expect(shared.contains("<section id=\"attendance\">") && !page.contains("<section id=\"attendance\">"))
        #expect(page.contains("<section id=\"figures\">"))
    }

    @Test("Participants get a shared pack and one pack each with their certificate")
    func participantPacks() throws {
        let scratch = try Scratch()
        let builder = try Self.sampleBuilder()
        let plans = try Self.write(builder, .participants, into: scratch.path)
        let attendees = builder.attendance.attendees
        #expect(plans.count == attendees.count + 1)
        #expect(plans.first?.path == "packs/participants.zip")
        let shared = try ZipContents(scratch.path("packs/participants.zip"))
        #expect(!shared.names.contains { $0.hasPrefix("certificates/") })
        let one = try ZipContents(scratch.path("packs/participants/grace-nakato.zip"))
        #expect(one.names.contains("certificates/grace-nakato.pdf"))
        #expect(one.names.filter { $0.hasPrefix("certificates/") }.count == 1)
        #expect(one.text("index.html").contains("Your sessions · Vos séances"))
        // Grace attended the opening plenary but not the flood-mapping workshop: its files stay in the
        // shared pack, and her index says where they are.
        #expect(shared.names.contains("materials/2027-03-23/opening-plenary/network-results-slides.pdf"))
        let graceSessions = builder.attendance.sessionsByPerson["grace-nakato"] ?? []
        for name in shared.names where name.hasPrefix("materials/") {
            let session = name.split(separator: "/")[2]
            #expect(one.names.contains(name) == graceSessions.contains(Session.ID(String(session))), "\(name)")
        }
        #expect(one.text("index.html").contains("in the shared pack (participants.zip)"))

        // Contacts: consented people's emails are listed, others' never appear.
        let csv = shared.text("attendance/attendance.csv")
        for person in builder.workspace.people where attendees.contains(person.id) {
            guard let email = person.email else { continue }
            let everything = shared.names.map { shared.text($0) }.joined()
            if person.consent.shareContact {
                #expect(csv.contains(email), "\(person.id) consented")
            } else {
                #expect(!everything.contains(email), "\(person.id) did not consent")
            }
        }
    }

    @Test("Manifest lists every other entry with its true size and SHA-256, in pack order")
    func manifestMatchesEntries() throws {
        let scratch = try Scratch()
        let builder = try Self.sampleBuilder()
        _ = try Self.write(builder, .person("oumar-keita"), into: scratch.path)
        let zip = try ZipContents(scratch.path("packs/participants/oumar-keita.zip"))
        #expect(zip.names.first == "index.html")
        #expect(zip.names.last == "manifest.json")
        let middle = Array(zip.names.dropFirst().dropLast())
        #expect(middle == middle.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        struct Manifest: Decodable {
            struct File: Decodable {
                var path: String
                var size: Int
                var sha256: String
                var session: String?
                var tags: [String]
                var languages: [String]
            }
            var files: [File]
            var audience: String
        }
        let manifest = try JSONDecoder().decode(Manifest.self, from: zip.data["manifest.json"]!)
        #expect(manifest.audience == "person:oumar-keita")
        #expect(manifest.files.map(\.path) == Array(zip.names.dropLast()))
        for file in manifest.files {
            let bytes = try #require(zip.data[file.path])
            #expect(file.size == bytes.count, "\(file.path)")
            #expect(file.sha256 == SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined(), "\(file.path)")
        }
        let photo = try #require(manifest.files.first { $0.path.hasSuffix("mapping-walk.png") })
        #expect(photo.session == "ws-flood-mapping")
        #expect(photo.tags == ["climate", "data"])
        #expect(photo.languages == ["fr"])
    }

    @Test("The certificate lists, in both languages, exactly the sessions the person checked in to")
    func certificateListsSessions() throws {
        let scratch = try Scratch()
        let builder = try Self.sampleBuilder()
        _ = try Self.write(builder, .person("senan-hounkpatin"), into: scratch.path)
        let zip = try ZipContents(scratch.path("packs/participants/senan-hounkpatin.zip"))
        let pdf = scratch.path("certificate.pdf")
        try zip.data["certificates/senan-hounkpatin.pdf"]!.write(to: URL(fileURLWithPath: pdf))
        let text = try runTool("pdftotext", ["-raw", pdf, "-"]).replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("Certificate of attendance"))
        #expect(text.contains("Attestation de participation"))
        let attended = builder.attendance.sessionsByPerson["senan-hounkpatin"] ?? []
        #expect(!attended.isEmpty)
        #expect(text.contains("Sessions attended (\(attended.count))"))
        for id in attended {
            let session = builder.workspace.sessionsByID[id]!
            #expect(text.contains(session.title.english!), "\(id)")
            #expect(text.contains(session.title.french!), "\(id)")
        }
        let skipped = builder.workspace.sessions.filter { !attended.contains($0.id) && $0.kind == .workshop }
        for session in skipped { #expect(!text.contains(session.title.english!), "\(session.id) not attended") }
        #expect(text.contains("Attendance recorded at check-in"))
    }

    @Test("Same workspace, same bytes: two builds give identical zips, all entries dated the event's last day")
    func deterministicBytes() throws {
        let a = try Scratch()
        let b = try Scratch()
        _ = try Self.write(try Self.sampleBuilder(), .city("Kampala"), into: a.path)
        _ = try Self.write(try Self.sampleBuilder(), .city("kampala"), into: b.path)
        let first = try Data(contentsOf: a.url.appendingPathComponent("packs/cities/kampala.zip"))
        let second = try Data(contentsOf: b.url.appendingPathComponent("packs/cities/kampala.zip"))
        #expect(first == second)
        let zip = try ZipContents(a.path("packs/cities/kampala.zip"))
        #expect(zip.dates == [Date(timeIntervalSince1970: 1_805_932_800)])  // 2027-03-25T00:00:00Z
        #expect(zip.names.filter { $0.hasPrefix("certificates/") }.count >= 2)
    }

    @Test("Without a check-in file, attendance comes from sign-ups and speakers, and the pack says so")
    func plannedAttendance() throws {
        let mini = try MiniWorkspace()
        let workspace = try mini.load()
        #expect(try workspace.state.checkIns(for: workspace) == nil)
        let attendance = Attendance(plannedFrom: workspace)
        #expect(attendance.sessionsByPerson["ana"] == ["s1", "s3"])
        #expect(attendance.sessionsByPerson["dan"] == nil)
        let builder = PackBuilder(workspace: workspace, attendance: attendance)
        #expect(throws: PackError.noAttendance("dan")) { _ = try builder.plan(.person("dan")) }
        #expect(throws: PackError.unknownPerson("zed")) { _ = try builder.plan(.person("zed")) }
        let scratch = try Scratch()
        _ = try Self.write(builder, .person("ana"), into: scratch.path)
        let zip = try ZipContents(scratch.path("packs/participants/ana.zip"))
        #expect(zip.text("index.html").contains("No check-in file was kept"))
        #expect(zip.text("index.html").contains("Ana plans markets."))
        // Ana did not attend s2: its photo is only in the shared pack.
        #expect(!zip.names.contains { $0.hasPrefix("materials/2027-03-24/s2/") })
        _ = try Self.write(builder, .participants, into: scratch.path)
        #expect(
            try ZipContents(scratch.path("packs/participants.zip")).names.contains(
                "materials/2027-03-24/s2/photo café.png"))
        // Attendance was not recorded, so no certificate of attendance is issued: none is guessed from sign-ups.
        #expect(builder.certificateBasis == nil)
        #expect(!zip.names.contains { $0.hasPrefix("certificates/") })
        #expect(
            zip.text("index.html").contains("No certificate of attendance: attendance was not recorded at check-in"))
    }

    @Test("certify: registration gives certificates of registration, saying so, from sign-ups and speaker lists")
    func registrationCertificates() throws {
        let mini = try MiniWorkspace(extraEvent: "certificates: { certify: registration }")
        let workspace = try mini.load()
        let builder = PackBuilder(workspace: workspace, attendance: Attendance(plannedFrom: workspace))
        #expect(builder.certificateBasis == .registration)
        let scratch = try Scratch()
        _ = try Self.write(builder, .person("ana"), into: scratch.path)
        let zip = try ZipContents(scratch.path("packs/participants/ana.zip"))
        #expect(zip.text("index.html").contains("Certificate of registration · Attestation d'inscription: Ana Lopes"))
        let pdf = scratch.path("c.pdf")
        try zip.data["certificates/ana.pdf"]!.write(to: URL(fileURLWithPath: pdf))
        let text = try runTool("pdftotext", ["-raw", pdf, "-"]).replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("Certificate of registration"))
        #expect(text.contains("Attestation d'inscription"))
        #expect(text.contains("Sessions registered for (2)"))
        #expect(text.contains("This certificate attests registration, not attendance."))
        #expect(!text.contains("Certificate of attendance"))
        #expect(!text.contains("No check-in was recorded"))
        #expect(text.contains("Markets and streets / Marchés et rues"))
        #expect(text.contains("Closing / Clôture"))
    }

    @Test("Figures are inline SVG with a title, a description and every value as text")
    func figures() throws {
        let mini = try MiniWorkspace()
        let workspace = try mini.load()
        let builder = PackBuilder(workspace: workspace, attendance: Attendance(plannedFrom: workspace))
        let scratch = try Scratch()
        _ = try Self.write(builder, .public, into: scratch.path)
        let index = try ZipContents(scratch.path("packs/public.zip")).text("index.html")
        #expect(index.components(separatedBy: "<svg ").count - 1 == 5)
        #expect(index.contains("<title id=\"by-city-title\">Attendees by city / Participants par ville (3)</title>"))
        #expect(index.contains("<desc id=\"by-city-desc\">Bamako: 1; Lagos: 1; Maputo: 1</desc>"))
        #expect(index.contains("<desc id=\"by-gender-desc\">not given / non renseigné: 2; female: 1</desc>"))
        #expect(
            index.contains(
                "<desc id=\"by-theme-desc\">economy: 1; no theme / sans thème: 1; streets: 1; water: 1</desc>"))
        // The public list names only Ana and Chloé (consented), never Ben.
        #expect(index.contains("Chloé Diallo") && !index.contains("Ben Okoro"))
        #expect(index.contains("1 further attendees are not named"))
    }

    @Test("Certificates leave out breaks and meals, even when someone checked in to them")
    func certificateSkipsMeals() throws {
        let mini = try MiniWorkspace()
        try mini.scratch.write("person,session\nchloe,s1\nchloe,lunch\n", to: "mini/attendance.csv")
        let workspace = try mini.load()
        let file = try #require(try workspace.state.checkIns(for: workspace))
        let attendance = Attendance(checkIns: file.checkIns, file: file.path, workspace: workspace)
        #expect(attendance.sessionsByPerson["chloe"] == ["s1", "lunch"])
        let scratch = try Scratch()
        _ = try Self.write(
            PackBuilder(workspace: workspace, attendance: attendance), .person("chloe"), into: scratch.path)
        let zip = try ZipContents(scratch.path("packs/participants/chloe.zip"))
        let pdf = scratch.path("c.pdf")
        try zip.data["certificates/chloe.pdf"]!.write(to: URL(fileURLWithPath: pdf))
        let text = try runTool("pdftotext", ["-raw", pdf, "-"])
        #expect(text.contains("Sessions attended (1)"))
        #expect(text.contains("Markets and streets"))
        #expect(!text.contains("Lunch"))
    }
}
