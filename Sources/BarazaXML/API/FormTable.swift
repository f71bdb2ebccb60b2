/// The records read from one registration export.
public struct FormTable: Sendable {
    /// The format the records were read from.
    public var format: RegistrationFormat
    /// The header row for spreadsheets; empty for XML submissions, whose paths vary per record.
    public var columns: [String]
    /// The records in file order.
    public var records: [FormRecord]

    /// Whether bare serial-number dates in this table count from 1904 (Excel for Mac workbooks) rather than 1900.
    public var serialDates1904 = false

    /// Creates a table.
    public init(format: RegistrationFormat, columns: [String] = [], records: [FormRecord]) {
        self.format = format
        self.columns = columns
        self.records = records
    }
}
