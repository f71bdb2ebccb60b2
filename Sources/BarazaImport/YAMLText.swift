/// Minimal YAML emission for generated workspace files: every free-text scalar is double-quoted and escaped, so
/// no answer can change the document's structure.
enum YAMLText {
    static func quoted(_ s: String) -> String {
        var out = ""
        appendQuoted(s, to: &out)
        return out
    }

    /// Appends `s` double-quoted and escaped to `out`.
    static func appendQuoted(_ s: String, to out: inout String) {
        // Text with nothing to escape (most answers) is appended whole; printable ASCII is told by its bytes.
        let plainASCII = s.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }
        if plainASCII || s.unicodeScalars.allSatisfy({ !needsEscape($0) }) {
            out += "\""
            out += s
            out += "\""
            return
        }
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if needsEscape(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// Whether a scalar is written escaped inside double quotes.
    @inline(__always) static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return v == 0x22 || v == 0x5C }
        return v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || v == 0xFEFF
    }

    static func list(_ items: [String]) -> String {
        var out = ""
        appendList(items, to: &out)
        return out
    }

    /// Appends `items` as a flow sequence of quoted scalars to `out`.
    static func appendList(_ items: [String], to out: inout String) {
        out += "["
        for (i, item) in items.enumerated() {
            if i > 0 { out += ", " }
            appendQuoted(item, to: &out)
        }
        out += "]"
    }
}
