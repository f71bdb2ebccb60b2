import Foundation

/// A zone read from a compiled tz database file (TZif, RFC 9636), such as `/usr/share/zoneinfo/Africa/Casablanca`.
///
/// Foundation on Linux carries its own copy of the tz database, which can be older than the system's; this reader
/// lets a caller compare the two. It reads the 64-bit transitions and, after the last one, the footer's rule when
/// that is a fixed offset (`<+00>0`); a footer with daylight-saving rules is not evaluated, so ``offset(at:)``
/// answers nil past the last transition of such a zone.
public struct TZifZone: Sendable {
    /// Transition instants (seconds since 1970, UTC), ascending.
    let transitions: [Int64]
    /// The UTC offset in force from each transition.
    let offsets: [Int]
    /// The offset before the first transition.
    let initialOffset: Int
    /// The footer's fixed offset, when the footer is one.
    let footerOffset: Int?

    /// Reads TZif version 2 or later data; nil when it is not such a file.
    public init?(data: Data) {
        let bytes = [UInt8](data)
        func u32(_ at: Int) -> Int? {
            guard at + 4 <= bytes.count else { return nil }
            return Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
        }
        func i32(_ at: Int) -> Int? { u32(at).map { Int(Int32(truncatingIfNeeded: $0)) } }
        func i64(_ at: Int) -> Int64? {
            guard let high = u32(at), let low = u32(at + 4) else { return nil }
            return Int64(bitPattern: UInt64(high) << 32 | UInt64(low))
        }
        func counts(_ at: Int) -> [Int]? {
            guard bytes.count >= at + 44, bytes[at] == 0x54, bytes[at + 1] == 0x5A, bytes[at + 2] == 0x69,
                bytes[at + 3] == 0x66
            else { return nil }
            // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
            return (0..<6).compactMap { u32(at + 20 + 4 * $0) }
        }
        guard let v1 = counts(0), v1.count == 6, bytes[4] >= 0x32 else { return nil }
        let v1Size = v1[3] * 4 + v1[3] + v1[4] * 6 + v1[5] + v1[2] * 8 + v1[1] + v1[0]
        let header = 44 + v1Size
        guard let c = counts(header), c.count == 6 else { return nil }
        let (isut, isstd, leap, timecnt, typecnt, charcnt) = (c[0], c[1], c[2], c[3], c[4], c[5])
        var at = header + 44
        var times: [Int64] = []
        for i in 0..<timecnt {
            guard let t = i64(at + 8 * i) else { return nil }
            times.append(t)
        }
        at += 8 * timecnt
        guard at + timecnt <= bytes.count else { return nil }
        let indices = bytes[at..<(at + timecnt)].map(Int.init)
        at += timecnt
        var typeOffsets: [Int] = []
        for i in 0..<typecnt {
            guard let offset = i32(at + 6 * i) else { return nil }
            typeOffsets.append(offset)
        }
        at += 6 * typecnt
        guard !typeOffsets.isEmpty, indices.allSatisfy({ $0 < typeOffsets.count }) else { return nil }
        at += charcnt + leap * 12 + isstd + isut
        transitions = times
        offsets = indices.map { typeOffsets[$0] }
        initialOffset = typeOffsets[0]
        var footer: Int?
        if at < bytes.count, bytes[at] == 0x0A, let end = bytes[(at + 1)...].firstIndex(of: 0x0A) {
            footer = Self.fixedOffset(footer: String(decoding: bytes[(at + 1)..<end], as: UTF8.self))
        }
        footerOffset = footer
    }

    /// Reads the zone `identifier` from the tz database folder `directory`; nil when missing or unreadable.
    public init?(identifier: String, directory: String) {
        guard !identifier.contains(".."), let data = FileManager.default.contents(atPath: directory + "/" + identifier)
        else { return nil }
        self.init(data: data)
    }

    /// The version of the tz database in `directory`, from the first line of its `tzdata.zi` (`2026f`).
    public static func databaseVersion(directory: String) -> String? {
        guard let data = FileManager.default.contents(atPath: directory + "/tzdata.zi") else { return nil }
        let line = String(decoding: data.prefix(64), as: UTF8.self).split(separator: "\n").first ?? ""
        guard line.hasPrefix("# version ") else { return nil }
        return String(line.dropFirst("# version ".count)).trimmingCharacters(in: .whitespaces)
    }

    /// The UTC offset in seconds at `second` (seconds since 1970, UTC); nil past the last transition when the
    /// footer holds daylight-saving rules this reader does not evaluate.
    public func offset(at second: Int64) -> Int? {
        guard let last = transitions.last else { return footerOffset ?? initialOffset }
        if second >= last { return footerOffset }
        // Binary search for the last transition at or before `second`.
        var low = 0
        var high = transitions.count
        while low < high {
            let mid = (low + high) / 2
            if transitions[mid] <= second { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? initialOffset : offsets[low - 1]
    }

    /// `<+00>0`, `UTC0`, `CAT-2`: a POSIX TZ string with no daylight-saving part, as seconds east of UTC.
    static func fixedOffset(footer: String) -> Int? {
        var rest = Substring(footer)
        if rest.hasPrefix("<") {
            guard let close = rest.firstIndex(of: ">") else { return nil }
            rest = rest[rest.index(after: close)...]
        } else {
            let name = rest.prefix { $0.isLetter }
            guard name.count >= 3 else { return nil }
            rest = rest.dropFirst(name.count)
        }
        // POSIX offsets are west of UTC: `-2` means UTC+2.
        var sign = 1
        if rest.first == "+" || rest.first == "-" {
            sign = rest.first == "-" ? -1 : 1
            rest = rest.dropFirst()
        }
        let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else {
            return nil  // empty, or a daylight-saving part follows
        }
        let numbers = parts.compactMap { Int($0) }
        let seconds =
            numbers[0] * 3600 + (numbers.count > 1 ? numbers[1] * 60 : 0) + (numbers.count > 2 ? numbers[2] : 0)
        return -sign * seconds
    }
}
