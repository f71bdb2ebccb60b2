import BarazaModel
import BarazaPDF
import BarazaTestSupport
import BarazaWorkspace
import Foundation
import Testing

@testable import BarazaPack

/// Certificates say only what they can stand behind (issue 19): attendance where it was recorded, registration
/// when the workspace asks; room for a logo read from inside the workspace, and a bilingual signature line.
@Suite("Certificates: what they certify, the logo, the signature")
struct CertificateTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static let logo = """
        <svg xmlns="http://www.w3.org/2000/svg" width="240" height="80" viewBox="0 0 240 80">
          <rect x="0" y="0" width="80" height="80" rx="12" fill="#1F5FA8"/>
          <circle cx="40" cy="40" r="22" fill="#F2B705"/>
          <rect x="96" y="22" width="140" height="14" fill="#333333"/>
          <rect x="96" y="46" width="100" height="10" fill="#777777"/>
        </svg>
        """

    static let settings = """
        certificates:
          certify: attendance
          logo: branding/logo.svg
          signatory:
            name: Aïcha Diarra
            title: { en: Head of the Network Secretariat, fr: Responsable du secrétariat du réseau }
        """

    /// The mini workspace with the certificate settings `extra`, the SVG logo and a check-in file.
    static func workspace(_ extra: String = settings, checkIns: Bool = true) throws -> MiniWorkspace {
        let mini = try MiniWorkspace(extraEvent: extra)
        try mini.scratch.write(logo, to: "mini/branding/logo.svg")
        if checkIns { try mini.scratch.write("person,session\nana,s1\nana,s3\nchloe,s1\n", to: "mini/attendance.csv") }
        return mini
    }

    /// A builder over `mini` (keep `mini` alive while using it: its folder goes with it).
    static func builder(_ mini: MiniWorkspace) throws -> PackBuilder {
        let workspace = try mini.load()
        if let file = try workspace.state.checkIns(for: workspace) {
            return PackBuilder(
                workspace: workspace,
                attendance: Attendance(checkIns: file.checkIns, file: file.path, workspace: workspace))
        }
        return PackBuilder(workspace: workspace, attendance: Attendance(plannedFrom: workspace))
    }

    /// The certificate of `person` in their personal pack, written to a scratch PDF.
    static func certificate(_ builder: PackBuilder, _ person: Person.ID, scratch: Scratch) throws -> URL {
        for plan in try builder.plan(.person(person)) { try builder.write(plan, into: scratch.path) }
        let zip = try ZipContents(scratch.path("packs/participants/\(person.rawValue).zip"))
        let pdf = scratch.url.appendingPathComponent("certificate-\(person.rawValue).pdf")
        try #require(zip.data["certificates/\(person.rawValue).pdf"]).write(to: pdf)
        return pdf
    }

    @Test("A certificate of attendance with the logo and the signatory, as its golden image")
    func attendanceWithLogoAndSignature() throws {
        let mini = try Self.workspace()
        defer { withExtendedLifetime(mini) {} }
        let builder = try Self.builder(mini)
        #expect(builder.certificateBasis == .attendance)
        let scratch = try Scratch()
        let pdf = try Self.certificate(builder, "ana", scratch: scratch)
        let text = try runTool("pdftotext", ["-raw", pdf.path, "-"]).replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("Certificate of attendance") && text.contains("Attestation de participation"))
        #expect(text.contains("Sessions attended (2)"))
        #expect(text.contains("Aïcha Diarra"))
        #expect(
            text.contains("Head of the Network Secretariat") && text.contains("Responsable du secrétariat du réseau"))
        #expect(text.contains("Attendance recorded at check-in (attendance.csv)."))
        #expect(!text.contains("No check-in"))
        // The SVG stays vector: no raster image in the PDF.
        #expect(try runTool("pdfimages", ["-list", pdf.path]).split(separator: "\n").count == 2)
        assertImageGolden(try renderPage(pdf), golden: Self.golden.appendingPathComponent("certificate-attendance.png"))
    }

    @Test("Only people recorded at a session get a certificate of attendance")
    func onlyRecordedAttendees() throws {
        let mini = try Self.workspace()
        defer { withExtendedLifetime(mini) {} }
        let builder = try Self.builder(mini)
        let scratch = try Scratch()
        let plans = try builder.plan(.participants)
        for plan in plans { try builder.write(plan, into: scratch.path) }
        // Ben signed up for two sessions but was never checked in: a personal pack only if he attended.
        #expect(!plans.map(\.path).contains("packs/participants/ben.zip"))
        let chloe = try ZipContents(scratch.path("packs/participants/chloe.zip"))
        #expect(chloe.names.contains("certificates/chloe.pdf"))
    }

    @Test("Without a check-in file no certificate of attendance is issued, and the export says why")
    func noCheckInNoCertificate() throws {
        let mini = try Self.workspace(checkIns: false)
        defer { withExtendedLifetime(mini) {} }
        let builder = try Self.builder(mini)
        #expect(builder.certificateBasis == nil)
        let scratch = try Scratch()
        for plan in try builder.plan(.person("ana")) { try builder.write(plan, into: scratch.path) }
        let zip = try ZipContents(scratch.path("packs/participants/ana.zip"))
        #expect(!zip.names.contains { $0.hasPrefix("certificates/") })
        #expect(
            zip.text("index.html").contains("No certificate of attendance: attendance was not recorded at check-in."))
        let result = try PackExporter(audiences: [.person("ana")]).export(
            try mini.load(), context: .init(directory: scratch.path("out")))
        #expect(result.notes.contains { $0.hasPrefix("no certificates of attendance: attendance was not recorded") })
    }

    @Test("A certificate of registration says what it certifies, as its golden image")
    func registration() throws {
        let mini = try Self.workspace(
            """
            certificates:
              certify: registration
              signatory: { name: Aïcha Diarra, title: Secrétaire générale }
            """, checkIns: false)
        defer { withExtendedLifetime(mini) {} }
        let builder = try Self.builder(mini)
        #expect(builder.certificateBasis == .registration)
        let scratch = try Scratch()
        let pdf = try Self.certificate(builder, "ana", scratch: scratch)
        let text = try runTool("pdftotext", ["-raw", pdf.path, "-"]).replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("Certificate of registration") && text.contains("Attestation d'inscription"))
        #expect(text.contains("This certificate attests registration, not attendance."))
        #expect(!text.contains("attendance ·") && !text.contains("No check-in"))
        assertImageGolden(
            try renderPage(pdf), golden: Self.golden.appendingPathComponent("certificate-registration.png"))
    }

    @Test("certify: none issues no certificate at all")
    func none() throws {
        let mini = try Self.workspace("certificates: { certify: none }")
        defer { withExtendedLifetime(mini) {} }
        let builder = try Self.builder(mini)
        #expect(builder.certificateBasis == nil)
        let scratch = try Scratch()
        for plan in try builder.plan(.participants) { try builder.write(plan, into: scratch.path) }
        let zip = try ZipContents(scratch.path("packs/participants/ana.zip"))
        #expect(!zip.names.contains { $0.hasPrefix("certificates/") })
        #expect(zip.text("index.html").contains("No certificates are issued for this event."))
    }

    @Test("A PNG logo is drawn too")
    func pngLogo() throws {
        let mini = try Self.workspace(Self.settings.replacingOccurrences(of: "logo.svg", with: "logo.png"))
        defer { withExtendedLifetime(mini) {} }
        let png = packageRoot.appendingPathComponent(
            "events/final-kigali-2027/materials/ws-flood-mapping/mapping-walk.png")
        try FileManager.default.copyItem(at: png, to: URL(fileURLWithPath: mini.scratch.path("mini/branding/logo.png")))
        defer { withExtendedLifetime(mini) {} }
        let scratch = try Scratch()
        let pdf = try Self.certificate(try Self.builder(mini), "ana", scratch: scratch)
        #expect(try runTool("pdfimages", ["-list", pdf.path]).split(separator: "\n").count == 3)
    }

    // MARK: The logo stays inside the workspace

    @Test("A logo path with .. or an absolute path is refused when the workspace loads")
    func logoPathLeaving() throws {
        for path in ["../outside.svg", "/etc/logo.svg", "branding/../../x.svg", "logo.gif"] {
            let mini = try MiniWorkspace(extraEvent: "certificates: { logo: \"\(path)\" }")
            let failure = #expect(throws: WorkspaceLoadFailure.self) { try mini.load() }
            #expect(
                failure?.errors.first?.message.contains(
                    "certificates.logo: `\(path)` is not valid; expected a PNG or SVG")
                    == true, "\(path): \(failure?.errors.map(\.message) ?? [])")
        }
    }

    @Test("A logo reached through a link out of the workspace is refused, and its content never shown")
    func logoLinkLeaving() throws {
        let outside = try Scratch()
        try outside.write(Self.logo.replacingOccurrences(of: "#1F5FA8", with: "#SECRET"), to: "secret.svg")
        let mini = try MiniWorkspace(extraEvent: "certificates: { logo: branding/logo.svg }")
        defer { withExtendedLifetime(mini) {} }
        try mini.scratch.write("person,session\nana,s1\n", to: "mini/attendance.csv")
        try FileManager.default.createDirectory(
            atPath: mini.scratch.path("mini/branding"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: mini.scratch.path("mini/branding/logo.svg"), withDestinationPath: outside.path("secret.svg"))
        let builder = try Self.builder(mini)
        let error = #expect(throws: PackError.self) { try builder.plan(.participants) }
        #expect(
            error?.description.hasSuffix(
                "certificates.logo: `branding/logo.svg` is outside the workspace (through a link)") == true)
        #expect(error?.description.contains("SECRET") == false)
    }

    @Test(
        "A logo that is missing, too large or not a picture is refused with its path and why",
        arguments: [
            ("missing", "does not exist in the workspace"),
            ("large", "cannot be used: the file holds 5242881 bytes; at most 5242880 are read"),
            ("garbage", "cannot be used: not a readable SVG file"),
        ])
    func badLogo(kind: String, reason: String) throws {
        let mini = try MiniWorkspace(extraEvent: "certificates: { logo: branding/logo.svg }")
        defer { withExtendedLifetime(mini) {} }
        try mini.scratch.write("person,session\nana,s1\n", to: "mini/attendance.csv")
        switch kind {
        case "large":
            try mini.scratch.write(String(repeating: " ", count: 5 * 1024 * 1024 + 1), to: "mini/branding/logo.svg")
        case "garbage": try mini.scratch.write("<svg><not closed", to: "mini/branding/logo.svg")
        default: break
        }
        let builder = try Self.builder(mini)
        let error = #expect(throws: PackError.self) { try builder.plan(.participants) }
        #expect(
            error?.description.contains("certificates.logo: `branding/logo.svg` \(reason)") == true,
            "\(String(describing: error))")
    }

    @Test("An SVG logo cannot pull in another file: what it references outside itself is not drawn")
    func svgReferencesAreNotLoaded() throws {
        let png = packageRoot.appendingPathComponent(
            "events/final-kigali-2027/materials/ws-flood-mapping/mapping-walk.png")
        let svg = """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="40">
              <rect width="100" height="40" fill="#1F5FA8"/>
              <image x="0" y="0" width="100" height="40" xlink:href="file://\(png.path)"/>
              <image x="0" y="0" width="100" height="40" href="\(png.path)"/>
            </svg>
            """
        let mini = try Self.workspace()
        defer { withExtendedLifetime(mini) {} }
        try mini.scratch.write(svg, to: "mini/branding/logo.svg")
        let scratch = try Scratch()
        let pdf = try Self.certificate(try Self.builder(mini), "ana", scratch: scratch)
        #expect(try runTool("pdfimages", ["-list", pdf.path]).split(separator: "\n").count == 2, "no image drawn")
    }

    @Test("A 100,000-character name makes a certificate as cheap as a long one: the name is cut to what shows")
    func hostileName() throws {
        let mini = try Self.workspace()
        defer { withExtendedLifetime(mini) {} }
        var workspace = try mini.load()
        let long = String(repeating: "Oluwaseun Adebayo ", count: 6_000)
        workspace.people[workspace.people.firstIndex { $0.id == "ana" }!].name = long
        let certificate = Certificate(
            person: workspace.people.first { $0.id == "ana" }!, sessions: Array(workspace.sessions.prefix(2)),
            workspace: workspace, basis: .attendance, recordedIn: nil, logo: nil)
        for page in certificate.document.pages {
            for paragraph in page.paragraphs { #expect(paragraph.content.source.count < 2_000) }
        }
    }
}
