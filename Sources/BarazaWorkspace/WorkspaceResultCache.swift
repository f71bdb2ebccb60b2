import BarazaFolder
import BarazaModel
import BarazaParallel
import Crypto
import Foundation
import TZDatabase

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What one load of a workspace read: how each path it named resolved, and the SHA-256 of every file's bytes.
/// Give one to ``WorkspaceLoader/sources`` to fill it; a ``WorkspaceResultCache`` keeps it beside a result.
public final class WorkspaceSources: @unchecked Sendable {
    private let lock = NSLock()
    private var resolved: [String: String] = [:]
    private var digests: [String: String] = [:]

    public init() {}

    /// How `written` (from the folder `base`) resolved: the relative path and whether it exists, or the refusal.
    func resolved(_ written: String, from base: String, _ outcome: Result<WorkspaceFolder.Entry, FolderError>) {
        let text = Self.describe(outcome)
        lock.withLock { resolved[base + "\u{0}" + written] = text }
    }

    /// The bytes read from the file at `relative`.
    func read(_ relative: String, _ data: Data) { read(relative, digest: Self.digest(data)) }

    /// Bytes of the SHA-256 `digest` read from the file at `relative`.
    func read(_ relative: String, digest: String) { lock.withLock { digests[relative] = digest } }

    var resolutions: [String: String] { lock.withLock { resolved } }
    var fileDigests: [String: String] { lock.withLock { digests } }

    static func describe(_ outcome: Result<WorkspaceFolder.Entry, FolderError>) -> String {
        switch outcome {
        case .success(let entry): return "\(entry.exists ? "file" : "missing") \(entry.relative)"
        case .failure(let error): return "refused \(error)"
        }
    }

    static func digest(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}

/// A command's result for one workspace, kept in `.baraza/cache/` with everything the result was made from: the
/// SHA-256 of every file the load read, how every path it named resolved, what each session's materials are on
/// disk, the program itself and the time-zone database. A later run reuses the result only when all of these are
/// unchanged, read again under the workspace's shared lock; otherwise (and when the cache file is missing,
/// damaged or from another version) it does the work again. The YAML stays the source of truth: the cache only
/// saves the time of decoding it. `BARAZA_CACHE=off` turns the cache off (reads and writes).
public struct WorkspaceResultCache: Sendable {
    /// The environment variable that turns the cache off when set to `off`.
    public static let environmentVariable = "BARAZA_CACHE"

    let folder: WorkspaceFolder
    let name: String
    let key: String

    /// The cache for `purpose` (a command and every option that changes its output) of the workspace at
    /// `directory`; nil when the cache is turned off or `directory` is not a workspace folder.
    public init?(directory: String, purpose: String) {
        guard ProcessInfo.processInfo.environment[Self.environmentVariable] != "off",
            let folder = try? WorkspaceFolder(directory)
        else { return nil }
        self.folder = folder
        let purposeDigest = WorkspaceSources.digest(Data(purpose.utf8))
        name = "result-" + purposeDigest.prefix(24)
        key = [
            "format 2", purpose, folder.path, folder.root, Self.programIdentity, Self.zoneDatabaseIdentity,
        ].joined(separator: "\n")
    }

    /// What the result was made from. The file holds the SHA-256 of what follows, the entry's length (8 bytes,
    /// little-endian), the entry as JSON, then the result's bytes as they are (a report of a large event runs to
    /// hundreds of megabytes, which base64 in JSON would make a third larger and slow to read).
    private struct Entry: Codable {
        var key: String
        var resolutions: [String: String]
        var files: [String: String]
        var materials: [String: String]
    }

