import BarazaFolder
import Foundation

/// Writes files so that a reader never sees half of one: the bytes go to a temporary file in the same folder,
/// which is then renamed over the destination. A failed write leaves the earlier file untouched.
public enum AtomicFile {
    /// Writes `data` to `path`, creating missing parent folders.
    /// - Throws: a `CocoaError` naming `path` (``writeError(_:path:)``) when the file cannot be written.
    public static func write(_ data: Data, to path: String) throws {
        try stream(to: path) { try $0.write(data) }
    }

    /// Writes UTF-8 text to `path`.
    public static func write(_ text: String, to path: String) throws { try write(Data(text.utf8), to: path) }

    /// Streams a file to `path`: `body` writes through a buffered writer into a temporary file, which is renamed
    /// over `path` only when `body` returns. Memory stays bounded by the buffer, whatever the file's size.
    public static func stream(to path: String, _ body: (inout BufferedFileWriter) throws -> Void) throws {
        // Plain string paths: `URL(fileURLWithPath:)` asks the file system whether each path is a folder, and
        // exports write tens of thousands of small files. One open(2) replaces FileManager's create-then-reopen.
        let name = (path as NSString).lastPathComponent
        var folderPath = PathText.parent(of: path)
        if folderPath.isEmpty { folderPath = "." }
        let folder = URL(fileURLWithPath: folderPath, isDirectory: true)
        try FolderCache.shared.ensure(folder)
        let temporaryName = ".\(name).tmp-\(ProcessInfo.processInfo.processIdentifier)"
        let temporary = URL(fileURLWithPath: folderPath + "/" + temporaryName, isDirectory: false)
        var descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0 && errno == ENOENT {
            // The folder went away since this process last saw it.
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw writeError(errno, path: path) }
        var isOpen = true
        do {
            var writer = BufferedFileWriter(descriptor: descriptor, path: path)
            try body(&writer)
            try writer.flush()
            isOpen = false
            guard close(descriptor) == 0 else { throw writeError(errno, path: path) }
            if rename(temporary.path, path) != 0 { throw writeError(errno, path: path) }
        } catch {
            if isOpen { close(descriptor) }
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// The error for a write to `path` that failed with the system error number `code`, shaped as Foundation
    /// shapes its own: a `CocoaError` whose code says what happened (`fileWriteOutOfSpace` for a full disk),
    /// with `path` under `NSFilePathErrorKey` and the `POSIXError` under `NSUnderlyingErrorKey`, so callers can
    /// name the file the user asked for and the system's reason.
    public static func writeError(_ code: Int32, path: String) -> CocoaError {
        let kind: CocoaError.Code
        switch code {
        case ENOSPC, EDQUOT: kind = .fileWriteOutOfSpace
        case EROFS: kind = .fileWriteVolumeReadOnly
        case EACCES, EPERM: kind = .fileWriteNoPermission
        case EEXIST: kind = .fileWriteFileExists
        default: kind = .fileWriteUnknown
        }
        return CocoaError(
            kind,
            userInfo: [
                NSFilePathErrorKey: path,
                NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(code)),
            ])
    }
}

extension AtomicFile {
    /// Lets `produce` write a whole file by path, for libraries that open the file themselves (Cairo): it writes
    /// to a temporary name in the destination's folder, which is renamed over `path` when `produce` returns and
    /// removed when anything fails. A failed rename throws a `POSIXError`.
    public static func produce(at path: String, _ produce: (String) throws -> Void) throws {
        let name = (path as NSString).lastPathComponent
        var folderPath = PathText.parent(of: path)
        if folderPath.isEmpty { folderPath = "." }
        try FolderCache.shared.ensure(URL(fileURLWithPath: folderPath, isDirectory: true))
        let temporary = folderPath + "/.\(name).tmp-\(ProcessInfo.processInfo.processIdentifier)"
        do {
            try produce(temporary)
            if rename(temporary, path) != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            unlink(temporary)
            throw error
        }
    }
}

extension AtomicFile {
    /// Whether the file system holding `folder` has less room left than a write needs (64 KiB): after a failed
    /// write, whether it failed for want of space. For writers that do not say why they failed (a zip library
    /// writing through `FILE*` reports only that it could not), asked before their partial file is removed.
    public static func isFull(folder: String) -> Bool {
        var stats = statvfs()
        guard statvfs(folder, &stats) == 0 else { return false }
        return UInt64(stats.f_bavail) * UInt64(stats.f_frsize) < 64 << 10
    }
}

/// Folders this process has already created or found, so writing many files into one folder asks the file
/// system once.
private final class FolderCache: @unchecked Sendable {
    static let shared = FolderCache()
    private let lock = NSLock()
    private var known: Set<String> = []

    func ensure(_ folder: URL) throws {
        let path = folder.path
        lock.lock()
        let seen = known.contains(path)
        lock.unlock()
        if seen { return }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        lock.lock()
        known.insert(path)
        lock.unlock()
    }
}

/// Collects bytes and hands them to a file 64 KiB at a time (a `FileBuffer`); errors name the destination.
public struct BufferedFileWriter {
    private var file: FileBuffer
    /// The file being written, as errors name it (the destination, not its temporary name).
    private let path: String
    /// Everything written, when the writer keeps the bytes in memory instead of writing a file.
    var memory: [UInt8]?

    init(descriptor: Int32, path: String) {
        self.file = FileBuffer(descriptor: descriptor, capacity: 1 << 16)
        self.path = path
    }

    /// A writer that keeps the bytes in memory (``memory``) rather than writing them to a file.
    init(inMemoryFor path: String) {
        self.init(descriptor: -1, path: path)
        memory = []
    }

    /// Appends UTF-8 text.
    public mutating func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(bytes: $0) }
    }

    /// Appends raw bytes.
    public mutating func write(_ data: Data) throws {
        try data.withUnsafeBytes { try write(bytes: $0.bindMemory(to: UInt8.self)) }
    }

    private mutating func write(bytes: UnsafeBufferPointer<UInt8>) throws {
        if memory != nil {
            memory!.append(contentsOf: bytes)
            return
        }
        if let code = file.append(bytes) { throw AtomicFile.writeError(code, path: path) }
    }

    /// Writes out what is buffered.
    public mutating func flush() throws {
        if memory != nil { return }
        if let code = file.flush() { throw AtomicFile.writeError(code, path: path) }
    }
}
