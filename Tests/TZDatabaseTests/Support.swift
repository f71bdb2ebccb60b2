import Foundation
import TZDatabase

/// The zones Baraza's member cities and secretariat use, plus zones with unusual rules (30-minute and
/// negative daylight-saving time, 45-minute offsets, southern-hemisphere rules at 24:00, no DST since 2022).
let zonesUnderTest = [
    "Africa/Bamako", "Africa/Casablanca", "Africa/Tunis", "Africa/Kampala", "Africa/Kigali", "Africa/Accra",
    "Africa/Lagos", "Africa/Maputo", "Africa/Niamey", "Africa/Nouakchott", "Africa/Porto-Novo", "Europe/Paris",
    "America/New_York", "Australia/Lord_Howe", "Pacific/Chatham", "America/Santiago", "Asia/Tehran",
    "Europe/Dublin",
]

/// The system database the tests compare against; the tests needing it are disabled without one.
let systemDatabase = TZDatabase.system
let hasSystemDatabase = systemDatabase.map { !$0.identifiers.isEmpty } ?? false

/// Whether the system database is at least release `minimum` ("2026f"): releases order by year, then by
/// the letters, shorter first ("2026z" < "2026za"). A database with no version line counts as older.
func systemDatabase(isAtLeast minimum: String) -> Bool {
    guard let version = systemDatabase?.version else { return false }
    func key(_ release: String) -> (Int, Int, String) {
        let year = Int(release.prefix(while: \.isNumber)) ?? 0
        let letters = String(release.drop(while: \.isNumber))
        return (year, letters.count, letters)
    }
    return key(version) >= key(minimum)
}

/// tzdata 2026f is the first release with Morocco's permanent UTC+0 from 2026-09-20 (`.ci/setup` installs it).
let hasMoroccoPermanentUTC = hasSystemDatabase && systemDatabase(isAtLeast: "2026f")

/// Seconds since 1970 of a UTC calendar date, computed by Foundation (independent of the code under test).
func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Int64 {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let date = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
    return Int64(date.timeIntervalSince1970)
}

/// A small deterministic generator (SplitMix64), so every run checks the same instants.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One expected reading from `make_expectations.py`.
struct Expectation {
    let key: String
    let time: Int64
    let utcOffset: Int
    let isDaylightSavingTime: Bool
    let abbreviation: String
}

let python3Path = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
    FileManager.default.isExecutableFile(atPath: $0)
}

/// Runs `make_expectations.py` (beside this file) on `queries`; `posix` makes the keys TZ strings.
func expectations(for queries: [(key: String, time: Int64)], posix: Bool = false) throws -> [Expectation] {
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("make_expectations.py").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python3Path!)
    process.arguments =
        [script, "--tzdir", systemDatabase?.directory ?? "/usr/share/zoneinfo"] + (posix ? ["--posix"] : [])
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    // Write from another thread: the child's output could fill its pipe while we still write input.
    let text = queries.map { "\($0.key) \($0.time)\n" }.joined()
    let writer = Thread {
        input.fileHandleForWriting.write(Data(text.utf8))
        try? input.fileHandleForWriting.close()
    }
    writer.start()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw ExpectationError(message: "make_expectations.py exited with \(process.terminationStatus)")
    }
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map { line in
        let f = line.split(separator: " ", omittingEmptySubsequences: false)
        return Expectation(
            key: String(f[0]), time: Int64(f[1])!, utcOffset: Int(f[2])!, isDaylightSavingTime: f[3] == "1",
            abbreviation: String(f[4]))
    }
}

struct ExpectationError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// Builds TZif bytes (version 2 unless told) for hand-made and hostile test files.
struct TZifBuilder {
    var version: UInt8 = UInt8(ascii: "2")
    var times: [Int64] = []
    var indices: [UInt8] = []
    /// (utoff, isdst, abbreviation index)
    var types: [(Int32, UInt8, UInt8)] = [(0, 0, 0)]
    var chars: [UInt8] = Array("UTC\0".utf8)
    var leaps: [(Int64, Int32)] = []
    var footer = "UTC0"
    /// Overrides of the second header's six counts (isut, isstd, leap, time, type, char), for hostile files.
    var countOverrides: [Int: UInt32] = [:]

    func bytes() -> [UInt8] {
        var out: [UInt8] = []
        func u32(_ v: UInt32) { out += [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        func i64(_ v: Int64) {
            let u = UInt64(bitPattern: v)
            for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(u >> UInt64(shift) & 0xFF)) }
        }
        func header(_ counts: [UInt32]) {
            out += Array("TZif".utf8) + [version] + Array(repeating: 0, count: 15)
            counts.forEach(u32)
        }
        // Minimal version 1 block, as zic -b slim writes it: one type, one byte of abbreviations.
        header([0, 0, 0, 0, 1, 1])
        out += [0, 0, 0, 0, 0, 0, 0]
        var counts: [UInt32] = [
            0, 0, UInt32(leaps.count), UInt32(times.count), UInt32(types.count), UInt32(chars.count),
        ]
        for (i, v) in countOverrides { counts[i] = v }
        header(counts)
        times.forEach(i64)
        out += indices
        for (utoff, isdst, index) in types {
            u32(UInt32(bitPattern: utoff))
            out += [isdst, index]
        }
        out += chars
        for (occurrence, correction) in leaps {
            i64(occurrence)
            u32(UInt32(bitPattern: correction))
        }
        out += Array("\n\(footer)\n".utf8)
        return out
    }
}
