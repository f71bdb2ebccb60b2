/// One submission or spreadsheet row from a registration-form export, as a generic ordered list of fields.
///
/// Paths use `/` between groups (`hospital/name`) and a 1-based index on repeated elements
/// (`persons[2]/name`). Values are as written: a select_multiple answer stays space separated.
public struct FormRecord: Sendable {
    /// The fields in document (or column) order. A path may repeat.
    public var fields: [(path: String, value: String)]
    /// The line of the record's first element (XML) or the row number (spreadsheets).
    public var sourceLine: Int
    /// `meta/instanceID` when present.
    public var recordID: String?
    /// When the form was submitted: `_submission_time`, else `meta/submissionDate`, else `end`.
    public var submittedAt: String?

    /// Creates a record.
    public init(
        fields: [(path: String, value: String)], sourceLine: Int, recordID: String? = nil, submittedAt: String? = nil
    ) {
        self.fields = fields
        self.sourceLine = sourceLine
        self.recordID = recordID
        self.submittedAt = submittedAt
    }

    /// The first value stored under `path`, or nil.
    public func value(_ path: String) -> String? {
        fields.first { $0.path == path }?.value
    }

    /// Every value stored under `path`, in order.
    public func values(_ path: String) -> [String] {
        fields.filter { $0.path == path }.map(\.value)
    }

    /// The field paths in order.
    public var paths: [String] { fields.map(\.path) }

    /// Fills ``recordID`` and ``submittedAt`` from the conventional ODK/KoBo/Ona field names.
    mutating func adoptConventionalMetadata() {
        recordID = value("meta/instanceID") ?? value("instanceID")
        submittedAt =
            value("_submission_time") ?? value("meta/submissionDate") ?? value("submissionDate") ?? value("end")
        if recordID?.isEmpty == true { recordID = nil }
        if submittedAt?.isEmpty == true { submittedAt = nil }
    }
}
