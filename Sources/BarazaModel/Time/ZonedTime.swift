/// A wall-clock time as written in a workspace (`2026-11-17T09:00`, optionally `+02:00`), with the zone it is read in.
public struct WallTime: Hashable, Sendable, CustomStringConvertible {
    public var local: LocalDateTime
    public var zone: Zone
    /// An explicit UTC offset, written by the author to pick one side of a fall-back overlap.
    public var offset: Int?

    public init(local: LocalDateTime, zone: Zone, offset: Int? = nil) {
        self.local = local
        self.zone = zone
        self.offset = offset
    }

    /// The instant this reading names, or why it names none.
    public func resolve() -> Result<Instant, LocalTimeProblem> {
        switch zone.resolve(local) {
        case .unique(let instant):
            if let offset, offset != zone.offset(at: instant) {
                return .failure(.offsetMismatch(self, validOffsets: [zone.offset(at: instant)]))
            }
            return .success(instant)
        case .nonexistent:
            return .failure(.nonexistent(self))
        case .ambiguous(let earlier, let later):
            guard let offset else { return .failure(.ambiguous(self, earlier: earlier, later: later)) }
            let pick = [earlier, later].first { zone.offset(at: $0) == offset }
            guard let pick else {
                return .failure(
                    .offsetMismatch(self, validOffsets: [zone.offset(at: earlier), zone.offset(at: later)]))
            }
            return .success(pick)
        }
    }

    public var description: String {
        local.description + (offset.map(formatOffset) ?? "") + " " + zone.identifier
    }

    /// Parses `YYYY-MM-DDTHH:MM[:SS][±HH:MM|Z]` (a space may stand for `T`).
    /// Returns the local reading and the explicit offset, if any.
    public static func parse(_ text: String) -> (LocalDateTime, offset: Int?)? {
        // Workspaces hold many of these (two journeys per registration): plain ASCII is read byte by byte. Any other
        // character can only be white space around the time (trimmed below), so the rest takes the general path.
        guard text.utf8.count >= 16, text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            return parseCharacters(text)
        }
        return text.utf8.withContiguousStorageIfAvailable(parseASCII) ?? parseCharacters(text)
    }

    /// `parse` on at least 16 bytes of printable ASCII (no spaces).
    private static func parseASCII(_ b: UnsafeBufferPointer<UInt8>) -> (LocalDateTime, offset: Int?)? {
        func digits(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
                n = n * 10 + Int(b[i] - 0x30)
            }
            return n
        }
        let dash = UInt8(ascii: "-")
        guard let y = digits(0..<4), b[4] == dash, let mo = digits(5..<7), b[7] == dash, let d = digits(8..<10),
            b[10] == UInt8(ascii: "T"), let date = LocalDate(year: y, month: mo, day: d)
        else { return nil }
        var end = b.count
        var offset: Int?
        if b[end - 1] == UInt8(ascii: "Z") {
            offset = 0
            end -= 1
        } else if let sign = (11..<end).last(where: { b[$0] == UInt8(ascii: "+") || b[$0] == dash }) {
            // `+HH:MM` (empty parts between colons are skipped, as `split` does) or `+HHMM`.
            let parts = (sign + 1..<end).split(whereSeparator: { b[$0] == UInt8(ascii: ":") })
            let fields: [Range<Int>] =
                parts.count == 2
                ? parts.map { $0.startIndex..<$0.endIndex }
                : (end - sign - 1 == 4 ? [sign + 1..<sign + 3, sign + 3..<end] : [])
            guard fields.count == 2, fields.allSatisfy({ $0.count == 2 }), let h = digits(fields[0]),
                let m = digits(fields[1]), h <= 18, m < 60
            else { return nil }
            offset = (b[sign] == dash ? -1 : 1) * (h * 3600 + m * 60)
            end = sign
        }
        // `HH:MM` or `HH:MM:SS`.
        let colon = UInt8(ascii: ":")
        let length = end - 11
        guard length == 5 || length == 8, let h = digits(11..<13), b[13] == colon, let mi = digits(14..<16) else {
            return nil
        }
        var second = 0
        if length == 8 {
            guard b[16] == colon, let sec = digits(17..<19) else { return nil }
            second = sec
        }
        guard let time = LocalTime(hour: h, minute: mi, second: second) else { return nil }
        return (LocalDateTime(date: date, time: time), offset)
    }

    /// `parse` by characters: text with white space around it or non-ASCII characters.
    static func parseCharacters(_ text: String) -> (LocalDateTime, offset: Int?)? {
        var s = Substring(text.trimmingWhitespace())
        guard s.count >= 16 else { return nil }
        let dateEnd = s.index(s.startIndex, offsetBy: 10)
        guard let date = LocalDate(iso8601: s[..<dateEnd]), s[dateEnd] == "T" || s[dateEnd] == " " else { return nil }
        s = s[s.index(after: dateEnd)...]
        var offset: Int?
        if s.hasSuffix("Z") {
            offset = 0
            s = s.dropLast()
        } else if let signIndex = s.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let spec = s[s.index(after: signIndex)...]
            let parts = spec.split(separator: ":")
            let digits = parts.count == 2 ? parts : (spec.count == 4 ? [spec.prefix(2), spec.suffix(2)] : [])
            guard digits.count == 2, let h = Int(digits[0]), let m = Int(digits[1]), digits[0].count == 2,
                digits[1].count == 2, h <= 18, m < 60
            else { return nil }
            offset = (s[signIndex] == "-" ? -1 : 1) * (h * 3600 + m * 60)
            s = s[..<signIndex]
        }
        guard let time = LocalTime(s) else { return nil }
        return (LocalDateTime(date: date, time: time), offset)
    }
}

/// Why a wall-clock time does not name exactly one instant.
public enum LocalTimeProblem: Error, Hashable, Sendable {
    /// The time falls in a spring-forward gap: that reading never appears on the zone's clocks.
    case nonexistent(WallTime)
    /// The time falls in a fall-back overlap and no offset picks one of its two instants.
    case ambiguous(WallTime, earlier: Instant, later: Instant)
    /// The written offset is not one the zone uses at that reading.
    case offsetMismatch(WallTime, validOffsets: [Int])

    /// The reading that failed.
    public var wallTime: WallTime {
        switch self {
        case .nonexistent(let w), .ambiguous(let w, _, _), .offsetMismatch(let w, _): return w
        }
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> SubSequence {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return self[start..<end]
    }
}
