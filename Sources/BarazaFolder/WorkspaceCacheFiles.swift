import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Baraza's own cache files in a workspace: `.baraza/cache/<name>`, beside (never inside) what a change stages.
///
/// A cache only ever saves work: a reader that finds a file missing, unreadable or damaged does the work again.
/// Cache files are written under the workspace's shared lock (so never during a change), as a temporary file
/// renamed into place, through folders opened without following links; they are not flushed to disk (a file lost
/// in a crash is only work to redo). `.baraza/` holds its own `.gitignore`.
extension WorkspaceFolder {
    /// The folder in `.baraza/` that holds the cache files.
    static let cacheFolderName = "cache"

    /// The cache file `name` (a plain file name), or nil when it is missing or cannot be read.
    public func cachedData(named name: String) -> Data? {
        guard Self.isPlainName(name) else { return nil }
        guard let privateFolder = try? WorkspaceJournal.openPrivateFolder(self, create: false), privateFolder >= 0
        else { return nil }
        defer { close(privateFolder) }
        let cache = openat(privateFolder, Self.cacheFolderName, WorkspaceJournal.folderFlags)
        guard cache >= 0 else { return nil }
        defer { close(cache) }
        let descriptor = openat(cache, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return try? Self.readAll(descriptor, written: name)
    }

    /// Replaces the cache file `name` with `data`; false when it could not be written (the cache is then simply
    /// missing). Needs this process to hold the workspace's lock (shared is enough: no change is under way).
    @discardableResult
    public func storeCachedData(_ data: Data, named name: String) -> Bool {
        guard Self.isPlainName(name), WorkspaceLock.heldMode(self) != nil else { return false }
        guard let privateFolder = try? WorkspaceJournal.openPrivateFolder(self, create: true), privateFolder >= 0
        else { return false }
        defer { close(privateFolder) }
        guard mkdirat(privateFolder, Self.cacheFolderName, 0o700) == 0 || errno == EEXIST else { return false }
        let cache = openat(privateFolder, Self.cacheFolderName, WorkspaceJournal.folderFlags)
        guard cache >= 0 else { return false }
        defer { close(cache) }
        let temporary = ".\(name).tmp-\(getpid())"
        let descriptor = openat(cache, temporary, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return false }
        let written = Self.writeAll(data, to: descriptor)
        close(descriptor)
        guard written, renameat(cache, temporary, cache, name) == 0 else {
            unlinkat(cache, temporary, 0)
            return false
        }
        return true
    }

    private static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.utf8.contains(0)
    }
}
