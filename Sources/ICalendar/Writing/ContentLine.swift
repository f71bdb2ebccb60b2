/// Serialises one property to a folded, CRLF-terminated content line.
enum ContentLine {
    /// RFC 5545 3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break.
    static let maximumOctets = 75

    /// Writes `property` as `NAME;PARAM=value:value`, folded, each physical line ending in CRLF.
    static func write(_ property: Property, to output: inout some TextOutputStream) {
        var line = property.name
        for parameter in property.parameters {
            line += ";" + parameter.name + "=" + TextEscaping.parameterValue(parameter.value)
        }
        line += ":" + property.value
        writeFolded(line, to: &output)
    }

    /// Folds at 75 octets between Unicode scalars, so no UTF-8 sequence is split; a continuation line
    /// starts with one space, which counts towards its 75 octets.
    static func writeFolded(_ line: String, to output: inout some TextOutputStream) {
        var physical = String.UnicodeScalarView()
        var octets = 0
        for scalar in line.unicodeScalars {
            let width = UTF8.width(scalar)
            if octets + width > maximumOctets {
                output.write(String(physical))
                output.write("\r\n")
                physical = String.UnicodeScalarView([" "])
                octets = 1
            }
            physical.append(scalar)
            octets += width
        }
        output.write(String(physical))
        output.write("\r\n")
    }
}
