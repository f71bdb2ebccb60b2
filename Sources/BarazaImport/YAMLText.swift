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
        // Printable ASCII without quotes or backslashes (most answers) needs no escaping.
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
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
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF
                {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
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
