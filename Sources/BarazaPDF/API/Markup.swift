/// Pango markup that is escaped by default: `text` turns `<`, `&` and quotes into entities, and only
/// `raw` (the named opt-out) passes markup through.
///
/// ```swift
/// let line: Markup = .text("Certificate of attendance for ") + .bold(.text(name))
/// ```
public struct Markup: Sendable, Hashable {
    /// The markup source handed to Pango.
    public let source: String

    private init(source: String) {
        self.source = source
    }

    /// Plain text, escaped so that it is shown exactly as written.
    public static func text(_ plain: String) -> Markup {
        var escaped = ""
        escaped.reserveCapacity(plain.utf8.count)
        for scalar in plain.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            // Control characters other than tab and newline are not allowed in markup; they print as nothing.
            case "\t", "\n": escaped.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: continue
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return Markup(source: escaped)
    }

    /// Markup written by the caller, not escaped. `TextDocument.write` rejects it if Pango cannot parse it.
    public static func raw(_ markup: String) -> Markup {
        Markup(source: markup)
    }

    /// `content` in bold.
    public static func bold(_ content: Markup) -> Markup {
        Markup(source: "<b>\(content.source)</b>")
    }

    /// `content` in italics.
    public static func italic(_ content: Markup) -> Markup {
        Markup(source: "<i>\(content.source)</i>")
    }

    /// `content` in `colour`.
    public static func coloured(_ content: Markup, _ colour: RGBColour) -> Markup {
        func byte(_ component: Double) -> String {
            let value = Int((component * 255).rounded())
            return String(value, radix: 16).count == 1 ? "0" + String(value, radix: 16) : String(value, radix: 16)
        }
        let hex = byte(colour.red) + byte(colour.green) + byte(colour.blue)
        return Markup(source: "<span foreground=\"#\(hex)\">\(content.source)</span>")
    }

    /// The two pieces one after the other.
    public static func + (lhs: Markup, rhs: Markup) -> Markup {
        Markup(source: lhs.source + rhs.source)
    }
}
