/// Reads the first worksheet of an Excel 2003 XML workbook (SpreadsheetML,
/// `urn:schemas-microsoft-com:office:spreadsheet`) as a ``FormTable``: first row = column names.
///
/// Streams through ``XMLStreamReader``; `ss:Index` gaps on rows and cells are honoured, rich-text runs inside
/// `Data` are concatenated, and `DateTime` cells keep their ISO 8601 text (`2013-02-14T15:38:33.000`).
public enum SpreadsheetMLReader {
    /// The SpreadsheetML namespace.
    public static let namespace = "urn:schemas-microsoft-com:office:spreadsheet"

    /// Reads `path`.
    public static func readTable(contentsOf path: String, limits: XMLLimits = .default) throws -> FormTable {
        try read(XMLStreamReader(contentsOf: path, limits: limits))
    }

    /// Reads a workbook held in memory; `sourceName` names it in errors.
    public static func readTable(bytes: [UInt8], sourceName: String, limits: XMLLimits = .default) throws -> FormTable {
        try read(XMLStreamReader(bytes: bytes, sourceName: sourceName, limits: limits))
    }

    static func read(_ reader: XMLStreamReader) throws -> FormTable {
        var rows: [SheetRows.Row] = []
        var worksheet = 0
        var sawRoot = false
        var row = SheetRows.Row(number: 0, cells: [])
        var nextRow = 1
        var nextColumn = 0
        var cellColumn = 0
        var inData = false
        var dataDepth = 0
        var value = ""
        while try reader.read() {
            switch reader.kind {
            case .elementStart:
                if !sawRoot {
                    sawRoot = true
                    guard reader.localName == "Workbook", reader.namespaceURI == namespace else {
                        throw XMLImportError.unsupportedFormat(
                            path: reader.sourceName, reason: "not an Excel 2003 XML workbook (SpreadsheetML)")
                    }
                    continue
                }
                guard reader.namespaceURI == namespace || inData else { continue }
                switch reader.localName {
                case "Worksheet": worksheet += 1
                case "Row" where worksheet == 1:
                    let index = reader.attribute("Index", namespaceURI: namespace).flatMap(Int.init) ?? nextRow
                    row = SheetRows.Row(number: index, cells: [])
                    nextRow = index + 1
                    nextColumn = 0
                    if reader.isEmptyElement { nextRow = index + 1 }
                case "Cell" where worksheet == 1:
                    let index = reader.attribute("Index", namespaceURI: namespace).flatMap(Int.init)
                    cellColumn = index.map { $0 - 1 } ?? nextColumn
                    if cellColumn < 0 || cellColumn > 16_383 {
                        throw XMLImportError.invalidContent(
                            reader.parserLocation, message: "a cell `ss:Index` between 1 and 16384")
                    }
                    nextColumn = cellColumn + 1
                    if let merge = reader.attribute("MergeAcross", namespaceURI: namespace).flatMap(Int.init),
                        merge > 0, merge < 16_384
                    {
                        nextColumn += merge
                    }
                case "Data" where worksheet == 1:
                    inData = true
                    dataDepth = reader.depth
                    value = ""
                default: break
                }
            case .elementEnd:
                if inData && reader.depth == dataDepth && reader.localName == "Data" {
                    inData = false
                    if !value.isEmpty { row.cells.append((cellColumn, value)) }
                } else if !inData && worksheet == 1 && reader.localName == "Row" && reader.namespaceURI == namespace {
                    if !row.cells.isEmpty { rows.append(row) }
                    row = SheetRows.Row(number: 0, cells: [])
                }
            case .text, .cdata, .whitespace:
                if inData { value += reader.text }
            }
        }
        return SheetRows.table(rows, format: .spreadsheetML)
    }
}
