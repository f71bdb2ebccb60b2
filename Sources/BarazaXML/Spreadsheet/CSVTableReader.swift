import BarazaModel
import CSV
import Foundation

/// Reads a CSV export of a registration form into a ``FormTable``: Google Forms' "Download responses (.csv)",
/// KoBoToolbox and Ona CSV exports, Excel's "CSV UTF-8" (with `;` between fields where the decimal separator is a
/// comma, as in French settings) and "Unicode text" (UTF-16 with tabs).
///
/// Fields are split by CSV.swift; this type decides the encoding and the separator, numbers each record by the
/// line it starts on (a quoted answer may span lines), and refuses what it cannot read exactly rather than guess:
/// text that is not UTF-8 (or UTF-16 with its byte-order mark), a quoted field never closed, a field or file
/// over its limit.
public enum CSVTableReader {
    /// The largest CSV file read (it is held in memory while it is split), in bytes.
    public static let defaultMaximumBytes = 256_000_000

    /// The most fields one record may have: Excel's and Google Sheets' own column limit.
    public static let maximumColumns = 16_384

    /// Reads the CSV file at `path`; the first record names the columns.
    public static func readTable(
        contentsOf path: String, limits: XMLLimits = .default, maximumBytes: Int = defaultMaximumBytes
    ) throws -> FormTable {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= maximumBytes else {
            throw XMLImportError.invalidContent(
                SourceLocation(file: path, line: 1, column: 1),
                message: "a CSV file of \(size) bytes; expected at most \(maximumBytes) (it is read whole)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw XMLImportError.unreadable(path: path, reason: "no such file or not readable")
        }
        return try readTable(data: data, path: path, limits: limits)
    }

    /// Reads CSV `data`, shown in errors as `path`.
    public static func readTable(data: Data, path: String, limits: XMLLimits = .default) throws -> FormTable {
        let text = try decode(data, path: path)
        let separator = separator(of: text)
        let reader = try CSVReader(string: text, hasHeaderRow: false, trimFields: false, delimiter: separator)
        var rows: [SheetRows.Row] = []
        var line = 1
        while let fields = reader.next() {
            let start = line
            guard fields.count <= maximumColumns else {
                throw XMLImportError.invalidContent(
                    SourceLocation(file: path, line: start, column: 1),
                    message: "\(fields.count) fields in one record; expected at most \(maximumColumns) (a sheet's "
                        + "own limit)")
            }
            var breaks = 0
            // The first record names the columns: names are held to the limit of XML names.
            let (limit, what) = rows.isEmpty ? (limits.maxNameLength, "column name") : (limits.maxTextBytes, "field")
            for field in fields {
                guard field.utf8.count <= limit else {
                    throw XMLImportError.invalidContent(
                        SourceLocation(file: path, line: start, column: 1),
                        message: "a \(what) of \(field.utf8.count) bytes; expected at most \(limit)")
                }
                breaks += lineBreaks(in: field)
            }
            line += 1 + breaks
            // A blank line (Excel leaves them at the end) is no record.
            if fields.count == 1 && fields[0].isEmpty { continue }
            rows.append(SheetRows.Row(number: start, cells: fields.enumerated().map { ($0.offset, $0.element) }))
        }
        if let error = reader.error {
            throw XMLImportError.unreadable(path: path, reason: "\(error)")
        }
        // Only a quoted field holds a line break; one that was closed leaves the text ending in its quote.
        if let last = rows.last, last.cells.last.map({ lineBreaks(in: $0.text) > 0 }) == true,
            text.unicodeScalars.reversed().first(where: { $0 != "\n" && $0 != "\r" }) != "\""
        {
            throw XMLImportError.invalidContent(
                SourceLocation(file: path, line: last.number, column: 1),
                message: "a quoted field in the record starting here is never closed (a `\"` is missing); "
                    + "every line after it was read into that field")
        }
        return SheetRows.table(rows, format: .csv)
    }

    /// The text of `data`: UTF-8 (a byte-order mark dropped), or UTF-16 with its byte-order mark. Anything else
    /// (Windows-1252, Latin-1...) is refused at its first byte that is not UTF-8, rather than read as mojibake.
    static func decode(_ data: Data, path: String) throws -> String {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let encoding: String.Encoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
            guard bytes.count % 2 == 0, let text = String(data: data.dropFirst(2), encoding: encoding) else {
                throw XMLImportError.unreadable(path: path, reason: "not valid UTF-16 despite its byte-order mark")
            }
            return text
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        if let bad = InvalidUTF8.first(in: body) {
            throw XMLImportError.invalidContent(
                SourceLocation(file: path, line: bad.line, column: bad.column),
                message: "not UTF-8 text (perhaps Windows-1252 or Latin-1); save the sheet as \"CSV UTF-8\" "
                    + "(Excel: File > Save As > CSV UTF-8) or export it again as .xlsx")
        }
        if body.contains(0) {
            throw XMLImportError.unsupportedFormat(
                path: path, reason: "binary data, not a CSV file (a NUL byte in the text)")
        }
        return String(decoding: body, as: UTF8.self)
    }

    /// The separator the first record uses most, outside quotes: `,`, `;` or a tab (`,` when none appears).
    static func separator(of text: String) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" {
                quoted.toggle()
            } else if !quoted && (scalar == "\n" || scalar == "\r") {
                break
            } else if !quoted, counts[scalar] != nil {
                counts[scalar, default: 0] += 1
            }
        }
        let best = [",", ";", "\t"].max { counts[$0, default: 0] < counts[$1, default: 0] } ?? ","
        return counts[best, default: 0] > 0 ? best : ","
    }

    /// The line breaks in a field (`\r\n` counts once), which a quoted answer carries over to the next lines.
    static func lineBreaks(in field: String) -> Int {
        var count = 0
        var afterCR = false
        for scalar in field.unicodeScalars {
            if scalar == "\r" {
                count += 1
            } else if scalar == "\n" && !afterCR {
                count += 1
            }
            afterCR = scalar == "\r"
        }
        return count
    }
}
