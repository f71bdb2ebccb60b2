import BarazaFolder
import BarazaTestSupport
import Foundation
import Testing

@testable import BarazaWorkspace

/// The result cache's file: a checksum, the entry's length, the entry, then the result's bytes as they are. A
/// result of any size and content comes back whole; a file whose checksum holds but whose length field does not
/// fit is not taken for a result.
struct ResultCacheFileTests {
    static func storeAndLookUp(_ result: Data) throws -> (found: Data?, file: URL, cache: WorkspaceResultCache) {
        let copy = try ScratchFolders.copyOfSample("events/final-kigali-2027")
        let cache = try #require(WorkspaceResultCache(directory: copy.path, purpose: "test \(result.count)"))
        var loader = WorkspaceLoader(knownRuleIDs: [])
        let sources = WorkspaceSources()
        loader.sources = sources
        let workspace = try loader.load(directory: copy.path)
        cache.store(result, workspace: workspace, sources: sources)
        let file = copy.appendingPathComponent(".baraza/cache/\(cache.name)")
        return (cache.lookup(), file, cache)
    }

    @Test(arguments: [0, 1, 40, 100_000])
    func aResultComesBackWhole(size: Int) throws {
        var generator = SeededGenerator(seed: UInt64(size))
        let result = Data((0..<size).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
        let (found, file, _) = try Self.storeAndLookUp(result)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent().deletingLastPathComponent()) }
        #expect(found == result)
        let stored = try Data(contentsOf: file)
        #expect(stored.suffix(size) == result, "the result is kept as it is, not encoded")
    }

    @Test func aLengthThatDoesNotFitIsNoResult() throws {
        let (found, file, cache) = try Self.storeAndLookUp(Data("0report\n".utf8))
        #expect(found == Data("0report\n".utf8))
        let body = try Data(contentsOf: file).dropFirst(32)
        for length in [UInt64(body.count), UInt64.max, UInt64(Int.max)] {
            var changed = Data(body)
            changed.replaceSubrange(0..<8, with: (0..<8).map { UInt8(truncatingIfNeeded: length >> (8 * $0)) })
            try (WorkspaceResultCache.checksum(changed) + changed).write(to: file)
            #expect(cache.lookup() == nil, "length \(length)")
        }
    }
}
