import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The journal of a ``WorkspaceTransaction``, and what the next command does with it after a crash.
///
/// While a change is under way, `.baraza/` in the workspace holds:
/// - `.gitignore` (`*`): the folder stays out of version control even where the repository's own does not list it;
/// - `staging/`: the new contents, one file per destination, named by number;
/// - `journal.tmp`, then `journal`: the renames to make, as JSON
///   (`{"format":1,"renames":[{"staged":"1","destination":"registrations.yaml"}]}`). The journal is renamed into
///   place only when complete and flushed: that rename is the commit point.
///
/// ``recover(_:)``, called under the exclusive lock by the next command that opens the workspace, plays a journal
/// to the end (each staged file still there is renamed to its destination), or, without one, drops the staged
/// files; then it removes the folder. A journal is checked like any file of the workspace: staged names are
/// numbers, destinations plain relative paths that resolve inside the workspace.
public enum WorkspaceJournal {
    /// One rename of the commit: `staging/<staged>` becomes `<destination>` (relative to the workspace).
    struct Rename: Codable, Hashable {
        var staged: String
        var destination: String
    }

    private struct Document: Codable {
        var format: Int
        var renames: [Rename]
    }

    static let name = "journal"
    static let temporaryName = "journal.tmp"
    static let stagingName = "staging"
    static let ignoreName = ".gitignore"
    static let ignoreText = "# Baraza's own files while it changes this workspace; never commit them.\n*\n"
    static let folderFlags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC
    /// A journal larger than this is not one Baraza wrote.
    static let maximumSize = 16 << 20

    /// Whether `folder` holds what an interrupted change leaves (`.baraza/` with anything in it but its
    /// `.gitignore` and the cache files, or a `.baraza` that is not a folder), so a reader must first let
    /// ``recover(_:)`` run.
    public static func hasInterruptedChange(_ folder: WorkspaceFolder) -> Bool {
        var status = stat()
        guard lstat(folder.root + "/" + WorkspaceFolder.privateFolderName, &status) == 0 else { return false }
        guard status.st_mode & S_IFMT == S_IFDIR else { return true }
        let descriptor = openPath(folder.root + "/" + WorkspaceFolder.privateFolderName, folderFlags)
        guard descriptor >= 0 else { return true }
        defer { close(descriptor) }
        return names(in: descriptor).contains { $0 != ignoreName && $0 != WorkspaceFolder.cacheFolderName }
    }

