import BarazaModel
import Foundation

/// Reads the first worksheet of an Office Open XML workbook (`.xlsx`) as a ``FormTable``: the first row names
/// the columns, every later non-empty row is a record.
///
/// The zip is opened with ZIPFoundation under ``ArchiveLimits``; `xl/workbook.xml`, its relationships, shared
/// strings, styles and the sheet are streamed through the hardened ``XMLStreamReader``. Cells are placed by their
/// `r` reference (exports skip empty cells). Numbers whose style is a date format become ISO 8601 local
/// date-times using the workbook's date system (1900 or 1904); ``FormTable/serialDates1904`` lets callers
/// convert bare serial numbers the same way.
public enum XLSXReader {
    /// Reads `path`.
    /// - Throws: ``XMLImportError`` for a damaged or hostile archive or malformed parts.
    public static func readTable(
        contentsOf path: String, limits: XMLLimits = .default, archiveLimits: ArchiveLimits = .default
    ) throws -> FormTable {
        var archive = try SafeArchive(path: path, limits: archiveLimits)
        guard let workbookBytes = try archive.read("xl/workbook.xml") else {
            throw XMLImportError.missingPart(path: path, part: "xl/workbook.xml")
        }
        let workbook = try readWorkbook(workbookBytes, sourceName: "\(path)!xl/workbook.xml", limits: limits)
        var sheetPart = "xl/worksheets/sheet1.xml"
        if let relID = workbook.firstSheetRelationship, let rels = try archive.read("xl/_rels/workbook.xml.rels") {
            let targets = try readRelationships(rels, sourceName: "\(path)!xl/_rels/workbook.xml.rels", limits: limits)
            if let target = targets[relID] {
                sheetPart = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
                try SafeArchive.checkEntryName(sheetPart, archivePath: path)
            }
        }
        let shared =
            try archive.read("xl/sharedStrings.xml").map {
                try readSharedStrings($0, sourceName: "\(path)!xl/sharedStrings.xml", limits: limits)
            } ?? []
        let dateStyles =
            try archive.read("xl/styles.xml").map {
                try readDateStyles($0, sourceName: "\(path)!xl/styles.xml", limits: limits)
            } ?? []
        guard let sheet = try archive.read(sheetPart) else {
            throw XMLImportError.missingPart(path: path, part: sheetPart)
        }
        let rows = try readSheet(
            sheet, sourceName: "\(path)!\(sheetPart)", limits: limits, shared: shared, dateStyles: dateStyles,
            date1904: workbook.date1904)
        var table = SheetRows.table(rows, format: .xlsx)
        table.serialDates1904 = workbook.date1904
        return table
    }

    struct Workbook {
        var date1904 = false
        var firstSheetRelationship: String?
    }

    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func readWorkbook(_ bytes: [UInt8], sourceName: String, limits: XMLLimits) throws -> Workbook {
        let reader = try XMLStreamReader(bytes: bytes, sourceName: sourceName, limits: limits)
        var workbook = Workbook()
        while try reader.read() {
            guard reader.kind == .elementStart else { continue }
            switch reader.localName {
            case "workbookPr":
                let flag = reader.attribute("date1904")
                workbook.date1904 = flag == "1" || flag == "true"
            case "sheet":
                if workbook.firstSheetRelationship == nil {
                    workbook.firstSheetRelationship = reader.attribute("id", namespaceURI: relationshipsNamespace)
                }
            default: break
            }
        }
        return workbook
    }

    static func readRelationships(_ bytes: [UInt8], sourceName: String, limits: XMLLimits) throws -> [String: String] {
        let reader = try XMLStreamReader(bytes: bytes, sourceName: sourceName, limits: limits)
        var targets: [String: String] = [:]
        while try reader.read() {
            if reader.kind == .elementStart, reader.localName == "Relationship", let id = reader.attribute("Id"),
                let target = reader.attribute("Target")
            {
                targets[id] = target
            }
        }
        return targets
    }

