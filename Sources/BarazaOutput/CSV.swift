/// RFC 4180 CSV that is safe to open in a spreadsheet: every export that writes CSV goes through here.
public enum CSV {
    /// One cell. A leading `=`, `+`, `-`, `@`, tab or carriage return gets an apostrophe in front, so Excel,
    /// LibreOffice and Google Sheets show it as text instead of running it as a formula (CSV injection); the
    /// cell is quoted, with quotes doubled, when it holds a comma, a quote, a CR or an LF.
    public static func cell(_ raw: String) -> String {
        var value = raw
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record: the cells made safe, joined by commas, ended by CRLF.
    public static func record(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",") + "\r\n"
    }
}