    /// Completes (journal present) or drops (no journal) a change a crash interrupted, then removes `.baraza/`
    /// when nothing else is in it. The caller holds the exclusive lock.
    public static func recover(_ folder: WorkspaceFolder) throws(FolderError) {
        guard hasInterruptedChange(folder) else { return }
        let privateFolder = try openPrivateFolder(folder, create: false)
        guard privateFolder >= 0 else { return }
        defer { close(privateFolder) }
        let journalShown = folder.display(WorkspaceFolder.privateFolderName + "/" + name)
        let descriptor = openat(privateFolder, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        if descriptor >= 0 {
            let data: Data
            do {
                defer { close(descriptor) }
                var status = stat()
                guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
                    Int(status.st_size) <= maximumSize
                else { throw FolderError.damagedJournal(journalShown, reason: "not a journal file") }
                data = try WorkspaceFolder.readAll(descriptor, written: journalShown)
            }
            let renames = try parse(data, folder: folder, display: journalShown)
            let staging = openat(privateFolder, stagingName, folderFlags)
            guard staging >= 0 else {
                throw FolderError.damagedJournal(journalShown, reason: "its staging folder is missing")
            }
            defer { close(staging) }
            try apply(renames, folder: folder, staging: staging)
            unlinkat(privateFolder, name, 0)
            fsync(privateFolder)
        } else if errno != ENOENT {
            throw .unreadable(journalShown, reason: WorkspaceFolder.systemReason())
        }
        clean(privateFolder)
        removePrivateFolder(folder)
    }

    /// Writes `renames` to `journal.tmp` in the private folder and flushes it.
    static func write(_ renames: [Rename], in privateFolder: Int32, display: String) throws(FolderError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard var data = try? encoder.encode(Document(format: 1, renames: renames)) else {
            throw .unwritable(display, reason: "cannot encode the journal")
        }
        data.append(0x0A)
        unlinkat(privateFolder, temporaryName, 0)
        let descriptor = openat(
            privateFolder, temporaryName, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .unwritable(display, reason: WorkspaceFolder.systemReason()) }
        defer { close(descriptor) }
        try FileCopy.writeAll(data, to: descriptor, display: display)
        guard fsync(descriptor) == 0 else { throw .unwritable(display, reason: WorkspaceFolder.systemReason()) }
    }

    /// The renames of a journal, each checked: a numbered staged file, a destination inside the workspace.
    static func parse(_ data: Data, folder: WorkspaceFolder, display: String) throws(FolderError) -> [Rename] {
        guard let document = try? JSONDecoder().decode(Document.self, from: data) else {
            throw .damagedJournal(display, reason: "not the JSON Baraza writes")
        }
        guard document.format == 1 else { throw .damagedJournal(display, reason: "format \(document.format)") }
        for rename in document.renames {
            guard !rename.staged.isEmpty, rename.staged.count <= 12, rename.staged.allSatisfy(\.isASCII),
                rename.staged.allSatisfy(\.isNumber)
            else { throw .damagedJournal(display, reason: "a staged file that is not one of Baraza's") }
            guard let entry = try? folder.entry(rename.destination), entry.relative == rename.destination else {
                throw .damagedJournal(display, reason: "a destination that is not a plain path inside the workspace")
            }
        }
        return document.renames
    }

    /// Renames each staged file still in `staging` to its destination (creating missing folders, following no
    /// link), then flushes the folders. Renames already made are skipped, so playing a journal twice is harmless.
    static func apply(_ renames: [Rename], folder: WorkspaceFolder, staging: Int32) throws(FolderError) {
        var touched: [String: Int32] = [:]
        defer { for descriptor in touched.values { close(descriptor) } }
        for rename in renames {
            var status = stat()
            guard fstatat(staging, rename.staged, &status, AT_SYMLINK_NOFOLLOW) == 0 else {
                if errno == ENOENT { continue }
                throw .unwritable(folder.display(rename.destination), reason: WorkspaceFolder.systemReason())
            }
            let shown = folder.display(rename.destination)
            guard status.st_mode & S_IFMT == S_IFREG else { throw .notAFile(shown) }
            let (parent, last) = try folder.openParent(of: rename.destination, written: shown, create: true)
            let parentPath = PathText.parent(of: rename.destination)
            guard renameat(staging, rename.staged, parent, last) == 0 else {
                let reason = WorkspaceFolder.systemReason()
                close(parent)
                throw .unwritable(shown, reason: reason)
            }
            if touched[parentPath] == nil { touched[parentPath] = parent } else { close(parent) }
            CommitSteps.passed("renamed into \(rename.destination)")
        }
        for descriptor in touched.values { fsync(descriptor) }
        CommitSteps.passed("folders flushed")
    }

    /// Opens `.baraza/` (making it, with its `.gitignore`, when `create`); -1 when absent and not `create`.
    /// - Throws: when `.baraza` is a symbolic link or a file: Baraza never writes through one.
    static func openPrivateFolder(_ folder: WorkspaceFolder, create: Bool) throws(FolderError) -> Int32 {
        let shown = folder.display(WorkspaceFolder.privateFolderName)
        let root = openPath(folder.root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { throw .unreadable(folder.path, reason: WorkspaceFolder.systemReason()) }
        defer { close(root) }
        if create && mkdirat(root, WorkspaceFolder.privateFolderName, 0o755) != 0 && errno != EEXIST {
            throw .unwritable(shown, reason: WorkspaceFolder.systemReason())
        }
        let descriptor = openat(root, WorkspaceFolder.privateFolderName, folderFlags)
        guard descriptor >= 0 else {
            if errno == ENOENT && !create { return -1 }
            if errno == ELOOP || errno == ENOTDIR {
                throw .unwritable(
                    shown, reason: "not a folder Baraza made (a symbolic link or a file); remove it and try again")
            }
            throw .unwritable(shown, reason: WorkspaceFolder.systemReason())
        }
        if create {
            let ignore = openat(
                descriptor, ignoreName, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if ignore >= 0 {
                try? FileCopy.writeAll(Data(ignoreText.utf8), to: ignore, display: shown)
                close(ignore)
            }
        }
        return descriptor
    }

    /// Removes the staging folder's files, the staging folder and a leftover `journal.tmp` (not the journal).
    static func clean(_ privateFolder: Int32) {
        unlinkat(privateFolder, temporaryName, 0)
        let staging = openat(privateFolder, stagingName, folderFlags)
        if staging >= 0 {
            for name in names(in: staging) { unlinkat(staging, name, 0) }
            close(staging)
            unlinkat(privateFolder, stagingName, AT_REMOVEDIR)
        }
    }

    /// Removes `.baraza/` when it holds nothing but Baraza's own `.gitignore` (left alone otherwise).
    static func removePrivateFolder(_ folder: WorkspaceFolder) {
        let root = openPath(folder.root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { return }
        defer { close(root) }
        let descriptor = openat(root, WorkspaceFolder.privateFolderName, folderFlags)
        guard descriptor >= 0 else { return }
        let inside = names(in: descriptor)
        if inside == [ignoreName] {
            let ignore = openat(descriptor, ignoreName, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
            let text = ignore >= 0 ? (try? WorkspaceFolder.readAll(ignore, written: ignoreName)) : nil
            if ignore >= 0 { close(ignore) }
            if text == Data(ignoreText.utf8) { unlinkat(descriptor, ignoreName, 0) }
        }
        close(descriptor)
        if inside.isEmpty || inside == [ignoreName],
            unlinkat(root, WorkspaceFolder.privateFolderName, AT_REMOVEDIR) == 0
        {
            fsync(root)
        }
    }

    /// The names in the open folder `descriptor` (without `.` and `..`).
    static func names(in descriptor: Int32) -> [String] {
        guard let stream = fdopendir(dup(descriptor)) else { return [] }
        defer { closedir(stream) }
        var names: [String] = []
        while let item = readdir(stream) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}

extension WorkspaceFolder {
    /// Takes the shared lock for reading the workspace, after completing (under the exclusive lock) any change a
    /// crash interrupted, so a reader never sees half of one.
    public func lockForReading(waiting: LockWaiting = .standard) throws(FolderError) -> WorkspaceLock {
        if WorkspaceLock.heldMode(self) == nil && WorkspaceJournal.hasInterruptedChange(self) {
            let writer = try WorkspaceLock.acquire(self, .exclusive, waiting: waiting)
            defer { writer.release() }
            try WorkspaceJournal.recover(self)
        }
        return try WorkspaceLock.acquire(self, .shared, waiting: waiting)
    }
}
