/// Reads TZif bytes (RFC 8536, versions 1 to 4) into `TZRules`.
///
/// Every count is checked against the bytes actually present before anything is allocated, so a hostile
/// header cannot make the parser reserve more memory than the (size-limited) file itself.
struct TZifParser {
    /// Real TZif files are under 5 KiB; anything past this is refused.
    static let maximumSize = 1 << 20

    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    struct Counts {
        var isutcnt = 0
        var isstdcnt = 0
        var leapcnt = 0
        var timecnt = 0
        var typecnt = 0
        var charcnt = 0

        /// Length of the data block that follows the header, for `timeSize`-byte times.
        func blockLength(timeSize: Int) -> Int {
            timecnt * timeSize + timecnt + typecnt * 6 + charcnt + leapcnt * (timeSize + 4) + isstdcnt + isutcnt
        }
    }

    mutating func parse() throws(TZifError) -> TZRules {
        guard bytes.count <= Self.maximumSize else {
            throw .tooLarge(size: bytes.count, limit: Self.maximumSize)
        }
        let (version, v1Counts) = try header(validate: false, timeSize: 4)
        if version == 0 {
            try validate(v1Counts)
            let block = try dataBlock(v1Counts, timeSize: 4)
            return try TZRules(block: block, footer: nil, version: 1)
        }
        try skip(v1Counts.blockLength(timeSize: 4))
        let (version2, counts) = try header(validate: true, timeSize: 8)
        guard version2 == version else { throw .invalid("second header has version \(version2), first \(version)") }
        let block = try dataBlock(counts, timeSize: 8)
        let footer = try footerString()
        var posix: POSIXTimeZone?
        if !footer.isEmpty {
            guard let parsed = POSIXTimeZone(footer) else { throw .invalidFooter(footer) }
            posix = parsed
        }
        return try TZRules(block: block, footer: posix, version: Int(version - UInt8(ascii: "0")))
    }

    /// Reads a header. The version 1 header of a version 2+ file is only used to skip its block (RFC 8536
    /// lets writers keep that block minimal), so its counts are checked only when `validate` is set.
    private mutating func header(validate shouldValidate: Bool, timeSize: Int) throws(TZifError) -> (UInt8, Counts) {
        guard bytes.count - position >= 4, bytes[position..<position + 4].elementsEqual("TZif".utf8) else {
            throw .notTZif
        }
        try need(44)
        let version = bytes[position + 4]
        guard version == 0 || (UInt8(ascii: "2")...UInt8(ascii: "4")).contains(version) else {
            throw .unsupportedVersion(version)
        }
        position += 20
        var counts = Counts()
        counts.isutcnt = Int(uint32())
        counts.isstdcnt = Int(uint32())
        counts.leapcnt = Int(uint32())
        counts.timecnt = Int(uint32())
        counts.typecnt = Int(uint32())
        counts.charcnt = Int(uint32())
        if shouldValidate { try validate(counts) }
        // Counts are at most 2^32 each, so this sum cannot overflow a 64-bit Int; it must fit in the file.
        try need(counts.blockLength(timeSize: timeSize))
        return (version, counts)
    }

    private func validate(_ counts: Counts) throws(TZifError) {
        guard counts.typecnt >= 1, counts.typecnt <= 256 else {
            throw .invalid("typecnt \(counts.typecnt) outside 1...256")
        }
        guard counts.charcnt >= 1 else { throw .invalid("charcnt is zero") }
        guard counts.isutcnt == 0 || counts.isutcnt == counts.typecnt,
            counts.isstdcnt == 0 || counts.isstdcnt == counts.typecnt
        else { throw .invalid("isutcnt/isstdcnt must be zero or typecnt") }
    }

    struct Block {
        var times: [Int64] = []
        var typeIndices: [UInt8] = []
        var types: [LocalTimeType] = []
        var leaps: [(occurrence: Int64, correction: Int64)] = []
    }