    /// The result kept for this purpose when nothing it was made from has changed since; nil otherwise.
    public func lookup() -> Data? {
        guard !WorkspaceJournal.hasInterruptedChange(folder), let lock = try? folder.lockForReading() else {
            return nil
        }
        defer { lock.release() }
        guard let stored = folder.cachedData(named: name), stored.count >= 40 else { return nil }
        let body = stored.dropFirst(32)
        guard Data(stored.prefix(32)) == Self.checksum(body) else { return nil }
        let length = body.prefix(8).withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
        guard length <= UInt64(body.count - 8) else { return nil }
        let entryEnd = body.startIndex + 8 + Int(length)
        guard let entry = try? JSONDecoder().decode(Entry.self, from: body[(body.startIndex + 8)..<entryEnd]),
            entry.key == key
        else { return nil }
        for (written, outcome) in entry.resolutions {
            let parts = written.split(separator: "\u{0}", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { return nil }
            guard
                WorkspaceSources.describe(Self.resolve(String(parts[1]), from: String(parts[0]), in: folder)) == outcome
            else { return nil }
        }
        for (material, state) in entry.materials where Self.materialState(material, in: folder) != state {
            return nil
        }
        let files = entry.files.sorted { $0.key < $1.key }
        let same = parallelMap(files.count) { index -> Bool in
            let (relative, digest) = files[index]
            guard let file = try? folder.resolve(relative), file.exists,
                let data = try? folder.contents(of: file, written: relative)
            else { return false }
            return WorkspaceSources.digest(data) == digest
        }
        return same.allSatisfy { $0 } ? Data(body[entryEnd...]) : nil
    }

    /// Keeps `result`, made from `workspace` as loaded while `sources` recorded what the load read. Written under
    /// the workspace's shared lock; a cache that cannot be written is left missing, silently.
    public func store(_ result: Data, workspace: Workspace, sources: WorkspaceSources) {
        var materials: [String: String] = [:]
        for session in workspace.sessions + workspace.unplaced.map(\.draft) {
            for material in session.materials where materials[material] == nil {
                materials[material] = Self.materialState(material, in: folder)
            }
        }
        let entry = Entry(
            key: key, resolutions: sources.resolutions, files: sources.fileDigests, materials: materials)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let header = try? encoder.encode(entry), let lock = try? folder.lockForReading() else { return }
        defer { lock.release() }
        var body = Data(capacity: 8 + header.count + result.count)
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { body.append(contentsOf: $0) }
        body.append(header)
        body.append(result)
        folder.storeCachedData(Self.checksum(body) + body, named: name)
    }

    static func resolve(_ written: String, from base: String, in folder: WorkspaceFolder) -> Result<
        WorkspaceFolder.Entry, FolderError
    > {
        do { return .success(try folder.resolve(written, from: base)) } catch { return .failure(error) }
    }

    /// SHA-256 of `body`: a file cut short or changed by hand is not taken for a result.
    static func checksum(_ body: Data) -> Data { Data(SHA256.hash(data: body)) }

    /// What a session's material is on disk, as far as the checks can tell (see the `missing-material` rule).
    static func materialState(_ material: String, in folder: WorkspaceFolder) -> String {
        let entry: WorkspaceFolder.Entry
        do { entry = try folder.resolve(material) } catch { return "refused \(error)" }
        guard entry.exists else { return "missing" }
        var status = stat()
        guard stat(entry.canonical, &status) == 0 else { return "missing" }
        let kind = status.st_mode & S_IFMT == S_IFDIR ? "folder" : "file"
        let readable = access(entry.canonical, R_OK) == 0
        return "\(kind) \(readable) \(entry.relative)"
    }

    /// The running program's file: its size, change time and inode (another build is another program).
    static let programIdentity: String = fileIdentity("/proc/self/exe") ?? fileIdentity(CommandLine.arguments[0]) ?? ""

    /// The system's time-zone database, which gives every offset: its folder and the identity of its summary file.
    static let zoneDatabaseIdentity: String =
        TZDatabase.systemDirectory + " " + (fileIdentity(TZDatabase.systemDirectory + "/tzdata.zi") ?? "")

    private static func fileIdentity(_ path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return "\(status.st_dev) \(status.st_ino) \(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec) "
            + "\(status.st_ctim.tv_sec).\(status.st_ctim.tv_nsec)"
    }
}
