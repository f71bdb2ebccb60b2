import Foundation
import HummingbirdBcrypt

/// Door staff who may record check-ins: names and bcrypt hashes of their passwords, kept in the state folder
/// (`staff.json`, mode 0600), never in the workspace.
public struct StaffAccounts: Codable, Hashable, Sendable {
    /// The file's name inside the state folder.
    public static let fileName = "staff.json"
    /// The bcrypt cost: about a tenth of a second per check on a server core.
    static let cost: UInt8 = 10
    /// A hash no password matches, checked when the name is unknown so that the answer takes as long.
    static let decoy = Bcrypt.hash("no password is this one", cost: cost)

    /// The format version of the file.
    public var format = 1
    /// Each account's bcrypt hash, by name.
    public var accounts: [String: String] = [:]

    /// No accounts.
    public init() {}

    /// Adds `name` or replaces their password.
    public mutating func set(name: String, password: String) { accounts[name] = Bcrypt.hash(password, cost: Self.cost) }

    /// Removes `name`; false when there was no such account.
    public mutating func remove(name: String) -> Bool { accounts.removeValue(forKey: name) != nil }

    /// Whether `password` is `name`'s; as slow for an unknown name as for a wrong password.
    public func verify(name: String, password: String) -> Bool {
        guard let hash = accounts[name] else {
            _ = Bcrypt.verify(password, hash: Self.decoy)
            return false
        }
        return Bcrypt.verify(password, hash: hash)
    }

    /// Reads the accounts in `folder`; none when there is no file.
    public static func load(in folder: String) throws -> StaffAccounts {
        let path = folder + "/" + fileName
        guard FileManager.default.fileExists(atPath: path) else { return StaffAccounts() }
        do {
            return try JSONDecoder().decode(StaffAccounts.self, from: StateFile.read(path, limit: 1 << 20))
        } catch let error as ServeError {
            throw error
        } catch {
            throw ServeError.badStateFile(path: path, reason: "expected the JSON Baraza writes (\(error))")
        }
    }

    /// Writes the accounts to `folder`, readable by the owner only.
    public func save(in folder: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try StateFile.write(try encoder.encode(self), to: folder + "/" + Self.fileName, in: folder)
    }
}
