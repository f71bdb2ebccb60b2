import BarazaFolder
import BarazaModel
import Foundation

/// A session names a material (slides, a document) that is not a file inside the workspace. A warning by default
/// (slides often arrive late). Material packs follow the same severity: as a warning (or off) they are built
/// without the material and say so; made an error (`checks: { severity: { missing-material: error } }`) the
/// packs refuse to build, as `check` fails.
public struct MaterialRule: Rule {
    public init() {}
    public var id: String { "missing-material" }
    public var defaultSeverity: Severity { .warning }
    public var summary: String { "a session's material is not a file inside the workspace (packs need it)" }

    /// The severity `w` gives the rule (its `checks.severity` entry, else the default); nil when turned off.
    public static func severity(in w: Workspace) -> Severity? {
        let rule = MaterialRule()
        if let override = w.settings.severityOverrides[rule.id] { return override }
        return rule.defaultSeverity
    }

    public func check(_ w: Workspace) -> [Finding] {
        let folder = try? WorkspaceFolder(w.path)
        var findings: [Finding] = []
        var seen = Set<Session.ID>()
        for session in w.sessions where seen.insert(session.id).inserted {
            for material in session.materials {
                let problem = folder.map { Self.problem(with: material, in: $0) } ?? "no such file"
                guard let problem else { continue }
                findings.append(
                    finding(
                        w, subjects: [w.subject(session)],
                        facts: [Fact("material", material), Fact("problem", problem)], locations: [session.location]))
            }
        }
        return findings
    }

    /// Why `material` (relative to the workspace folder) cannot be used; nil when it is a readable regular file.
    /// Resolved canonically: `..` or a symbolic link that leads outside the workspace is a problem.
    public static func problem(with material: String, in folder: WorkspaceFolder) -> String? {
        let entry: WorkspaceFolder.Entry
        do { entry = try folder.resolve(material) } catch { return error.reason }
        guard entry.exists else { return "no such file" }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: entry.canonical, isDirectory: &isDirectory) else {
            return "no such file"
        }
        if isDirectory.boolValue { return "a folder, not a file" }
        guard FileManager.default.isReadableFile(atPath: entry.canonical) else { return "not readable" }
        return nil
    }
}
