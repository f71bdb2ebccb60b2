import Crypto

/// Name-based identifiers (RFC 9562 version 5: SHA-1 of a namespace and a name), so the same session gets the
/// same `guid` in every export and apps can follow it from one schedule version to the next.
enum NameBasedUUID {
    /// RFC 9562's URL namespace, 6ba7b811-9dad-11d1-80b4-00c04fd430c8.
    static let urlNamespace: [UInt8] = [
        0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
    ]

    /// The version-5 UUID of `name` in the URL namespace, lower-case with hyphens.
    static func uuid(_ name: String) -> String {
        var hash = Insecure.SHA1()
        hash.update(data: urlNamespace)
        hash.update(data: Array(name.utf8))
        var bytes = Array(hash.finalize().prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { b in String(b >> 4, radix: 16) + String(b & 0x0F, radix: 16) }
        return [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]].map { $0.joined() }.joined(
            separator: "-")
    }

    /// Positive 31-bit numbers for `keys`, taken from each key's hash and stepped past collisions in key order,
    /// so a key keeps its number when others are added (unless it collides, which is rare).
    static func stableNumbers(for keys: [String], namespace: String) -> [String: Int] {
        var used = Set<Int>()
        var numbers: [String: Int] = [:]
        for key in Set(keys).sorted() {
            let digest = Array(Insecure.SHA1.hash(data: Array((namespace + key).utf8)))
            var n = (Int(digest[0]) << 24 | Int(digest[1]) << 16 | Int(digest[2]) << 8 | Int(digest[3])) & 0x7FFF_FFFF
            if n == 0 { n = 1 }
            while used.contains(n) { n = n % 0x7FFF_FFFF + 1 }
            used.insert(n)
            numbers[key] = n
        }
        return numbers
    }

    /// Hex SHA-256 of `text`, for a schedule version that changes whenever the schedule does.
    static func sha256Hex(_ text: String) -> String {
        SHA256.hash(data: Array(text.utf8)).map { b in String(b >> 4, radix: 16) + String(b & 0x0F, radix: 16) }
            .joined()
    }
}