    /// Shared strings: each `si` is the concatenation of its `t` runs (rich text), phonetic runs (`rPh`) excluded.
    static func readSharedStrings(_ bytes: [UInt8], sourceName: String, limits: XMLLimits) throws -> [String] {
        let reader = try XMLStreamReader(bytes: bytes, sourceName: sourceName, limits: limits)
        var strings: [String] = []
        var current = ""
        var inItem = false
        var inText = false
        var inPhonetic = false
        while try reader.read() {
            switch reader.kind {
            case .elementStart:
                switch reader.localName {
                case "si":
                    inItem = true
                    current = ""
                    if reader.isEmptyElement { inItem = false }
                case "t": inText = !inPhonetic
                case "rPh": inPhonetic = true
                default: break
                }
                if reader.localName == "si" && !inItem { strings.append("") }
            case .elementEnd:
                switch reader.localName {
                case "si":
                    if inItem { strings.append(current) }
                    inItem = false
                case "t": inText = false
                case "rPh": inPhonetic = false
                default: break
                }
            case .text, .cdata, .whitespace:
                if inItem && inText { current += reader.text }
            }
        }
        return strings
    }

    /// The indexes of cell formats (`cellXfs`) whose number format shows a date or time.
    static func readDateStyles(_ bytes: [UInt8], sourceName: String, limits: XMLLimits) throws -> Set<Int> {
        let reader = try XMLStreamReader(bytes: bytes, sourceName: sourceName, limits: limits)
        var customDateFormats: Set<Int> = []
        var styles: Set<Int> = []
        var inCellXfs = false
        var index = 0
        while try reader.read() {
            switch reader.kind {
            case .elementStart:
                switch reader.localName {
                case "numFmt":
                    if let id = reader.attribute("numFmtId").flatMap(Int.init),
                        isDateFormat(reader.attribute("formatCode") ?? "")
                    {
                        customDateFormats.insert(id)
                    }
                case "cellXfs": inCellXfs = true
                case "xf" where inCellXfs:
                    let id = reader.attribute("numFmtId").flatMap(Int.init) ?? 0
                    if builtInDateFormats.contains(id) || customDateFormats.contains(id) { styles.insert(index) }
                    index += 1
                default: break
                }
            case .elementEnd:
                if reader.localName == "cellXfs" { inCellXfs = false }
            default: break
            }
        }
        return styles
    }

    /// Built-in number formats that show dates or times (ECMA-376 §18.8.30).
    static let builtInDateFormats: Set<Int> = Set(14...22).union(45...47)

    /// Whether a custom format code shows a date or time: a `d`, `m`, `y`, `h` or `s` outside quoted text,
    /// escapes and bracketed colours or conditions.
    static func isDateFormat(_ code: String) -> Bool {
        var inQuotes = false
        var inBrackets = false
        var escaped = false
        for ch in code {
            if escaped {
                escaped = false
                continue
            }
            switch ch {
            case "\\" where !inQuotes: escaped = true
            case "\"": inQuotes.toggle()
            case "[" where !inQuotes: inBrackets = true
            case "]" where !inQuotes: inBrackets = false
            default:
                if !inQuotes && !inBrackets && "dmyhsDMYHS".contains(ch) { return true }
            }
        }
        return false
    }

    static func readSheet(
        _ bytes: [UInt8], sourceName: String, limits: XMLLimits, shared: [String], dateStyles: Set<Int>,
        date1904: Bool
    ) throws -> [SheetRows.Row] {
        let reader = try XMLStreamReader(bytes: bytes, sourceName: sourceName, limits: limits)
        var rows: [SheetRows.Row] = []
        var row = SheetRows.Row(number: 0, cells: [])
        var nextRowNumber = 1
        var nextColumn = 0
        var cellColumn = 0
        var cellType = "n"
        var cellStyle = 0
        var cellLine = 0
        var value = ""
        var inValue = false
        var inInline = false
        var inPhonetic = false
        while try reader.read() {
            switch reader.kind {
            case .elementStart:
                switch reader.localName {
                case "row":
                    let number = reader.attribute("r").flatMap(Int.init) ?? nextRowNumber
                    row = SheetRows.Row(number: number, cells: [])
                    nextRowNumber = number + 1
                    nextColumn = 0
                case "c":
                    if let ref = reader.attribute("r") {
                        guard let column = columnIndex(ref) else {
                            throw XMLImportError.invalidContent(
                                reader.parserLocation, message: "a cell reference like `B7` in `r`")
                        }
                        cellColumn = column
                    } else {
                        cellColumn = nextColumn
                    }
                    nextColumn = cellColumn + 1
                    cellType = reader.attribute("t") ?? "n"
                    cellStyle = reader.attribute("s").flatMap(Int.init) ?? 0
                    cellLine = reader.line
                    value = ""
                case "v": inValue = true
                case "is": inInline = true
                case "rPh": inPhonetic = true
                case "t" where inInline && !inPhonetic: inValue = true
                default: break
                }
                if reader.isEmptyElement && reader.localName == "c" {
                    // `<c r="B2"/>`: an empty cell; nothing to record.
                }
            case .elementEnd:
                switch reader.localName {
                case "v", "t": inValue = false
                case "is": inInline = false
                case "rPh": inPhonetic = false
                case "c":
                    let text = try cellText(
                        value, type: cellType, style: cellStyle, shared: shared, dateStyles: dateStyles,
                        date1904: date1904, location: SourceLocation(file: sourceName, line: cellLine, column: 0))
                    if !text.isEmpty { row.cells.append((cellColumn, text)) }
                case "row":
                    if !row.cells.isEmpty { rows.append(row) }
                default: break
                }
            case .text, .cdata, .whitespace:
                if inValue { value += reader.text }
            }
        }
        return rows
    }

