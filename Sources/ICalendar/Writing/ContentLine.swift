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
        var line = line
        guard line.utf8.count > maximumOctets else {
            output.write(line)
            output.write("\r\n")
            return
        }
        // Each physical line takes as many whole scalars as fit: cut at most `limit` octets further on, then
        // step back over UTF-8 continuation bytes (10xxxxxx) to the start of a scalar.
        line.withUTF8 { bytes in
            var start = 0
            var limit = maximumOctets
            while start < bytes.count {
                var end = min(start + limit, bytes.count)
                while end < bytes.count, end > start, bytes[end] & 0xC0 == 0x80 { end -= 1 }
                if start > 0 { output.write(" ") }
                output.write(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                output.write("\r\n")
                start = end
                limit = maximumOctets - 1
            }
        }
    }
}
