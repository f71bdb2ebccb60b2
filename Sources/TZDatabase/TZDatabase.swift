import Foundation

/// A compiled tz database on disk: a directory of TZif files such as `/usr/share/zoneinfo`.
///
/// Lookups are cached and safe from any thread. Identifiers are checked before touching the file system
/// (no `..`, no absolute paths, no paths leading out of the directory through symbolic links), only regular
/// files are read, and every read is size-limited.
public final class TZDatabase: @unchecked Sendable {
    /// The database's directory, with symbolic links resolved.
    public let directory: String
    /// The tz release (`2026f`), from the `# version` line of `tzdata.zi` or the `+VERSION` file; nil when
    /// neither says.
    public let version: String?

    // `lock` guards the three caches below; that is what makes the `@unchecked Sendable` sound.
    private let lock = NSLock()
    private var rulesCache: [String: TZRules] = [:]
    private var failureCache: [String: TZLookupError] = [:]
    private var identifierCache: (list: [String], set: Set<String>)?

    /// Entries cached at most (a real database has about 600 files).
    static let cacheLimit = 4096
    /// `tzdata.zi` is about 110 KB; larger index files are refused.
    static let indexFileLimit = 8 << 20

    /// Where the operating system's database is: `$TZDIR` when set and non-empty, else `/usr/share/zoneinfo`.
    /// The one place that decides it; read once per process.
    public static let systemDirectory: String = {
        let tzdir = ProcessInfo.processInfo.environment["TZDIR"] ?? ""
        return tzdir.isEmpty ? "/usr/share/zoneinfo" : tzdir
    }()

    /// The database the operating system provides, in ``systemDirectory``; nil when that directory does not
    /// exist. Read once per process.
    public static let system: TZDatabase? = TZDatabase(directory: systemDirectory)

