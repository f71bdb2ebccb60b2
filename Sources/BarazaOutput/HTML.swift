/// HTML escaping for every export that writes a page by hand (logistics lists, material packs).
public enum HTML {
    /// `text` made safe for element content and quoted attributes: `& < > " '` become entities, and control
    /// characters other than tab and line feed are dropped.
    public static func escape(_ text: String) -> String {
        mayChange(text) ? escapeScalars(text) : text
    }

    /// Whether `escapeScalars` could change `text`: it holds one of `& < > " '`, an ASCII control (other than tab
    /// and line feed) or the byte 0xC2 that starts U+0080–U+00BF, where the other control characters (U+0080–U+009F)
    /// are. Most names and titles hold none, and are returned as they are without a look at each scalar's category.
    static func mayChange(_ text: String) -> Bool {
        func check<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
            bytes.contains { byte in
                switch byte {
                case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"),
                    0x7F, 0xC2:
                    return true
                case UInt8(ascii: "\t"), UInt8(ascii: "\n"): return false
                default: return byte < 0x20
                }
            }
        }
        return text.utf8.withContiguousStorageIfAvailable { check($0) } ?? check(text.utf8)
    }

    /// The escape, scalar by scalar (see ``escape(_:)``).
    static func escapeScalars(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case _ where scalar.properties.generalCategory == .control && scalar != "\n" && scalar != "\t": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
