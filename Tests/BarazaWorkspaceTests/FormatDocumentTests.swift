import BarazaChecks
import BarazaModel
import BarazaTestSupport
import BarazaWorkspace
import Foundation
import Testing

/// `events/FORMAT.md` is the user's reference: its annotated example must load and check clean.
@Suite struct FormatDocumentTests {
    /// Each fenced YAML block that starts with `# <file>.yaml` becomes that file of a workspace.
    static func exampleWorkspace() throws -> URL {
        let document = try String(
            contentsOf: packageRoot.appendingPathComponent("events/FORMAT.md"), encoding: .utf8)
        let folder = ScratchFolders.url("format")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var written: [String] = []
        for block in document.components(separatedBy: "```yaml\n").dropFirst() {
            guard let body = block.components(separatedBy: "```").first, body.hasPrefix("# ") else { continue }
            let name = String(body.dropFirst(2).prefix { $0 != "\n" })
            try body.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
            written.append(name)
        }
        #expect(written.contains("event.yaml"))
        // The example's session lists a slide deck; a real workspace has the file.
        let materials = folder.appendingPathComponent("materials")
        try FileManager.default.createDirectory(at: materials, withIntermediateDirectories: true)
        try Data("%PDF-1.4\n".utf8).write(to: materials.appendingPathComponent("opening-slides.pdf"))
        return folder
    }

    @Test func theAnnotatedExampleLoadsAndChecksClean() throws {
        let folder = try Self.exampleWorkspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try loader.load(directory: folder.path)
        #expect(workspace.people.count >= 2)
        #expect(workspace.sessions.count >= 2)
        let findings = Checker().check([workspace])
        #expect(findings.isEmpty, "\(findings.map(\.rule))")
    }

    @Test("The example's badges, certificates and tags sections load as documented")
    func settingsLoad() throws {
        let folder = try Self.exampleWorkspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try loader.load(directory: folder.path)
        #expect(workspace.badgeSettings == BadgeSettings())
        #expect(workspace.certificateSettings.basis == .attendance)
        #expect(workspace.certificateSettings.logo == "branding/logo.svg")
        #expect(workspace.certificateSettings.signatory?.title?.french == "Responsable du secrétariat du réseau")
        #expect(workspace.tagNames["network"] == LocalizedText(english: "Network", french: "Réseau"))
        #expect(workspace.roomsByID["auditorium"]?.room.names.french == "Auditorium")
    }

    /// Keys the "Required fields" table marks required, each removed from the example in turn.
    static let requiredCases: [(file: String, line: String, field: String)] = [
        ("event.yaml", "  id: final-kigali-2027", "event.id"),
        ("event.yaml", "  timezone: Africa/Kigali", "event.timezone"),
        ("venues.yaml", "    country: RW", "venues[0].country"),
        ("people.yaml", "    name: Mariam Coulibaly", "people[0].name"),
        ("sessions.yaml", "    end: \"10:30\"", "sessions[0].end"),
    ]

    @Test("A key FORMAT.md marks required is reported as required when it is missing", arguments: requiredCases)
    func requiredKeysAreReported(file: String, line: String, field: String) throws {
        let folder = try Self.exampleWorkspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.hasPrefix(line) }, "\(line) is in the example")
        try (lines[..<index] + lines[(index + 1)...]).joined(separator: "\n").write(
            to: url, atomically: true, encoding: .utf8)
        let failure = #expect(throws: WorkspaceLoadFailure.self) { try loader.load(directory: folder.path) }
        let messages = failure?.errors.map(\.message) ?? []
        #expect(messages.contains { $0.contains(": \(field): required, but missing; expected") }, "\(messages)")
        let guide = try String(contentsOf: packageRoot.appendingPathComponent("events/FORMAT.md"), encoding: .utf8)
        let key = field.split(separator: ".").last.map(String.init)!
        #expect(guide.contains("`\(key)`"), "FORMAT.md's table names `\(key)`")
    }
}
