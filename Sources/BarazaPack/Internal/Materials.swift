import BarazaModel
import Foundation

/// A session material found on disk inside the workspace, ready to be streamed into a pack.
struct ResolvedMaterial: Hashable, Sendable {
    var session: Session
    /// The path as written in the session, relative to the workspace.
    var written: String
    /// The real path on disk (symbolic links resolved), inside the workspace.
    var file: String
    var size: Int64
    /// Where it goes in the pack: `materials/<day>/<session id>/<file name>`.
    var entry: String
}

enum Materials {
    /// Resolves every material of every session, in programme order. Fails on the first material that is
    /// missing, not a regular file, or outside the workspace (through `..`, an absolute path or a symbolic link).
    static func resolve(_ workspace: Workspace) throws(PackError) -> [ResolvedMaterial] {
        let root = realPath(workspace.path) ?? (workspace.path as NSString).standardizingPath
        var out: [ResolvedMaterial] = []
        var entries: Set<String> = []
        for session in Attendance.programmeOrder(workspace.sessions) {
            for written in session.materials {
                let outside = PackError.materialOutsideWorkspace(
                    session: session.id, path: written, at: session.location)
                if written.hasPrefix("/") || written.hasPrefix("~") { throw outside }
                var depth = 0
                for segment in written.split(separator: "/") where segment != "." {
                    depth += segment == ".." ? -1 : 1
                    if depth < 0 { throw outside }
                }
                let full = (root as NSString).appendingPathComponent(written)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else {
                    if pointsOutside(link: full, root: root) { throw outside }
                    throw .missingMaterial(session: session.id, path: written, at: session.location)
                }
                guard let real = realPath(full), real.hasPrefix(root + "/") else { throw outside }
                let attributes = try? FileManager.default.attributesOfItem(atPath: real)
                guard !isDirectory.boolValue, attributes?[.type] as? FileAttributeType == .typeRegular,
                    let size = (attributes?[.size] as? NSNumber)?.int64Value
                else { throw .materialNotAFile(session: session.id, path: written, at: session.location) }
                let name = (written as NSString).lastPathComponent
                let entry = try EntryName.normalise(
                    "materials/\(session.start.local.date.iso8601)/\(EntryName.slug(session.id.rawValue))/\(name)")
                guard entries.insert(entry).inserted else { throw .duplicateEntry(path: entry) }
                out.append(ResolvedMaterial(session: session, written: written, file: real, size: size, entry: entry))
            }
        }
        return out
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether `link` is a dangling symbolic link whose target lies outside `root` (then the material is
    /// reported as outside the workspace rather than missing).
    private static func pointsOutside(link: String, root: String) -> Bool {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: link) else { return false }
        let base = (link as NSString).deletingLastPathComponent
        let resolved = target.hasPrefix("/") ? target : (base as NSString).appendingPathComponent(target)
        return !(resolved as NSString).standardizingPath.hasPrefix(root + "/")
    }
}