    static func cellText(
        _ raw: String, type: String, style: Int, shared: [String], dateStyles: Set<Int>, date1904: Bool,
        location: SourceLocation
    ) throws -> String {
        switch type {
        case "s":
            guard let index = Int(raw.trimmingCharacters(in: .whitespaces)), shared.indices.contains(index) else {
                throw XMLImportError.invalidContent(location, message: "a shared-string index within the table")
            }
            return shared[index]
        case "b":
            return raw == "1" ? "TRUE" : raw == "0" ? "FALSE" : raw
        case "n", "d":
            if type == "n", dateStyles.contains(style), let serial = Double(raw),
                let iso = SerialDate.isoString(serial: serial, date1904: date1904)
            {
                return iso
            }
            return raw
        default:  // inlineStr, str (formula result), e (error)
            return raw
        }
    }

    /// `B7` → 1 (0-based column), nil when the reference has no letters or too many.
    static func columnIndex(_ reference: String) -> Int? {
        var column = 0
        var letters = 0
        for byte in reference.utf8 {
            if byte >= 65 && byte <= 90 {
                column = column * 26 + Int(byte - 64)
            } else if byte >= 97 && byte <= 122 {
                column = column * 26 + Int(byte - 96)
            } else {
                break
            }
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : column - 1
    }
}

/// Spreadsheet serial dates: days since the epoch of the workbook's date system, the fraction being the time.
public enum SerialDate {
    /// `2013-02-14T15:38:33` for a serial such as 41319.65…, nil when out of range (before 1900 or after 9999).
    /// The 1900 system counts the nonexistent 1900-02-29 (Lotus's bug), so serials from 61 on start at
    /// 1899-12-30; the 1904 system starts at 1904-01-01.
    public static func isoString(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if seconds >= 86_400 {
            days += 1
            seconds -= 86_400
        }
        // Days since 1970-01-01 of each epoch.
        let epoch: Int
        if date1904 {
            epoch = -24_107  // 1904-01-01
        } else {
            if days == 0 { return nil }
            epoch = days < 61 ? -25_568 : -25_569  // 1899-12-31 for serial 1 = 1900-01-01; else 1899-12-30
        }
        let date = LocalDate(daysSince1970: epoch + days)
        let (y, m, d) = (date.year, date.month, date.day)
        guard y >= 1900 || date1904, y <= 9999 else { return nil }
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return
            "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))"
    }
}

/// Rows of cells turned into a ``FormTable`` (shared by the xlsx and SpreadsheetML readers).
enum SheetRows {
    struct Row {
        var number: Int
        var cells: [(column: Int, text: String)]
    }

    /// The first row names the columns (a blank header becomes `column_<n>`); later rows become records.
    static func table(_ rows: [Row], format: RegistrationFormat) -> FormTable {
        guard let header = rows.first else { return FormTable(format: format, records: []) }
        let width = (header.cells.map(\.column).max() ?? -1) + 1
        var columns = (0..<width).map { "column_\($0 + 1)" }
        for cell in header.cells {
            columns[cell.column] = cell.text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var records: [FormRecord] = []
        records.reserveCapacity(rows.count - 1)
        for row in rows.dropFirst() {
            var fields: [(path: String, value: String)] = []
            for cell in row.cells {
                while cell.column >= columns.count { columns.append("column_\(columns.count + 1)") }
                fields.append((columns[cell.column], cell.text))
            }
            var record = FormRecord(fields: fields, sourceLine: row.number)
            record.adoptConventionalMetadata()
            if record.recordID == nil { record.recordID = record.value("_uuid") }
            records.append(record)
        }
        return FormTable(format: format, columns: columns, records: records)
    }
}
