import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes that are on disk when they return, for a writer that records progress as it goes (an outbox and its
/// log) rather than in one ``WorkspaceTransaction``. Each needs this process to hold the workspace's exclusive
/// lock, opens every folder on the way without following links, and flushes the file and its folder.
extension WorkspaceFolder {
    /// Replaces `relative` with `data` in one step (a temporary file beside it, flushed, then renamed over it).
    /// With `flush` false the file is not flushed here: many files are written, then ``flushFileSystem()`` once.
    public func writeDurably(_ data: Data, as relative: String, flush: Bool = true) throws(FolderError) {
        let (folder, name) = try openForWriting(relative)
        defer { close(folder) }
        let temporary = ".\(name).tmp-\(getpid())"
        let descriptor = openat(folder, temporary, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .unwritable(display(relative), reason: Self.systemReason()) }
        let written = Self.writeAll(data, to: descriptor) && (!flush || fsync(descriptor) == 0)
        let reason = Self.systemReason()
        close(descriptor)
        guard written, renameat(folder, temporary, folder, name) == 0 else {
            unlinkat(folder, temporary, 0)
            throw .unwritable(display(relative), reason: written ? Self.systemReason() : reason)
        }
        if flush { fsync(folder) }
    }

    /// Flushes everything written to the workspace's file system (files and folders alike) to disk.
    public func flushFileSystem() throws(FolderError) {
        guard WorkspaceLock.heldMode(self) == .exclusive else {
            throw .unwritable(path, reason: "written without the workspace's exclusive lock")
        }
        // syncfs(2) is not in Swift's Glibc module; sync(2) flushes this file system along with the others, once.
        sync()
    }

    /// Appends `data` to `relative` (created when missing) and flushes it before returning.
    public func appendDurably(_ data: Data, to relative: String) throws(FolderError) {
        let (folder, name) = try openForWriting(relative)
        defer { close(folder) }
        let descriptor = openat(folder, name, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .unwritable(display(relative), reason: Self.systemReason()) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw .notAFile(display(relative))
        }
        let created = status.st_size == 0
        guard Self.writeAll(data, to: descriptor), fsync(descriptor) == 0 else {
            throw .unwritable(display(relative), reason: Self.systemReason())
        }
        if created { fsync(folder) }
    }

    /// Checks the lock and the path, and opens (making it when missing) the folder that holds `relative`.
    private func openForWriting(_ relative: String) throws(FolderError) -> (Int32, String) {
        guard WorkspaceLock.heldMode(self) == .exclusive else {
            throw .unwritable(display(relative), reason: "written without the workspace's exclusive lock")
        }
        let entry = try entry(relative)
        if entry.exists {
            var status = stat()
            guard lstat(entry.canonical, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
                throw .notAFile(display(relative))
            }
        }
        return try openParent(of: entry.relative, written: display(relative), create: true)
    }

    static func writeAll(_ data: Data, to descriptor: Int32) -> Bool {
        data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let count = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += count
            }
            return true
        }
    }
}
