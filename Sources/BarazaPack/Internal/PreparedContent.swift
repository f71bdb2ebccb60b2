import Crypto
import Foundation

/// An entry's bytes as every pack of a plan stores them: deflated (as `ZipStream` deflates, the bytes
/// ZIPFoundation's `Archive` writes) or kept as they are, with their CRC-32 and SHA-256, computed once. A thousand personal packs
/// then copy the agenda page's compressed bytes rather than each deflating it again; the zips are the same.
final class PreparedContent: Sendable {
    /// The bytes themselves (a public pack scans them for addresses; the manifest gives their size).
    let data: Data
    /// What goes into the zip: the deflated stream, or `data` when the entry is stored.
    let stored: Data
    /// Whether `stored` is deflated.
    let deflated: Bool
    let crc32: UInt32
    let sha256: String

    init(_ data: Data, deflates: Bool) throws(PackError) {
        self.data = data
        self.deflated = deflates
        sha256 = StreamingHash.hex(SHA256.hash(data: data))
        if deflates {
            var out = Data()
            do {
                crc32 = try ZipStream.deflate(
                    size: Int64(data.count),
                    provider: { position, size in
                        let start = data.startIndex + Int(position)
                        return Data(data[start..<min(start + size, data.endIndex)])
                    }, consumer: { out.append(contentsOf: $0) })
            } catch let error as PackError {
                throw error
            } catch {
                throw .couldNotWrite(path: "(compressed entry)", reason: "\(error)")
            }
            stored = out
        } else {
            crc32 = ZipStream.crc32(data)
            stored = data
        }
    }
}
