import Foundation
import ZIPFoundation

/// gzip (RFC 1952) for answers: zlib's deflate through ZIPFoundation, in a member with no name and no time, so the
/// same bytes always give the same gzipped bytes.
enum Gzip {
    static func compress(_ bytes: Data) -> Data? {
        var deflated = Data()
        let crc: CRC32
        do {
            crc = try Data.compress(
                size: Int64(bytes.count), bufferSize: 64 * 1024,
                provider: { position, size in
                    let start = bytes.startIndex + Int(position)
                    return bytes.subdata(in: start..<start + size)
                },
                consumer: { deflated.append($0) })
        } catch {
            return nil
        }
        // Magic, deflate, no flags, no time, no extra flags, Unix.
        var member = Data([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3])
        member.append(deflated)
        for value in [UInt32(crc), UInt32(truncatingIfNeeded: bytes.count)] {
            withUnsafeBytes(of: value.littleEndian) { member.append(contentsOf: $0) }
        }
        return member
    }

    /// Whether an `Accept-Encoding` value accepts gzip (named, or `*`, with a quality above 0).
    static func accepted(by header: String?) -> Bool {
        guard let header else { return false }
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";")
            let name = parts.first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            guard name == "gzip" || name == "x-gzip" || name == "*" else { continue }
            let quality = parts.dropFirst().compactMap { parameter -> Double? in
                let pair = parameter.split(separator: "=", maxSplits: 1)
                guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "q" else {
                    return nil
                }
                return Double(pair[1].trimmingCharacters(in: .whitespaces))
            }.first
            return (quality ?? 1) > 0
        }
        return false
    }
}
