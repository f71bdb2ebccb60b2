import Foundation
import Testing

@testable import TZDatabase

@Suite("TZif files")
struct TZifParsingTests {
    static func systemFile(_ name: String) throws -> [UInt8] {
        let directory = try #require(systemDatabase?.directory)
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name)))
    }

    @Test("Every truncation of a real file is refused", .enabled(if: hasSystemDatabase))
    func truncated() throws {
        let bytes = try Self.systemFile("Europe/Paris")
        _ = try TZRules(tzif: bytes)
        for length in 0..<bytes.count {
            #expect(throws: TZifError.self) { try TZRules(tzif: Array(bytes.prefix(length))) }
        }
    }

    @Test("Wrong magic and unknown versions are refused")
    func magicAndVersion() throws {
        var bytes = TZifBuilder().bytes()
        _ = try TZRules(tzif: bytes)
        bytes[3] = UInt8(ascii: "F")
        #expect(throws: TZifError.notTZif) { try TZRules(tzif: bytes) }
        #expect(throws: TZifError.notTZif) { try TZRules(tzif: Array("# version 2026f\n".utf8)) }
        for version in [UInt8(ascii: "1"), UInt8(ascii: "5"), 0xFF] {
            var builder = TZifBuilder()
            builder.version = version
            #expect(throws: TZifError.unsupportedVersion(version)) { try TZRules(tzif: builder.bytes()) }
        }
    }

    @Test("Huge counts are refused before anything is allocated", arguments: 0..<6)
    func hugeCounts(field: Int) {
        for value: UInt32 in [0xFFFF_FFFF, 0x8000_0000, 1 << 24] {
            var builder = TZifBuilder()
            builder.countOverrides = [field: value]
            #expect(throws: TZifError.self) { try TZRules(tzif: builder.bytes()) }
        }
    }

    @Test("Files over the size limit are refused")
    func oversized() {
        var bytes = TZifBuilder().bytes()
        bytes += Array(repeating: 0, count: TZifParser.maximumSize)
        #expect(throws: TZifError.tooLarge(size: bytes.count, limit: TZifParser.maximumSize)) {
            try TZRules(tzif: bytes)
        }
    }

    static let brokenFiles: [(String, TZifBuilder)] = {
        func with(_ change: (inout TZifBuilder) -> Void) -> TZifBuilder {
            var b = TZifBuilder()
            b.types = [(0, 0, 0), (3600, 1, 4)]
            b.chars = Array("UTC\0CET\0".utf8)
            b.times = [0, 100]
            b.indices = [1, 0]
            change(&b)
            return b
        }
        return [
            (
                "no types",
                with {
                    $0.types = []
                    $0.times = []
                    $0.indices = []
                }
            ),
            ("type index out of range", with { $0.indices = [1, 2] }),
            ("abbreviation index out of range", with { $0.types[1].2 = 8 }),
            (
                "abbreviation without NUL",
                with {
                    $0.chars = Array("UTC\0CET".utf8)
                    $0.types[1].2 = 4
                }
            ),
            (
                "no abbreviation bytes",
                with {
                    $0.chars = []
                    $0.types = [(0, 0, 0)]
                    $0.indices = [0, 0]
                }
            ),
            ("times not ascending", with { $0.times = [100, 100] }),
            ("UT offset out of range", with { $0.types[1].0 = Int32.min }),
            ("isdst not 0 or 1", with { $0.types[1].1 = 2 }),
            ("bad footer", with { $0.footer = "CET-1CEST,M13.5.0,M10.5.0" }),
            ("leap occurrences not ascending", with { $0.leaps = [(10, 1), (10, 2)] }),
        ]
    }()

    @Test("Structurally broken files are refused", arguments: brokenFiles.indices)
    func broken(index: Int) {
        let (name, builder) = Self.brokenFiles[index]
        #expect(throws: TZifError.self, "\(name)") { try TZRules(tzif: builder.bytes()) }
    }

    @Test(
        "Randomly corrupted real files either parse or throw, and answer queries without trapping",
        .enabled(if: hasSystemDatabase))
    func corrupted() throws {
        let original = try Self.systemFile("Europe/Paris")
        var generator = SplitMix64(state: 1)
        var refused = 0
        for _ in 0..<3000 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            guard let rules = try? TZRules(tzif: bytes) else {
                refused += 1
                continue
            }
            let t = Int64.random(in: -(1 << 40)...(1 << 40), using: &generator)
            _ = rules.localTimeType(at: t)
            _ = rules.transitions(from: t, to: t + 10 * 31_536_000)
        }
        #expect(refused > 0)
    }

    @Test("Version 1 files (32-bit data, no footer) are read", .enabled(if: hasSystemDatabase))
    func versionOne() throws {
        // Keep only the first header and the 32-bit block of a fat file, marked version 1.
        let fat = try Self.systemFile("Europe/Paris")
        var v1 = Array(fat.prefix(44))
        v1[4] = 0
        let counts: [Int] = (0..<6).map { i in v1[20 + 4 * i..<24 + 4 * i].reduce(0) { $0 << 8 | Int($1) } }
        // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
        try #require(counts[3] > 100, "this test needs a fat file")
        let blockLength: Int = counts[3] * 5 + counts[4] * 6 + counts[5] + counts[2] * 8 + counts[1] + counts[0]
        v1 += fat[44..<44 + blockLength]
        let old = try TZRules(tzif: v1)
        let full = try #require(systemDatabase?.rules(for: "Europe/Paris"))
        #expect(old.version == 1)
        #expect(old.footer == nil)
        for t in stride(from: utc(1970, 1, 1), to: utc(2037, 1, 1), by: 86_400 * 7 + 3607) {
            #expect(old.localTimeType(at: t) == full.localTimeType(at: t), "\(t)")
        }
    }

    @Test(
        "Leap-second records are read and removed from transition times (right/ zones)",
        .enabled(if: hasSystemDatabase))
    func leapSeconds() throws {
        let database = try #require(systemDatabase)
        let right = try #require(database.rules(for: "right/Europe/Paris"))
        let posix = try #require(database.rules(for: "Europe/Paris"))
        // right/ files have no footer; compare up to their last explicit transition.
        let (from, to) = (utc(1972, 1, 1), try #require(right.transitionTimes.last) + 1)
        #expect(to > utc(2020, 1, 1))
        #expect(right.transitions(from: from, to: to) == posix.transitions(from: from, to: to))
    }

    @Test("A hand-made file with leap records gets POSIX transition times")
    func handMadeLeaps() throws {
        var b = TZifBuilder()
        b.types = [(0, 0, 0), (3600, 1, 4)]
        b.chars = Array("UTC\0CET\0".utf8)
        // Two leap seconds before the transition: its stored time counts them.
        b.leaps = [(1000, 1), (2001, 2)]
        b.times = [5002]
        b.indices = [1]
        b.footer = "<CET>-1"
        let rules = try TZRules(tzif: b.bytes())
        #expect(rules.transitionTimes == [5000])
        #expect(rules.offset(at: 4999) == 0)
        #expect(rules.offset(at: 5000) == 3600)
    }

    @Test(
        "Slim files (few transitions, footer rule) give the same answers as fat ones",
        .enabled(if: hasSystemDatabase && FileManager.default.isExecutableFile(atPath: "/usr/sbin/zic")))
    func slimMatchesFat() throws {
        let database = try #require(systemDatabase)
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("tzdb-slim-\(getpid())")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let zic = Process()
        zic.executableURL = URL(fileURLWithPath: "/usr/sbin/zic")
        zic.arguments = ["-b", "slim", "-d", temporary.path, database.directory + "/tzdata.zi"]
        try zic.run()
        zic.waitUntilExit()
        try #require(zic.terminationStatus == 0)
        let slimDatabase = try #require(TZDatabase(directory: temporary.path))
        for zone in zonesUnderTest {
            let slim = try #require(slimDatabase.rules(for: zone))
            let fat = try #require(database.rules(for: zone))
            let (from, to) = (utc(1900, 1, 1), utc(2100, 1, 1))
            #expect(slim.transitions(from: from, to: to) == fat.transitions(from: from, to: to), "\(zone)")
            // Fat files list transitions up to 2037; slim ones stop when the footer rule takes over.
            if zone == "Europe/Paris" {
                #expect(slim.transitionTimes.last! < utc(2000, 1, 1) && fat.transitionTimes.last! > utc(2037, 1, 1))
            }
        }
    }
}
