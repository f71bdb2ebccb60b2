import BarazaFolder
import BarazaModel
import BarazaParallel
import Crypto
import Foundation

/// The people ``PeopleFastPath`` decoded from one large people file, kept in `.baraza/cache/` as a
/// ``PersonArchive`` with everything the decoding depended on: the file's SHA-256 and name, the event's zone
/// (journeys without a zone are read in it), the program and the time-zone database.
///
/// A check after sessions were edited, or any command after a check, then reads 100,000 people back instead of
/// decoding their YAML again. Like ``WorkspaceResultCache`` it only saves time: a snapshot that is missing,
/// cut short, changed by hand or made for other inputs is ignored (and replaced), and the YAML is decoded as if
/// there were none. Each part of the archive carries its own SHA-256, checked before it is read. Every command's
/// load reads and writes snapshots (under the workspace's shared lock, as the result cache); `BARAZA_CACHE=off`
/// turns them off.
struct PeopleSnapshot {
    let folder: WorkspaceFolder
    let name: String
    let key: [UInt8]

    /// The snapshot of the file at `relative` in the workspace, shown as `file` (its people's locations name it
    /// so), whose bytes have the SHA-256 `digest`, decoded in `context`.
    init(folder: WorkspaceFolder, relative: String, file: String, digest: String, context: DecodingContext) {
        self.folder = folder
        // One snapshot per file of the workspace, however the workspace was named: a new version of the file (or
        // the file read through another path) replaces the old snapshot, so they never pile up.
        name = "people-" + WorkspaceSources.digest(Data(relative.utf8)).prefix(24)
        key = Array(
            [
                "people snapshot \(PersonArchive.version)", relative, file, digest, context.event.zone.identifier,
                folder.root,
                WorkspaceResultCache.programIdentity, WorkspaceResultCache.zoneDatabaseIdentity,
                ProcessInfo.processInfo.environment["BARAZA_TZ_SOURCE"] ?? "", Zone.databaseSource.description,
            ].joined(separator: "\n").utf8)
    }

    /// Whether snapshots are read and written: not with `BARAZA_CACHE=off`.
    static let isOn = ProcessInfo.processInfo.environment[WorkspaceResultCache.environmentVariable] != "off"

    /// The people kept for this file as it is now; nil when there is no usable snapshot.
    func read() -> [Person]? {
        guard let data = folder.cachedData(named: name) else { return nil }
        return data.withUnsafeBytes { bytes -> [Person]? in
            var at = 0
            func take(_ n: Int) -> UnsafeRawBufferPointer? {
                guard n >= 0, n <= bytes.count - at else { return nil }
                defer { at += n }
                return UnsafeRawBufferPointer(rebasing: bytes[at..<at + n])
            }
            // (A length of 2^63 or more turns negative here, and is refused like any other that does not fit.)
            func number() -> Int? {
                take(8).map { Int(truncatingIfNeeded: UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self))) }
            }
            guard let keyLength = number(), let storedKey = take(keyLength), storedKey.elementsEqual(key),
                let parts = number(), parts >= 0, parts <= 4096
            else { return nil }
            var pieces: [(digest: UnsafeRawBufferPointer, body: UnsafeRawBufferPointer)] = []
            for _ in 0..<parts {
                guard let length = number(), let digest = take(32), let body = take(length) else { return nil }
                pieces.append((digest, body))
            }
            guard at == bytes.count else { return nil }
            let zones = ZoneCache()
            let decoded = parallelMap(pieces.count) { k -> [Person]? in
                guard SHA256.hash(data: pieces[k].body).elementsEqual(pieces[k].digest) else { return nil }
                return try? PersonArchive.decode(pieces[k].body, zone: zones.zone)
            }
            guard decoded.allSatisfy({ $0 != nil }) else { return nil }
            return decoded.flatMap { $0! }
        }
    }

    /// Keeps `people` as this file's snapshot (silently not, when it cannot be written).
    func write(_ people: [Person]) {
        let ranges = pieceRanges(people.count, pieces: Self.parts)
        let bodies = parallelMap(ranges.count) { k -> (digest: Data, body: [UInt8]) in
            let body = PersonArchive.encode(people[ranges[k]])
            return (Data(SHA256.hash(data: body)), body)
        }
        var data = Data()
        data.reserveCapacity(key.count + bodies.reduce(64) { $0 + $1.body.count + 40 })
        func number(_ n: Int) { withUnsafeBytes(of: UInt64(n).littleEndian) { data.append(contentsOf: $0) } }
        number(key.count)
        data.append(contentsOf: key)
        number(bodies.count)
        for (digest, body) in bodies {
            number(body.count)
            data.append(digest)
            data.append(contentsOf: body)
        }
        folder.storeCachedData(data, named: name)
    }

    /// Parts of a snapshot, read on every core.
    static let parts = 32

    /// Zones by identifier, each looked up once for all parts.
    final class ZoneCache: @unchecked Sendable {
        private let lock = NSLock()
        private var zones: [String: Zone?] = [:]

        func zone(_ identifier: String) -> Zone? {
            if let known = lock.withLock({ zones[identifier] }) { return known }
            let found = Zone(identifier: identifier)
            lock.withLock { zones[identifier] = found }
            return found
        }
    }
}

/// Snapshot writes a load has started, each on a thread of its own; the load waits for them before it releases
/// the workspace's lock.
final class SnapshotWrites: @unchecked Sendable {
    private let lock = NSLock()
    private var writes: [Background<Void>] = []

    func start(_ write: @escaping @Sendable () -> Void) {
        let background = Background(write)
        lock.withLock { writes.append(background) }
    }

    func finish() { for write in lock.withLock({ writes }) { write.value() } }
}
