import BarazaModel
import Foundation

/// A session names a material (slides, a document) that is not a file inside the workspace. A warning before
/// the event (slides often arrive late); material packs refuse to build until it is there.
public struct MaterialRule: Rule {
    public init() {}
    public var id: String { "missing-material" }
    public var defaultSeverity: Severity { .warning }
    public var summary: String { "a session's material is not a file inside the workspace (packs need it)" }

    public func check(_ w: Workspace) -> [Finding] {
        let root = URL(fileURLWithPath: w.path).standardizedFileURL.resolvingSymlinksInPath().path
        var findings: [Finding] = []
        var seen = Set<Session.ID>()
        for session in w.sessions where seen.insert(session.id).inserted {
            for material in session.materials {
                guard let problem = Self.problem(with: material, under: root) else { continue }
                findings.append(
                    finding(
                        w, subjects: [w.subject(session)],
                        facts: [Fact("material", material), Fact("problem", problem)], locations: [session.location]))
            }
        }
        return findings
    }

    /// Why `material` (relative to the workspace folder `root`) cannot be used; nil when it is a readable file.
    static func problem(with material: String, under root: String) -> String? {
        if material.hasPrefix("/") { return "an absolute path; write it relative to the workspace" }
        let url = URL(fileURLWithPath: root).appendingPathComponent(material).standardizedFileURL
        let resolved = url.resolvingSymlinksInPath().path
        guard (resolved + "/").hasPrefix(root + "/") else { return "it leads outside the workspace folder" }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory) else {
            return "no such file"
        }
        if isDirectory.boolValue { return "a folder, not a file" }
        guard FileManager.default.isReadableFile(atPath: resolved) else { return "not readable" }
        return nil
    }
}
