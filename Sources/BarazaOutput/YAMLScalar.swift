/// The one YAML scalar writer for the files Baraza generates (imported people and schedules, the badges' key and
/// printed record): every free-text scalar is double-quoted and escaped, so no answer can change the document's
/// structure. Written as UTF-8 bytes (imports render a person per record), and inlinable: the import calls it for
/// every field of every record, from another module.
public enum YAMLScalar {
    /// `s` as a double-quoted, escaped YAML scalar.
    @inlinable public static func quoted(_ s: String) -> String {
        var out: [UInt8] = []
        appendQuoted(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `s` double-quoted and escaped to `out`: `"` `\` and the C0 controls get YAML's short or `\uXXXX`
    /// escapes, as do DEL, the C1 controls, U+2028, U+2029 and U+FEFF; everything else is copied.
    @inlinable public static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { appendQuoted(bytes: $0, to: &out) }
    }

    /// ``appendQuoted(_:to:)`` for valid UTF-8 bytes.
    @inlinable public static func appendQuoted(bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(0x22)
        var index = 0
        var copied = 0
        func flush(to end: Int) {
            if end > copied { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<end])) }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x20 && byte < 0x7F && byte != 0x22 && byte != 0x5C || byte >= 0x80 && !escaped(bytes, index) {
                index += 1
                continue
            }
            flush(to: index)
            let scalar: UInt32
            let length: Int
            if byte < 0x80 {
                (scalar, length) = (UInt32(byte), 1)
            } else if byte == 0xC2 {
                (scalar, length) = (UInt32(bytes[index + 1] & 0x3F) | 0x80, 2)
            } else if byte == 0xE2 {
                (scalar, length) = (0x2000 | UInt32(bytes[index + 2] & 0x3F), 3)
            } else {
                (scalar, length) = (0xFEFF, 3)
            }
            switch scalar {
            case 0x22: append("\\\"", to: &out)
            case 0x5C: append("\\\\", to: &out)
            case 0x0A: append("\\n", to: &out)
            case 0x09: append("\\t", to: &out)
            case 0x0D: append("\\r", to: &out)
            default:
                append("\\u", to: &out)
                for shift in [12, 8, 4, 0] {
                    let digit = UInt8((scalar >> UInt32(shift)) & 0xF)
                    out.append(digit < 10 ? 0x30 + digit : 0x41 + digit - 10)
                }
            }
            index += length
            copied = index
        }
        flush(to: bytes.count)
        out.append(0x22)
    }

    /// Whether the non-ASCII character starting at `bytes[index]` is one written escaped: U+0080–U+009F
    /// (`C2 80`–`C2 9F`), U+2028 and U+2029 (`E2 80 A8`, `E2 80 A9`), U+FEFF (`EF BB BF`).
    @inlinable @inline(__always) static func escaped(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        switch bytes[index] {
        case 0xC2: return bytes[index + 1] < 0xA0
        case 0xE2: return bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)
        case 0xEF: return bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF
        default: return false
        }
    }

    /// `items` as a flow sequence of quoted scalars.
    @inlinable public static func list(_ items: [String]) -> String {
        var out: [UInt8] = []
        appendList(items, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `items` as a flow sequence of quoted scalars to `out`.
    @inlinable public static func appendList(_ items: [String], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
            if i > 0 { append(", ", to: &out) }
            appendQuoted(item, to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// Appends literal text.
    @inlinable public static func append(_ text: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends text as it is (for values already known to be plain: codes, ids, numbers).
    @inlinable public static func append(plain text: String, to out: inout [UInt8]) {
        out.append(contentsOf: text.utf8)
    }
}
