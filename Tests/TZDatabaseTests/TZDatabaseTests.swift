import Foundation
import Testing

@testable import TZDatabase

@Suite("TZDatabase directory access")
struct TZDatabaseTests {
    /// A scratch database directory, removed when the test ends.
    final class ScratchDirectory {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tzdb-test-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }
        func write(_ name: String, _ bytes: [UInt8]) throws {
            let file = url.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: file)
        }
    }

    @Test("The system database names its version from tzdata.zi", .enabled(if: hasSystemDatabase))
    func systemVersion() throws {
        let database = try #require(systemDatabase)
        let firstLine = try String(contentsOfFile: database.directory + "/tzdata.zi", encoding: .utf8)
            .split(separator: "\n").first.map(String.init)
        #expect(firstLine == "# version \(database.version ?? "?")")
        #expect(database.identifiers.contains("Africa/Porto-Novo"))  // a link in tzdata.zi
        #expect(database.identifiers.contains("Africa/Lagos"))  // a zone
        #expect(!database.identifiers.contains("right/Europe/Paris"))
        #expect(Set(zonesUnderTest).isSubset(of: database.identifiers))
    }

    @Test(
        "Identifiers that could escape the directory are refused",
        arguments: [
            "", "/etc/passwd", "../etc/passwd", "Europe/../../etc/passwd", "Europe/./Paris", "Europe//Paris", "Europe/",
            "..", ".", "Europe/Paris\u{0}", "Europe/Par is", "Europe\\Paris", String(repeating: "A/", count: 200) + "B",
        ])
    func refusesBadIdentifiers(_ identifier: String) throws {
        let scratch = try ScratchDirectory()
        let database = try #require(TZDatabase(directory: scratch.url.path))
        #expect(throws: TZLookupError.invalidIdentifier(identifier)) { try database.loadRules(for: identifier) }
        #expect(database.rules(for: identifier) == nil)
    }

    @Test("Symbolic links leading outside the directory, non-TZif files, directories and FIFOs are refused")
    func refusesBadFiles() throws {
        let scratch = try ScratchDirectory()
        let outside = try ScratchDirectory()
        try outside.write("Secret", TZifBuilder().bytes())
        try scratch.write("Good/Zone", TZifBuilder().bytes())
        try scratch.write("Text/Zone", Array("Z Good/Zone 0 - UTC\n".utf8))
        try FileManager.default.createSymbolicLink(
            atPath: scratch.url.appendingPathComponent("Escape").path, withDestinationPath: outside.url.path + "/Secret"
        )
        try FileManager.default.createSymbolicLink(
            atPath: scratch.url.appendingPathComponent("Alias").path, withDestinationPath: "Good/Zone")
        let fifo = Process()
        fifo.executableURL = URL(fileURLWithPath: "/usr/bin/mkfifo")
        fifo.arguments = [scratch.url.appendingPathComponent("Pipe").path]
        try fifo.run()
        fifo.waitUntilExit()

        let database = try #require(TZDatabase(directory: scratch.url.path))
        #expect(database.rules(for: "Good/Zone") != nil)
        #expect(database.rules(for: "Alias") != nil)
        #expect(throws: TZLookupError.outsideDatabase("Escape")) { try database.loadRules(for: "Escape") }
        #expect(throws: TZLookupError.malformed("Text/Zone", .notTZif)) { try database.loadRules(for: "Text/Zone") }
        #expect(throws: TZLookupError.notFound("Good")) { try database.loadRules(for: "Good") }
        #expect(throws: TZLookupError.notFound("Missing/Zone")) { try database.loadRules(for: "Missing/Zone") }
        if fifo.terminationStatus == 0 {
            #expect(throws: TZLookupError.notFound("Pipe")) { try database.loadRules(for: "Pipe") }
        }
        #expect(database.version == nil)
        #expect(database.identifiers.isEmpty)
    }

    @Test("Oversized files are refused without being read whole")
    func refusesHugeFile() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("Big/Zone", TZifBuilder().bytes() + Array(repeating: 0, count: 2 << 20))
        let database = try #require(TZDatabase(directory: scratch.url.path))
        #expect(throws: TZLookupError.self) { try database.loadRules(for: "Big/Zone") }
    }

    @Test("Version from +VERSION and identifiers from zone1970.tab when there is no tzdata.zi")
    func fallbackIndexes() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("+VERSION", Array("2099z\n".utf8))
        try scratch.write(
            "zone1970.tab",
            Array("# comment\nFR,MC\t+4852+00220\tEurope/Paris\nRW\t-0157+03004\tAfrica/Kigali\tnote\n".utf8))
        try scratch.write("zone.tab", Array("BJ\t+0629+00237\tAfrica/Porto-Novo\n".utf8))
        let database = try #require(TZDatabase(directory: scratch.url.path))
        #expect(database.version == "2099z")
        #expect(database.identifiers == ["Africa/Kigali", "Africa/Porto-Novo", "Europe/Paris"])
        #expect(database.lists("Africa/Kigali"))
    }

    @Test("A missing directory gives no database")
    func missingDirectory() {
        #expect(TZDatabase(directory: "/nonexistent/zoneinfo") == nil)
    }

    @Test("Concurrent lookups from many tasks agree", .enabled(if: hasSystemDatabase))
    func concurrentLookups() async throws {
        let database = try #require(systemDatabase)
        let offsets = await withTaskGroup(of: [Int].self) { group in
            for _ in 0..<8 {
                group.addTask { zonesUnderTest.map { database.rules(for: $0)?.offset(at: 1_790_000_000) ?? -1 } }
            }
            return await group.reduce(into: [[Int]]()) { $0.append($1) }
        }
        #expect(Set(offsets).count == 1)
        #expect(!offsets[0].contains(-1))
    }
}
