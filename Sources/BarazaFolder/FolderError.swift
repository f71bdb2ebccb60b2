/// Why a path, the lock or a change of a workspace folder was refused. Each case names the path as the user or the
/// file wrote it; none carries the content of a file.
public enum FolderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The workspace folder does not exist.
    case noSuchFolder(String)
    /// The workspace path names something that is not a folder.
    case notAFolder(String)
    /// An absolute path where a path relative to the workspace is expected.
    case absolute(String)
    /// The path leads outside the workspace folder (through `..` or a symbolic link), once resolved.
    case outside(String)
    /// The path is empty, or holds a component Baraza never writes (`..`, `.`, `.baraza`, a NUL byte).
    case invalidPath(String)
    /// Nothing is there.
    case notFound(String)
    /// Something is there, but not a regular file (a folder, a device, a pipe).
    case notAFile(String)
    /// The system refused to open or read it.
    case unreadable(String, reason: String)
    /// A folder on the way became a symbolic link (or stopped being a folder) between resolving and opening.
    case changed(String)
    /// Another process held the workspace lock for longer than the timeout.
    case lockTimeout(folder: String, seconds: Double, holder: String?)
    /// The system refused a write; nothing was changed.
    case unwritable(String, reason: String)
    /// A change was committed but could not be completed; the next command that opens the workspace completes it.
    case unfinished(String, reason: String)
    /// The journal of an interrupted change is not one Baraza wrote.
    case damagedJournal(String, reason: String)

    /// The path the error is about, as written.
    public var path: String {
        switch self {
        case .noSuchFolder(let p), .notAFolder(let p), .absolute(let p), .outside(let p), .invalidPath(let p),
            .notFound(let p), .notAFile(let p), .unreadable(let p, _), .changed(let p), .unwritable(let p, _),
            .unfinished(let p, _), .damagedJournal(let p, _):
            return p
        case .lockTimeout(let folder, _, _): return folder
        }
    }

    /// What is wrong, without the path: `leads outside the workspace folder`.
    public var reason: String {
        switch self {
        case .noSuchFolder: return "no such folder"
        case .notAFolder: return "not a folder"
        case .absolute: return "an absolute path; write it relative to the workspace"
        case .outside: return "leads outside the workspace folder"
        case .invalidPath: return "not a plain relative path inside the workspace"
        case .notFound: return "no such file"
        case .notAFile: return "not a regular file"
        case .unreadable(_, let reason): return reason
        case .changed: return "changed while being opened (a folder on the way became a symbolic link)"
        case .lockTimeout(_, let seconds, let holder):
            let by = holder.map { " by \($0)" } ?? " by another process"
            return "the workspace is locked\(by); gave up after \(WorkspaceLock.formatted(seconds)) s "
                + "(set \(LockWaiting.timeoutVariable) to wait longer)"
        case .unwritable(_, let reason): return reason
        case .unfinished(_, let reason):
            return "the change is committed but not yet in place (\(reason)); the next baraza command on this "
                + "workspace completes it"
        case .damagedJournal(_, let reason):
            return "the journal of an interrupted change is damaged (\(reason)); remove the .baraza folder "
                + "to drop that change"
        }
    }

    /// `path: reason`.
    public var description: String { "\(path): \(reason)" }
}
