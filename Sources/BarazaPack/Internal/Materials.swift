import BarazaFolder
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
        let folder = try? WorkspaceFolder(workspace.path)
        var out: [ResolvedMaterial] = []
        var entries: Set<String> = []
        for session in Attendance.programmeOrder(workspace.sessions) {
            for written in session.materials {
                let outside = PackError.materialOutsideWorkspace(
                    session: session.id, path: written, at: session.location)
                let missing = PackError.missingMaterial(session: session.id, path: written, at: session.location)
                if written.hasPrefix("/") || written.hasPrefix("~") { throw outside }
                var depth = 0
                for segment in written.split(separator: "/") where segment != "." {
                    depth += segment == ".." ? -1 : 1
                    if depth < 0 { throw outside }
                }
                // Where the path really leads (links resolved) decides; see `WorkspaceFolder`.
                guard let folder else { throw missing }
                let resolved: WorkspaceFolder.Entry
                do { resolved = try folder.resolve(written) } catch {
                    switch error {
                    case .outside, .absolute, .invalidPath: throw outside
                    default: throw missing
                    }
                }
                guard resolved.exists else { throw missing }
                let attributes = try? FileManager.default.attributesOfItem(atPath: resolved.canonical)
                guard attributes?[.type] as? FileAttributeType == .typeRegular,
                    let size = (attributes?[.size] as? NSNumber)?.int64Value
                else { throw .materialNotAFile(session: session.id, path: written, at: session.location) }
                let name = (written as NSString).lastPathComponent
                let entry = try EntryName.normalise(
                    "materials/\(session.start.local.date.iso8601)/\(EntryName.slug(session.id.rawValue))/\(name)")
                guard entries.insert(entry).inserted else { throw .duplicateEntry(path: entry) }
                out.append(
                    ResolvedMaterial(
                        session: session, written: written, file: resolved.canonical, size: size, entry: entry))
            }
        }
        return out
    }
}
