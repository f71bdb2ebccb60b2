/// A 64-bit FNV-1a digest as 16 hex digits: enough to notice that a session's content changed (not a
/// security hash; nothing depends on it being hard to forge).
enum Fingerprint {
    static func of(_ fields: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for field in fields {
            for byte in field.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
            hash ^= 0x1F  // unit separator, so ["ab", "c"] and ["a", "bc"] differ
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
