import BarazaBadges
import BarazaModel
import BarazaOutput
import BarazaTestSupport
import BarazaWorkspace
import Foundation

/// A scratch copy of a sample workspace, with a fixed badge key so ids (and golden files) do not depend on
/// the key a developer's own export created. Removed when dropped.
final class ScratchWorkspace {
    let root: URL
    let workspace: URL
    let exports: URL

    /// The fixed key: bytes 0...31.
    static let key = BadgeKey(secret: Array(0..<32), events: ["final-kigali-2027"])

    init(_ event: String = "final-kigali-2027", writeKey: Bool = true) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("baraza-badges-tests-\(UUID().uuidString)", isDirectory: true)
        workspace = root.appendingPathComponent("events/\(event)", isDirectory: true)
        exports = root.appendingPathComponent("exports/\(event)", isDirectory: true)
        try FileManager.default.createDirectory(
            at: workspace.deletingLastPathComponent(), withIntermediateDirectories: true)
        try ScratchFolders.copyWorkspace(at: packageRoot.appendingPathComponent("events/\(event)"), to: workspace)
        for leftover in [PrintedBadges.fileName, BadgeKey.fileName] {
            try? FileManager.default.removeItem(at: workspace.appendingPathComponent(leftover))
        }
        if writeKey {
            try Data(Self.key.fileText.utf8).write(to: workspace.appendingPathComponent(BadgeKey.fileName))
        }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func load() throws -> Workspace {
        try WorkspaceLoader(knownRuleIDs: []).load(directory: workspace.path)
    }

    func context(dryRun: Bool = false) -> ExportContext {
        ExportContext(directory: exports.path, dryRun: dryRun)
    }

    func badgeFile(_ name: String) -> URL { exports.appendingPathComponent("badges/\(name)") }

    /// Appends a person to `people.yaml`.
    func addPerson(id: String, name: String, roles: String = "participant") throws {
        let url = workspace.appendingPathComponent("people.yaml")
        var text = try String(contentsOf: url, encoding: .utf8)
        text += """
              - id: \(id)
                name: \(name)
                city: Kigali
                country: RW
                timezone: Africa/Kigali
                languages: [en]
                roles: [\(roles)]

            """
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
}

/// Runs the poppler and zbar tools the PDF checks use.
enum CommandLineTool {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let path = "/usr/bin/\(executable)"
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw Failure(description: "\(executable) is not installed (apt-get install poppler-utils zbar-tools)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(executable) exited with \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Whether pdftotext output holds a name: compared without whitespace, hyphens and bidi marks (pdftotext
/// breaks wrapped names across lines and wraps right-to-left runs in embedding marks), NFKC-normalised
/// (Arabic may come out in presentation forms), words in either direction for visual-order output.
func extractedText(_ text: String, contains name: String) -> Bool {
    func squeezed(_ string: String) -> String {
        let dropped: Set<Unicode.Scalar> = [
            "\u{200E}", "\u{200F}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}",
            "\u{2067}", "\u{2068}", "\u{2069}", "-", "\u{2010}",
        ]
        let scalars = string.precomposedStringWithCompatibilityMapping.unicodeScalars
            .filter { !dropped.contains($0) && !$0.properties.isWhitespace }
        // Cairo's ToUnicode entry for a lam-alef ligature lists the alef first ("لأ" comes out as "أل"), so
        // lam is left out of the comparison altogether.
        return String(String.UnicodeScalarView(scalars.filter { $0 != "\u{0644}" }))
    }
    let haystack = squeezed(text)
    if haystack.contains(squeezed(name)) { return true }
    return name.split(separator: " ").allSatisfy { word in
        let word = squeezed(String(word))
        return haystack.contains(word) || haystack.contains(String(word.reversed()))
    }
}
