/// A small XML writer that escapes everything it is given: element text, attribute values, and characters XML 1.0
/// cannot carry at all (most C0 controls, U+FFFE, U+FFFF), which become U+FFFD.
///
/// Kept here rather than libxml2's `xmlTextWriter`: writing needs only correct escaping and indentation, and the
/// libxml2 system target belongs to the reading side (another module), which this one should not depend on.
struct XMLWriter {
    private(set) var output: String
    private var open: [String] = []
    private let depth: Int

    /// A document, starting with the XML declaration.
    init() {
        output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        depth = 0
    }

    /// A fragment to be placed `depth` levels inside another writer's open element (no declaration).
    init(fragmentAtDepth depth: Int) {
        output = ""
        self.depth = depth
    }

    /// Opens `<name attr="value"...>` on a line of its own.
    mutating func start(_ name: String, _ attributes: [(String, String)] = []) {
        indent()
        output += "<" + name + Self.attributes(attributes) + ">\n"
        open.append(name)
    }

    /// Closes the innermost open element.
    mutating func end() {
        let name = open.removeLast()
        indent()
        output += "</" + name + ">\n"
    }

    /// Writes `<name attr="value">text</name>`, or `<name/>` when the text is empty.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], text: String = "") {
        indent()
        if text.isEmpty {
            output += "<" + name + Self.attributes(attributes) + "/>\n"
        } else {
            output += "<" + name + Self.attributes(attributes) + ">" + Self.escapeText(text) + "</" + name + ">\n"
        }
    }

    /// The finished document; every element must be closed.
    var document: String {
        precondition(open.isEmpty, "unclosed elements: \(open)")
        return output
    }

    private mutating func indent() { output += String(repeating: "  ", count: depth + open.count) }

    private static func attributes(_ list: [(String, String)]) -> String {
        list.map { " \($0.0)=\"\(escapeAttribute($0.1))\"" }.joined()
    }

    /// Escapes character data: `&`, `<`, `>` (so `]]>` cannot appear), and CR, which a parser would otherwise
    /// turn into LF.
    static func escapeText(_ text: String) -> String { escape(text, attribute: false) }

    /// Escapes an attribute value for double quotes; tab, LF and CR become references so that attribute-value
    /// normalisation does not turn them into spaces.
    static func escapeAttribute(_ text: String) -> String { escape(text, attribute: true) }

    private static func escape(_ text: String, attribute: Bool) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\t" where attribute: out += "&#9;"
            case "\n" where attribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out.unicodeScalars.append("\u{FFFD}")
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
