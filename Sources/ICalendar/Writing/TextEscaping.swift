/// TEXT escaping and parameter-value quoting (RFC 5545 3.3.11 and 3.2).
enum TextEscaping {
    /// Escapes `\`, `;`, `,` and line breaks (CRLF, CR or LF become `\n`); drops other control characters,
    /// which a content line cannot carry (HTAB is kept).
    static func escape(_ text: String) -> String {
        // Everything escaped or dropped is ASCII, so the work is done on UTF-8 bytes (other bytes pass as they are),
        // and most texts (titles, names) need none of it.
        func special(_ byte: UInt8) -> Bool {
            byte == 0x5C || byte == 0x3B || byte == 0x2C || (byte < 0x20 && byte != 0x09) || byte == 0x7F
        }
        guard text.utf8.contains(where: special) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        var previousWasCR = false
        for byte in text.utf8 {
            defer { previousWasCR = byte == 0x0D }
            switch byte {
            case 0x5C, 0x3B, 0x2C:  // \\ \; \,
                out.append(0x5C)
                out.append(byte)
            case 0x0D:  // \n
                out.append(0x5C)
                out.append(0x6E)
            case 0x0A:
                if !previousWasCR {
                    out.append(0x5C)
                    out.append(0x6E)
                }
            case 0x09: out.append(byte)
            default: if !(byte < 0x20 || byte == 0x7F) { out.append(byte) }
            }
        }
        return String(decoding: out, as: UTF8.self)
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
