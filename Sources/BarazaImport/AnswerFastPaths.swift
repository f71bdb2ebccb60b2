import BarazaModel

/// The fields' fast paths: the usual answer (plain or accented text, a country code, a lower-case word, an ISO
/// date-time, yes/no) read from its UTF-8 bytes without building strings. Each says nothing (nil, or false) about
/// an answer it is not made for, which the general functions of ``Normalise`` then read; what it does say is what
/// they would say.
enum AnswerBytes {
    /// Appends ``Normalise/text(_:)`` of `raw` to `text`. Text that is already normal (no space or control at the
    /// ends, single ASCII spaces inside, and only characters `Normalise.text` leaves as they are: below U+0300 or
    /// Arabic letters) is copied whole; other ASCII has its runs of spaces and controls made one space and its ends
    /// trimmed, byte by byte; anything else goes through `Normalise.text` itself. Nil when nothing is left.
    static func appendText(_ raw: UnsafeBufferPointer<UInt8>, to text: inout [UInt8]) -> Range<Int>? {
        let start = text.count
        switch shape(raw) {
        case .normal:
            text.append(contentsOf: raw)
        case .ascii:
            var pendingSpace = false
            for byte in raw {
                if byte <= 0x20 || byte == 0x7F {
                    pendingSpace = text.count > start
                } else {
                    if pendingSpace { text.append(0x20) }
                    pendingSpace = false
                    text.append(byte)
                }
            }
        case .other:
            if let normal = Normalise.text(String(decoding: raw, as: UTF8.self)) {
                text.append(contentsOf: normal.utf8)
            }
        }
        return text.count > start ? start..<text.count : nil
    }

    private enum Shape { case normal, ascii, other }

    /// How ``appendText(_:to:)`` treats valid UTF-8 `raw`.
    private static func shape(_ raw: UnsafeBufferPointer<UInt8>) -> Shape {
        var normal = !raw.isEmpty
        var ascii = true
        var previousWasSpace = true
        var index = 0
        while index < raw.count {
            while index + 8 <= raw.count, isPlainWord(raw, at: index) {
                index += 8
                previousWasSpace = false
            }
            guard index < raw.count else { break }
            let byte = raw[index]
            if byte < 0x80 {
                let space = byte <= 0x20 || byte == 0x7F
                if space && (byte != 0x20 || previousWasSpace) { normal = false }
                previousWasSpace = space
                index += 1
                continue
            }
            ascii = false
            // Decode one scalar (the bytes are valid UTF-8).
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for next in 1..<length { value = value << 6 | UInt32(raw[index + next] & 0x3F) }
            index += length
            previousWasSpace = false
            if value < 0x300 {
                // Latin-1 and Latin Extended: NFC as they are; only C1 controls and U+00A0 are spaces or controls.
                if value <= 0xA0 { return .other }
            } else if value >= 0x600 && value <= 0x6FF,
                Unicode.Scalar(value)!.properties.canonicalCombiningClass == .notReordered
            {
                // Arabic letters: NFC as they are, and neither spaces nor controls.
            } else {
                return .other
            }
        }
        if previousWasSpace { normal = false }
        return normal ? .normal : ascii ? .ascii : .other
    }

    /// Whether ``Normalise/text(_:)`` of `raw` would leave anything.
    static func hasText(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        if raw.contains(where: { $0 > 0x20 && $0 < 0x7F }) { return true }
        guard raw.contains(where: { $0 >= 0x80 }) else { return false }
        return Normalise.text(String(decoding: raw, as: UTF8.self)) != nil
    }

    /// Whether the eight bytes at `index` are all printable ASCII other than space (0x21–0x7E), tested at once.
    @inline(__always) private static func isPlainWord(_ raw: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let word = UnsafeRawPointer(raw.baseAddress! + index).loadUnaligned(as: UInt64.self)
        let high: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        // No byte with the high bit, none below 0x21, none equal to 0x7F (a zero byte after xor).
        let del = word ^ (ones &* 0x7F)
        return word & high == 0 && (word &- ones &* 0x21) & ~word & high == 0 && (del &- ones) & ~del & high == 0
    }

    /// Lower-case ASCII letters only: such a word is its own ``Normalise/key(_:)`` and its own list.
    static func isLowercaseWord(_ bytes: ArraySlice<UInt8>) -> Bool {
        !bytes.isEmpty && bytes.allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
    }

    /// Printable ASCII without commas or semicolons: a list ``Normalise/list(_:spaces:)`` splits on spaces only.
    static func isPlainList(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: ";") }
    }

    /// ``Normalise/country(_:)`` of two ASCII letters that are a code: the code in capitals. Nil for any other
    /// answer (two letters that are no code included, which the general function refuses too).
    static func countryCode(_ letters: ArraySlice<UInt8>) -> String? {
        guard letters.count == 2, letters.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) else { return nil }
        let code = String(decoding: letters.map { $0 & ~0x20 }, as: UTF8.self)
        return CountryNames.codes.contains(code) ? code : nil
    }

    /// ``Normalise/bool(_:)`` of `yes` and `no`; nil for any other answer.
    static func yesNo(_ bytes: ArraySlice<UInt8>) -> Bool? {
        switch bytes {
        case [0x79, 0x65, 0x73]: true  // yes
        case [0x6E, 0x6F]: false  // no
        default: nil
        }
    }
}
