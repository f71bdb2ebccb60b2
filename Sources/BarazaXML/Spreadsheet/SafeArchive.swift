import Foundation
import ZIPFoundation

/// Reads parts of an untrusted zip archive into memory, refusing path traversal, oversized and over-compressed
/// entries. Nothing is ever written to disk.
struct SafeArchive {
    let path: String
    private let archive: Archive
    private let limits: ArchiveLimits
    private var entries: [String: Entry] = [:]
    private var bytesRead = 0

    init(path: String, limits: ArchiveLimits) throws(XMLImportError) {
        self.path = path
        self.limits = limits
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            if !FileManager.default.isReadableFile(atPath: path) {
                throw .unreadable(path: path, reason: "no such file or not readable")
            }
            throw .unsupportedFormat(path: path, reason: "not a zip archive (an .xlsx workbook is one)")
        }
        var count = 0
        for entry in archive {
            count += 1
            if count > limits.maxEntries {
                throw .unsafeArchive(path: path, entry: entry.path, reason: "more than \(limits.maxEntries) entries")
            }
            let name = entry.path
            try Self.checkEntryName(name, archivePath: path)
            if entry.type == .symlink {
                throw .unsafeArchive(path: path, entry: name, reason: "symbolic links are not allowed")
            }
            if entry.uncompressedSize > UInt64(limits.maxEntryBytes) {
                throw .unsafeArchive(
                    path: path, entry: name, reason: "declares more than \(limits.maxEntryBytes) bytes uncompressed")
            }
            entries[name] = entry
        }
    }

    /// Rejects absolute paths, `..` steps, backslashes and NUL bytes, which can only mean a crafted archive.
    static func checkEntryName(_ name: String, archivePath: String) throws(XMLImportError) {
        let steps = name.split(separator: "/", omittingEmptySubsequences: false)
        if name.hasPrefix("/") || name.contains("\\") || name.contains("\0") || steps.contains("..")
            || (name.count >= 2 && name.dropFirst().first == ":")
        {
            throw .unsafeArchive(path: archivePath, entry: name, reason: "path escapes the archive")
        }
    }

    /// Whether the archive holds `name`.
    func contains(_ name: String) -> Bool { entries[name] != nil }

    /// The decompressed bytes of `name`, or nil when the archive has no such part.
    mutating func read(_ name: String) throws(XMLImportError) -> [UInt8]? {
        guard let entry = entries[name] else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(min(entry.uncompressedSize, 64 << 20)))
        let compressed = max(Int(entry.compressedSize), 1)
        let limits = self.limits
        let already = bytesRead
        let path = self.path
        var failure: XMLImportError?
        do {
            _ = try archive.extract(entry, bufferSize: 64 * 1024, skipCRC32: false) { chunk in
                bytes.append(contentsOf: chunk)
                if bytes.count > limits.maxEntryBytes {
                    failure = .unsafeArchive(
                        path: path, entry: name, reason: "inflates past \(limits.maxEntryBytes) bytes")
                } else if already + bytes.count > limits.maxTotalBytes {
                    failure = .unsafeArchive(
                        path: path, entry: name, reason: "the parts read inflate past \(limits.maxTotalBytes) bytes")
                } else if bytes.count > 1 << 20, bytes.count / compressed > limits.maxCompressionRatio {
                    failure = .unsafeArchive(
                        path: path, entry: name,
                        reason: "compression ratio above \(limits.maxCompressionRatio):1 (a zip bomb?)")
                }
                if failure != nil { throw CancellationError() }
            }
        } catch {
            if let failure { throw failure }
            throw .unsafeArchive(path: path, entry: name, reason: "damaged entry (\(error))")
        }
        bytesRead += bytes.count
        return bytes
    }
}