    private mutating func dataBlock(_ counts: Counts, timeSize: Int) throws(TZifError) -> Block {
        try need(counts.blockLength(timeSize: timeSize))
        var block = Block()
        block.times.reserveCapacity(counts.timecnt)
        for _ in 0..<counts.timecnt {
            let t = timeSize == 4 ? Int64(Int32(bitPattern: uint32())) : Int64(bitPattern: uint64())
            if let last = block.times.last, t <= last { throw .invalid("transition times not ascending") }
            block.times.append(t)
        }
        block.typeIndices = Array(bytes[position..<position + counts.timecnt])
        position += counts.timecnt
        if let bad = block.typeIndices.first(where: { Int($0) >= counts.typecnt }) {
            throw .invalid("transition type index \(bad) ≥ typecnt \(counts.typecnt)")
        }
        var raw: [(utoff: Int32, isdst: UInt8, index: Int)] = []
        for _ in 0..<counts.typecnt {
            let utoff = Int32(bitPattern: uint32())
            let isdst = bytes[position]
            let index = Int(bytes[position + 1])
            position += 2
            guard (-89_999...93_599).contains(utoff) else { throw .invalid("UT offset \(utoff) out of range") }
            guard isdst <= 1 else { throw .invalid("isdst \(isdst) is not 0 or 1") }
            guard index < counts.charcnt else { throw .invalid("abbreviation index \(index) ≥ charcnt") }
            raw.append((utoff, isdst, index))
        }
        let chars = bytes[position..<position + counts.charcnt]
        position += counts.charcnt
        for entry in raw {
            guard let nul = chars[(chars.startIndex + entry.index)...].firstIndex(of: 0) else {
                throw .invalid("abbreviation at \(entry.index) not NUL-terminated")
            }
            let abbreviation = String(decoding: chars[(chars.startIndex + entry.index)..<nul], as: UTF8.self)
            block.types.append(
                LocalTimeType(
                    utcOffset: Int(entry.utoff), isDaylightSavingTime: entry.isdst == 1, abbreviation: abbreviation))
        }
        for _ in 0..<counts.leapcnt {
            let occurrence = timeSize == 4 ? Int64(Int32(bitPattern: uint32())) : Int64(bitPattern: uint64())
            let correction = Int64(Int32(bitPattern: uint32()))
            if let last = block.leaps.last, occurrence <= last.occurrence {
                throw .invalid("leap-second occurrences not ascending")
            }
            block.leaps.append((occurrence, correction))
        }
        for _ in 0..<(counts.isstdcnt + counts.isutcnt) {
            guard bytes[position] <= 1 else { throw .invalid("standard/UT indicator is not 0 or 1") }
            position += 1
        }
        return block
    }

    /// The footer: a newline, a TZ string without newlines, a newline.
    private mutating func footerString() throws(TZifError) -> String {
        try need(1)
        guard bytes[position] == UInt8(ascii: "\n") else { throw .invalid("footer does not start with a newline") }
        position += 1
        let limit = min(bytes.count, position + POSIXTimeZone.maximumLength + 1)
        guard let end = bytes[position..<limit].firstIndex(of: UInt8(ascii: "\n")) else {
            if limit == bytes.count { throw .truncated(offset: position, needed: limit - position + 1) }
            throw .invalid("footer longer than \(POSIXTimeZone.maximumLength) bytes")
        }
        let text = String(decoding: bytes[position..<end], as: UTF8.self)
        position = end + 1
        return text
    }

    private func need(_ count: Int) throws(TZifError) {
        guard count <= bytes.count - position else { throw .truncated(offset: position, needed: count) }
    }

    private mutating func skip(_ count: Int) throws(TZifError) {
        try need(count)
        position += count
    }

    /// Callers have checked that the bytes are present.
    private mutating func uint32() -> UInt32 {
        var value: UInt32 = 0
        for i in 0..<4 { value = value << 8 | UInt32(bytes[position + i]) }
        position += 4
        return value
    }

    private mutating func uint64() -> UInt64 {
        var value: UInt64 = 0
        for i in 0..<8 { value = value << 8 | UInt64(bytes[position + i]) }
        position += 8
        return value
    }
}
