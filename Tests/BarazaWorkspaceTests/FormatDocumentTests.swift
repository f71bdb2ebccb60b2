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
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("format-\(UUID().uuidString)")
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
}
