import Crypto
import Foundation

/// The secret personal feed URLs are derived from, and who has had theirs revoked: kept in a state folder outside
/// the workspace (workspaces are shared and zipped; the secret must not travel with them).
///
/// A person's token is HMAC-SHA256 of the event id, the person id and the person's epoch under the secret,
/// 192 bits written as 32 base64url characters. Revoking one person raises their epoch (their old URL dies, a new
/// one is issued); rotating the secret revokes every URL at once. Stored as `feed-keys.json` (mode 0600).
public struct FeedKeys: Codable, Hashable, Sendable {
    /// The file's name inside the state folder.
    public static let fileName = "feed-keys.json"

    /// The format version of the file.
    public var format: Int
    /// 32 random bytes, hexadecimal.
    public var secret: String
    /// Each revoked person's epoch (absent means 0), by person id.
    public var epochs: [String: Int]

    /// Keys with a fresh random secret and no revocations.
    public static func generate() -> FeedKeys {
        FeedKeys(format: 1, secret: SymmetricKey(size: .bits256).withUnsafeBytes { hex(Data($0)) }, epochs: [:])
    }

    /// The token of `person` in `event`: 32 characters of base64url (192 bits).
    public func token(event: String, person: String) -> String {
        let key = SymmetricKey(data: Self.bytes(fromHex: secret))
        let message = "baraza-feed/1\u{0}\(event)\u{0}\(person)\u{0}\(epochs[person] ?? 0)"
        let mac = HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: key)
        return Self.base64URL(Data(mac).prefix(24))
    }

    /// The `webcal://` address of `person`'s feed on a server reached at `authority` (`host[:port]`).
    public func address(event: String, person: String, authority: String) -> String {
        "webcal://\(authority)/feeds/\(token(event: event, person: person)).ics"
    }

    /// The path segment of the admin page (load errors, counts): like a personal token, derived from the secret.
    public func adminToken(event: String) -> String { token(event: event, person: "\u{0}admin") }

    /// Makes `person`'s current URL invalid; the next one differs.
    public mutating func revoke(person: String) { epochs[person, default: 0] += 1 }

    /// A new secret: every personal URL changes. Epochs are kept (they only ever grow).
    public mutating func rotate() { secret = Self.generate().secret }

    /// Reads the keys from `folder`, creating the folder (0700) and a fresh file (0600) when there is none.
    public static func loadOrCreate(in folder: String) throws -> FeedKeys {
        if let keys = try load(in: folder) { return keys }
        let keys = generate()
        try keys.save(in: folder)
        return keys
    }

    /// Reads the keys from `folder`; nil when the file does not exist.
    public static func load(in folder: String) throws -> FeedKeys? {
        let path = folder + "/" + fileName
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let data = try StateFile.read(path, limit: 1 << 24)
        do {
            let keys = try JSONDecoder().decode(FeedKeys.self, from: data)
            guard keys.secret.count == 64, bytes(fromHex: keys.secret).count == 32 else {
                throw ServeError.badStateFile(path: path, reason: "secret: expected 64 hexadecimal digits")
            }
            return keys
        } catch let error as ServeError {
            throw error
        } catch {
            throw ServeError.badStateFile(path: path, reason: "expected the JSON Baraza writes (\(error))")
        }
    }

    /// Writes the keys to `folder` atomically, readable by the owner only.
    public func save(in folder: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try StateFile.write(try encoder.encode(self), to: folder + "/" + Self.fileName, in: folder)
    }

    static func hex(_ data: Data) -> String { data.map { String(format: "%02x", $0) }.joined() }

    static func bytes(fromHex text: String) -> Data {
        var data = Data()
        var iterator = text.utf8.makeIterator()
        while let high = iterator.next(), let low = iterator.next() {
            guard let h = hexValue(high), let l = hexValue(low) else { return Data() }
            data.append(h << 4 | l)
        }
        return data
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// The server's private files (keys, served sequences): small JSON files written atomically with mode 0600.
enum StateFile {
    static func read(_ path: String, limit: Int) throws -> Data {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ServeError.badStateFile(path: path, reason: String(cString: strerror(errno)))
        }
        defer { try? handle.close() }
        let data = try handle.read(upToCount: limit + 1) ?? Data()
        guard data.count <= limit else {
            throw ServeError.badStateFile(path: path, reason: "larger than \(limit) bytes")
        }
        return data
    }

    static func write(_ data: Data, to path: String, in folder: String) throws {
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let temporary = folder + "/.\((path as NSString).lastPathComponent).tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600])
        else { throw ServeError.badStateFile(path: path, reason: "cannot write: \(String(cString: strerror(errno)))") }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw ServeError.badStateFile(path: path, reason: "cannot write: \(reason)")
        }
    }
}
