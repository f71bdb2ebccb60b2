import BarazaOutput

/// A table written as CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads accents), CRLF line
/// ends and RFC 4180 quoting. Cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`,
/// tab or carriage return) get a leading apostrophe, so a name typed as `=HYPERLINK(...)` stays text.
struct CSVTable {
    var header: [String]
    var rows: [[String]] = []

    init(header: [String]) { self.header = header }

    mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "a CSV row has as many cells as the header")
        rows.append(row)
    }

    /// The file's text, starting with U+FEFF.
    var text: String {
        var out = "\u{FEFF}"
        for row in CollectionOfOne(header) + rows {
            for (column, cell) in row.enumerated() {
                if column > 0 { out += "," }
                out += Self.cell(cell)
            }
            out += "\r\n"
        }
        return out
    }

    /// One cell, guarded and quoted when needed.
    static func cell(_ raw: String) -> String { CSV.cell(raw) }
}
