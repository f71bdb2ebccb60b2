import BarazaModel
import BarazaXML
import Foundation

/// One record refused by validation: where it is, which record, which field and why. No personal data.
public struct BadRecord: Sendable, Hashable, CustomStringConvertible {
    /// `file:line` of the record (line = row number for spreadsheets).
    public var location: String
    /// The record's id (`meta/instanceID`), or `record <n>` when it has none.
    public var record: String
    /// The person field at fault.
    public var field: String
    /// What was wrong, as what was expected.
    public var reason: String

    /// `file:line: record <id>: <field>: <reason>`.
    public var description: String { "\(location): record \(record): \(field): \(reason)" }
}

/// Two or more submissions by the same email address, resolved to the latest.
public struct Merge: Sendable, Hashable, CustomStringConvertible {
    /// The person id kept.
    public var person: String
    /// The record kept (latest submission) and where it is.
    public var kept: String
    /// The records dropped in its favour.
    public var dropped: [String]

    /// One line naming the person id and the records kept and dropped.
    public var description: String {
        "person \(person): kept \(kept), dropped \(dropped.joined(separator: ", ")) (same email, latest submission wins)"
    }
}

/// What an import read, kept, merged and refused.
public struct RegistrationReport: Sendable {
    /// The format detected.
    public var format: RegistrationFormat
    /// Records read.
    public var records = 0
    /// Distinct people written.
    public var people = 0
    /// Duplicate resolutions, in person order.
    public var merges: [Merge] = []
    /// Records refused, in file order.
    public var badRecords: [BadRecord] = []
    /// Columns or paths mapped to no person field, with the number of records that filled them.
    public var unmappedColumns: [(column: String, records: Int)] = []
    /// Emails already held by a person elsewhere in the workspace: those records are skipped.
    public var alreadyInWorkspace: [BadRecord] = []
    /// Answers longer than their field allows (``TextLimit``), cut to fit: the record is imported with the cut
    /// text, and each cut is listed here (field, limit, length; never the text), in file order.
    public var truncated: [BadRecord] = []
    /// Answers dropped from records that were kept (a sign-up to a session the workspace does not have, a
    /// yes/no that is neither) or kept with a doubt (a place that is no transfer place), in file order.
    public var droppedAnswers: [BadRecord] = []
    /// The person ids given, in file order of each person's first record (for the report and tests).
    public var personIDs: [String] = []
}
