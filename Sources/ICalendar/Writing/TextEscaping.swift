/// TEXT escaping and parameter-value quoting (RFC 5545 3.3.11 and 3.2).
enum TextEscaping {
    /// Escapes `\`, `;`, `,` and line breaks (CRLF, CR or LF become `\n`); drops other control characters,
    /// which a content line cannot carry (HTAB is kept).
    static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case ";": out.append(contentsOf: "\\;".unicodeScalars)
            case ",": out.append(contentsOf: "\\,".unicodeScalars)
            case "\r": out.append(contentsOf: "\\n".unicodeScalars)
            case "\n": if !previousWasCR { out.append(contentsOf: "\\n".unicodeScalars) }
            case "\t": out.append(scalar)
            default: if !isControl(scalar) { out.append(scalar) }
            }
        }
        return String(out)
    }

    /// Reverses ``escape(_:)``: `\\`, `\;`, `\,`, `\n` and `\N`; any other backslash is kept as written.
    static func unescape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var iterator = text.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            guard scalar == "\\" else {
                out.append(scalar)
                continue
            }
            guard let next = iterator.next() else {
                out.append(scalar)
                break
            }
            switch next {
            case "n", "N": out.append("\n")
            case "\\", ";", ",": out.append(next)
            default:
                out.append(scalar)
                out.append(next)
            }
        }
        return String(out)
    }

    /// A parameter value ready to write: DQUOTE cannot be escaped, so it becomes `'`; control characters
    /// are dropped; the value is quoted when it holds `:`, `;`, `,` or any non-ASCII character.
    static func parameterValue(_ value: String) -> String {
        var cleaned = String.UnicodeScalarView()
        var needsQuotes = false
        for scalar in value.unicodeScalars {
            if scalar == "\"" {
                cleaned.append("'")
            } else if scalar == "\t" || !isControl(scalar) {
                cleaned.append(scalar)
                if scalar == ":" || scalar == ";" || scalar == "," || !scalar.isASCII { needsQuotes = true }
            }
        }
        let text = String(cleaned)
        return needsQuotes ? "\"" + text + "\"" : text
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F
    }
}