    /// Opens the database in `directory`; nil when it is not an existing directory.
    public init?(directory: String) {
        var isDirectory: ObjCBool = false
        let resolved = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), isDirectory.boolValue
        else { return nil }
        self.directory = resolved
        self.version = Self.readVersion(in: resolved)
    }

    /// The rules for `identifier` (`Africa/Casablanca`), or nil when the database has no such zone or its
    /// file is not valid TZif. See `loadRules(for:)` for the reason.
    public func rules(for identifier: String) -> TZRules? { try? loadRules(for: identifier) }

    /// The rules for `identifier`; throws why they cannot be had. Results, good and bad, are cached.
    public func loadRules(for identifier: String) throws(TZLookupError) -> TZRules {
        lock.lock()
        if let rules = rulesCache[identifier] {
            lock.unlock()
            return rules
        }
        if let failure = failureCache[identifier] {
            lock.unlock()
            throw failure
        }
        lock.unlock()
        let result: Result<TZRules, TZLookupError>
        do throws(TZLookupError) {
            result = .success(try read(identifier))
        } catch {
            result = .failure(error)
        }
        lock.lock()
        defer { lock.unlock() }
        // Names that are malformed or absent are not cached: they cost no parsing, and a caller trying
        // endless unknown names must not fill the cache.
        if rulesCache.count + failureCache.count < Self.cacheLimit {
            switch result {
            case .success(let rules): rulesCache[identifier] = rules
            case .failure(let error):
                if case .malformed = error { failureCache[identifier] = error }
            }
        }
        return try result.get()
    }

    /// Every zone and link name the database lists, sorted: from `tzdata.zi` (`Z` and `L` lines), else from
    /// `zone1970.tab` and `zone.tab` (which list no links). Empty when none of these files exists.
    public var identifiers: [String] { identifierIndex.list }

    /// Whether `identifiers` contains `identifier`.
    public func lists(_ identifier: String) -> Bool { identifierIndex.set.contains(identifier) }

    private var identifierIndex: (list: [String], set: Set<String>) {
        lock.lock()
        defer { lock.unlock() }
        if let cached = identifierCache { return cached }
        let list = Self.readIdentifiers(in: directory)
        let index = (list, Set(list))
        identifierCache = index
        return index
    }

    /// Whether `identifier` has the shape of a tz name: relative, ASCII letters, digits and `/_-+.`, no empty,
    /// `.` or `..` component, at most 255 bytes.
    public static func isWellFormed(_ identifier: String) -> Bool {
        guard !identifier.isEmpty, identifier.utf8.count <= 255 else { return false }
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/_-+.".utf8)
        guard identifier.utf8.allSatisfy(allowed.contains) else { return false }
        return identifier.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
            !$0.isEmpty && $0 != "." && $0 != ".."
        }
    }

    private func read(_ identifier: String) throws(TZLookupError) -> TZRules {
        guard Self.isWellFormed(identifier) else { throw .invalidIdentifier(identifier) }
        let path = URL(fileURLWithPath: directory).appendingPathComponent(identifier).resolvingSymlinksInPath().path
        guard path.hasPrefix(directory.hasSuffix("/") ? directory : directory + "/") else {
            throw .outsideDatabase(identifier)
        }
        let bytes = try Self.readRegularFile(path, limit: TZifParser.maximumSize, identifier: identifier)
        do throws(TZifError) {
            return try TZRules(tzif: bytes)
        } catch {
            throw .malformed(identifier, error)
        }
    }

    /// Reads at most `limit` bytes of a regular file (never a FIFO or device, which could block or never end).
    static func readRegularFile(_ path: String, limit: Int, identifier: String) throws(TZLookupError) -> [UInt8] {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            throw .notFound(identifier)
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else { throw .notFound(identifier) }
        if let size = (attributes[.size] as? NSNumber)?.intValue, size > limit {
            throw .malformed(identifier, .tooLarge(size: size, limit: limit))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(identifier) }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: limit + 1) else { return [] }
        guard data.count <= limit else { throw .malformed(identifier, .tooLarge(size: data.count, limit: limit)) }
        return [UInt8](data)
    }

    private static func readVersion(in directory: String) -> String? {
        let isVersion: (Substring) -> Bool = { text in
            !text.isEmpty && text.count <= 32
                && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }
        }
        if let head = try? readRegularFile(directory + "/tzdata.zi", limit: indexFileLimit, identifier: "tzdata.zi") {
            for line in String(decoding: head.prefix(4096), as: UTF8.self).split(separator: "\n").prefix(8)
            where line.hasPrefix("# version ") {
                let value = line.dropFirst("# version ".count).trimmingCharacters(in: .whitespaces)
                if isVersion(Substring(value)) { return value }
            }
        }
        if let bytes = try? readRegularFile(directory + "/+VERSION", limit: 64, identifier: "+VERSION") {
            let value = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if isVersion(Substring(value)) { return value }
        }
        return nil
    }

    private static func readIdentifiers(in directory: String) -> [String] {
        var names = Set<String>()
        if let bytes = try? readRegularFile(directory + "/tzdata.zi", limit: indexFileLimit, identifier: "tzdata.zi") {
            for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
                let fields = line.split(separator: " ", omittingEmptySubsequences: true)
                if fields.count >= 2, fields[0] == "Z" {
                    names.insert(String(fields[1]))
                } else if fields.count >= 3, fields[0] == "L" {
                    names.insert(String(fields[2]))
                }
            }
        }
        if names.isEmpty {
            for table in ["zone1970.tab", "zone.tab"] {
                guard
                    let bytes = try? readRegularFile(directory + "/" + table, limit: indexFileLimit, identifier: table)
                else { continue }
                for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
                    let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                    if fields.count >= 3 { names.insert(String(fields[2])) }
                }
            }
        }
        return names.filter(isWellFormed).sorted()
    }
}

/// Why a zone could not be read from a `TZDatabase`.
public enum TZLookupError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The identifier is empty, absolute, contains `..` or characters no tz name uses.
    case invalidIdentifier(String)
    /// The identifier leads out of the database directory through a symbolic link.
    case outsideDatabase(String)
    /// No regular file by that name.
    case notFound(String)
    /// The file exists but cannot be opened.
    case unreadable(String)
    /// The file is not valid TZif.
    case malformed(String, TZifError)

    /// One line for a person.
    public var description: String {
        switch self {
        case .invalidIdentifier(let id): return "`\(id)` is not a well-formed time zone identifier"
        case .outsideDatabase(let id): return "`\(id)` leads outside the tz database"
        case .notFound(let id): return "the tz database has no zone `\(id)`"
        case .unreadable(let id): return "the tz database file for `\(id)` cannot be read"
        case .malformed(let id, let error): return "the tz database file for `\(id)` is unusable: \(error)"
        }
    }
}
