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

/// A session material that cannot go into a pack (missing, not a file, outside the workspace), left out because
/// the workspace's `missing-material` severity is not an error.
struct MissingMaterial: Hashable, Sendable {
    var session: Session.ID
    var written: String
    var problem: PackError

    /// How packs name it: ``material `materials/x.pdf` of session `visit` ``.
    var label: String { "material `\(written)` of session `\(session)`" }
}

enum Materials {
    /// Resolves every material of every session, in programme order. A material that is missing, not a regular
    /// file, or outside the workspace (through `..`, an absolute path or a symbolic link) fails the whole
    /// resolution, unless `leavingOut` is set: then it is returned among `missing` and never read.
    static func resolve(_ workspace: Workspace, leavingOut: Bool) throws(PackError) -> (
        found: [ResolvedMaterial], missing: [MissingMaterial]
    ) {
        let folder = try? WorkspaceFolder(workspace.path)
        var out: [ResolvedMaterial] = []
        var missingOut: [MissingMaterial] = []
        var entries: Set<String> = []
        for session in Attendance.programmeOrder(workspace.sessions) {
            for written in session.materials {
                let found: (file: String, size: Int64)
                do throws(PackError) { found = try resolve(written, of: session, in: folder) } catch {
                    guard leavingOut else { throw error }
                    missingOut.append(MissingMaterial(session: session.id, written: written, problem: error))
                    continue
                }
                let entry = try EntryName.normalise(
                    "materials/\(session.start.local.date.iso8601)/\(EntryName.slug(session.id.rawValue))/"
                        + (written as NSString).lastPathComponent)
                guard entries.insert(entry).inserted else { throw .duplicateEntry(path: entry) }
                out.append(
                    ResolvedMaterial(
                        session: session, written: written, file: found.file, size: found.size, entry: entry))
            }
        }
        return (out, missingOut)
    }

    /// Where one material is on disk and its size.
    private static func resolve(_ written: String, of session: Session, in folder: WorkspaceFolder?)
        throws(PackError) -> (file: String, size: Int64)
    {
        let outside = PackError.materialOutsideWorkspace(session: session.id, path: written, at: session.location)
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
        return (resolved.canonical, size)
    }
}
