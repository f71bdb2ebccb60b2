import BarazaOutput
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
            try checkComplete(temporary)
            guard rename(temporary.path, url.path) == 0 else {
                throw .couldNotWrite(path: destination, reason: String(cString: strerror(errno)))
            }
        } catch {
            // ZIPFoundation writes through `FILE*` and says only that it could not: whether the disk is full is
            // asked before the partial zip is removed (removing it frees its room).
            let full = AtomicFile.isFull(folder: folder.path)
            try? FileManager.default.removeItem(at: temporary)
            guard case .couldNotWrite(let path, let reason) = error else { throw error }
            // Name the pack the user asked for, not the temporary file or the entry it was writing.
            if full { throw .couldNotWrite(path: destination, reason: String(cString: strerror(ENOSPC))) }
            throw .couldNotWrite(
                path: destination, reason: path == temporary.path ? reason : "\(reason) (while adding \(path))")
        }
    }

    /// Refuses a zip that does not end with its end-of-central-directory record pointing back at its central
    /// directory: a final write the zip library did not check (its buffer flushed on close) left it cut short.
    static func checkComplete(_ url: URL) throws(PackError) {
        let cutShort = PackError.couldNotWrite(path: url.path, reason: "the zip was cut short while it was written")
        guard let handle = try? FileHandle(forReadingFrom: url) else { throw cutShort }
        defer { try? handle.close() }
        guard let length = try? handle.seekToEnd(), length >= 22, (try? handle.seek(toOffset: length - 22)) != nil,
            let record = try? handle.read(upToCount: 22), record.count == 22
        else { throw cutShort }
        let bytes = [UInt8](record)
        func uint32(_ at: Int) -> UInt64 { (0..<4).reduce(0) { $0 | UInt64(bytes[at + $1]) << (8 * $1) } }
        guard uint32(0) == 0x0605_4b50 else { throw cutShort }
        // Zip64 keeps the real figures elsewhere (0xFFFFFFFF here); otherwise they must add up to the length.
        let (size, offset) = (uint32(12), uint32(16))
        guard offset == 0xFFFF_FFFF || size == 0xFFFF_FFFF || offset + size + 22 == length else { throw cutShort }
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

    /// Kept apart so the file is closed before the rename. Zips that stay below the classic format's 4 GiB
    /// limits are written by `ZipStream` (which can copy an entry compressed once for many packs); larger ones
    /// through ZIPFoundation's `Archive`, which adds the ZIP64 records. Both give the same bytes.
    private static func fill(
        _ url: URL, entries: [PackEntry], last: ([WrittenEntry]) throws(PackError) -> PackEntry,
        modificationDate: Date
    ) throws(PackError) {
        if ZipStream.fits(entries) {
            let zip = try ZipStream(url, modificationDate: modificationDate)
            var written: [WrittenEntry] = []
            do throws(ZipStream.Failure) {
                for entry in entries { written.append(try zip.add(entry)) }
                let manifest: PackEntry
                do throws(PackError) { manifest = try last(written) } catch { throw .pack(error) }
                _ = try zip.add(manifest)
                try zip.finish()
                return
            } catch {
                zip.abandon()
                if case .pack(let error) = error { throw error }
                // Too large for the classic format: `Archive` writes it again, with ZIP64 records.
                try? FileManager.default.removeItem(at: url)
            }
        }
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
        var sha256: String?
        switch entry.content {
        case .generated(let make): entry.content = .data(make())
        case .prepared(let prepared):
            entry.content = .data(prepared.data)
            sha256 = prepared.sha256
        default: break
        }
        let hasher = StreamingHash()
        let method: CompressionMethod = entry.compresses ? .deflate : .none
        do {
            switch entry.content {
            case .generated, .prepared: preconditionFailure("generated and prepared content are made data above")
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
        return WrittenEntry(entry: entry, sha256: sha256 ?? hasher.hexDigest())
    }
}

/// SHA-256 fed chunk by chunk from inside ZIPFoundation's provider closure.
final class StreamingHash {
    private var hash = SHA256()

    func update(_ data: Data) { hash.update(data: data) }

    func hexDigest() -> String { Self.hex(hash.finalize()) }

    /// Lower-case hexadecimal, two digits a byte.
    static func hex<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
