import Foundation

/// Finds anything shaped like an email address (`local@domain.tld`) in bytes, to keep public packs free of them.
enum EmailScanner {
    private static func isLocal(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || "._%+-'".utf8.contains(b)
    }

    private static func isDomain(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x2E
    }

    /// Addresses (lower-case) and domains that are not personal contacts and may appear.
    struct Allowed: Sendable {
        var addresses: Set<String> = []
        var domains: Set<String> = []
    }

    /// Whether `data` holds `x@y.z` with a letter-only top-level domain of two letters or more, other than the
    /// `allowed` addresses and domains.
    static func containsAddress(_ data: Data, allowed: Allowed = Allowed()) -> Bool {
        let bytes = [UInt8](data)
        for (i, b) in bytes.enumerated() where b == 0x40 {
            guard i > 0, isLocal(bytes[i - 1]) else { continue }
            var j = i + 1
            while j < bytes.count, isDomain(bytes[j]) { j += 1 }
            let domain = bytes[(i + 1)..<j]
            guard let dot = domain.lastIndex(of: 0x2E), dot > i + 1 else { continue }
            let tld = domain[(dot + 1)...]
            guard tld.count >= 2, tld.allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) }) else {
                continue
            }
            var start = i - 1
            while start > 0, isLocal(bytes[start - 1]) { start -= 1 }
            let domainText = String(decoding: domain, as: UTF8.self).lowercased()
            let address = String(decoding: bytes[start..<j], as: UTF8.self).lowercased()
            if allowed.domains.contains(domainText) || allowed.addresses.contains(address) { continue }
            return true
        }
        return false
    }

    /// Reads `path` in 1 MiB chunks overlapping by 512 bytes, so an address across a chunk edge is still found.
    static func fileContainsAddress(_ path: String, allowed: Allowed = Allowed()) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        var carry = Data()
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            let window = carry + chunk
            if containsAddress(window, allowed: allowed) { return true }
            carry = window.suffix(512)
        }
        return false
    }
}
