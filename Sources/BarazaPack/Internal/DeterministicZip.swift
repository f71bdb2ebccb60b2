import Crypto
import Foundation
import ZIPFoundation

/// Writes a zip whose bytes depend only on its entries: fixed order, one fixed modification date, fixed
/// permissions; files are streamed from disk in chunks (memory does not grow with their size) and hashed on
/// the way. The zip is built in a temporary file beside the destination and renamed over it at the end, so
/// a failure leaves any earlier zip untouched.
enum DeterministicZip {
    /// Size of the chunks read from disk and handed to ZIPFoundation.
    static let chunkSize = 1 << 16

    /// Writes `entries` in order, then the entry `last` makes from what was written (the manifest).
    static func write(
        _ entries: [PackEntry], last: ([WrittenEntry]) throws(PackError) -> PackEntry, to destination: String,
        modificationDate: Date
    ) throws(PackError) {
        let url = URL(fileURLWithPath: destination)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(
            ".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: temporary)
        } catch {
            throw .couldNotWrite(path: destination, reason: systemReason(error))
        }
        do throws(PackError) {
            try fill(temporary, entries: entries, last: last, modificationDate: modificationDate)
            guard rename(temporary.path, url.path) == 0 else {
                throw .couldNotWrite(path: destination, reason: String(cString: strerror(errno)))
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            // Name the pack the user asked for, not the temporary file it was being written to.
            if case .couldNotWrite(let path, let reason) = error, path == temporary.path {
                throw .couldNotWrite(path: destination, reason: reason)
            }
            throw error
        }
    }

    /// The system's reason for a file error (`Permission denied`, `Not a directory`), not a dump of the error.
    static func systemReason(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = (ns.userInfo[NSUnderlyingErrorKey] as? any Error).map({ $0 as NSError }),
            underlying.domain == NSPOSIXErrorDomain
        {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        if error is Archive.ArchiveError { return "the zip archive cannot be created there (is the folder writable?)" }
        return ns.domain == NSCocoaErrorDomain ? ns.localizedDescription : "\(error)"
    }

    /// Kept apart so the archive (and its open file) is released before the rename.
    private static func fill(
        _ url: URL, entries: [PackEntry], last: ([WrittenEntry]) throws(PackError) -> PackEntry,
        modificationDate: Date
    ) throws(PackError) {
        let archive: Archive
        do { archive = try Archive(url: url, accessMode: .create) } catch {
            throw .couldNotWrite(path: url.path, reason: systemReason(error))
        }
        var written: [WrittenEntry] = []
        for entry in entries { written.append(try add(entry, to: archive, modificationDate: modificationDate)) }
        _ = try add(try last(written), to: archive, modificationDate: modificationDate)
    }

    private static func add(_ entry: PackEntry, to archive: Archive, modificationDate: Date) throws(PackError)
        -> WrittenEntry
    {
        var entry = entry
        if case .generated(let make) = entry.content { entry.content = .data(make()) }
        let hasher = StreamingHash()
        let method: CompressionMethod = entry.compresses ? .deflate : .none
        do {
            switch entry.content {
            case .generated: preconditionFailure("generated content is made above")
            case .data(let data):
                try archive.addEntry(
                    with: entry.path, type: .file, uncompressedSize: Int64(data.count),
                    modificationDate: modificationDate, permissions: 0o644, compressionMethod: method,
                    bufferSize: chunkSize
                ) { position, size in
                    let start = data.startIndex + Int(position)
                    let chunk = data[start..<min(start + size, data.endIndex)]
                    hasher.update(chunk)
                    return Data(chunk)
                }
            case .file(let path, let size):
                guard let handle = FileHandle(forReadingAtPath: path) else {
                    throw PackError.materialChanged(path: path)
                }
                defer { try? handle.close() }
                try archive.addEntry(
                    with: entry.path, type: .file, uncompressedSize: size, modificationDate: modificationDate,
                    permissions: 0o644, compressionMethod: method, bufferSize: chunkSize
                ) { position, count in
                    try handle.seek(toOffset: UInt64(position))
                    let chunk = try handle.read(upToCount: count) ?? Data()
                    // A file that shrank would give a short chunk; one that grew is caught below.
                    guard chunk.count == count else { throw PackError.materialChanged(path: path) }
                    hasher.update(chunk)
                    return chunk
                }
                try handle.seek(toOffset: UInt64(size))
                if let extra = try handle.read(upToCount: 1), !extra.isEmpty {
                    throw PackError.materialChanged(path: path)
                }
            }
        } catch let error as PackError {
            throw error
        } catch {
            throw .couldNotWrite(path: entry.path, reason: systemReason(error))
        }
        return WrittenEntry(entry: entry, sha256: hasher.hexDigest())
    }
}

/// SHA-256 fed chunk by chunk from inside ZIPFoundation's provider closure.
private final class StreamingHash {
    private var hash = SHA256()

    func update(_ data: Data) { hash.update(data: data) }

    func hexDigest() -> String { hash.finalize().map { String(format: "%02x", $0) }.joined() }
}
