/// The records read from one registration export.
public struct FormTable: Sendable {
    /// The format the records were read from.
    public var format: RegistrationFormat
    /// The header row for spreadsheets; empty for XML submissions, whose paths vary per record.
    public var columns: [String]
    /// The records in file order.
    public var records: [FormRecord]

    /// Creates a table.
    public init(format: RegistrationFormat, columns: [String] = [], records: [FormRecord]) {
        self.format = format
        self.columns = columns
        self.records = records
    }
}
