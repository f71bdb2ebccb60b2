import BarazaFolder
import BarazaXML
import Foundation

/// Why an import was refused. Messages name files, lines, fields and record ids, never personal data.
public enum ImportError: Error, Sendable, CustomStringConvertible {
    /// The export could not be parsed (malformed or hostile XML, unsafe archive...).
    case source(XMLImportError)
    /// A file could not be read.
    case unreadable(path: String, reason: String)
    /// The mapping file is wrong at `location` (`file:line:column`); `expected` says what was expected.
    case mapping(_ location: String, _ expected: String)
    /// The target workspace does not load; it must be fixed first.
    case workspace(String)
    /// `--strict` was given and some records are invalid.
    case invalidRecords(count: Int)
    /// The export holds no record.
    case empty(path: String)
    /// The file is a form's definition (an XLSForm), not its answers.
    case formDefinition(path: String)
    /// The submissions are ODK encrypted envelopes: the answers are in encrypted attachments.
    case encrypted(path: String)
    /// Records were read, but none gave a person; `reasons` says which fields refused them.
    case noPeople(path: String, reasons: String)
    /// No column of the export maps to a field every person needs (name, email).
    case requiredUnmapped(path: String, fields: [String], columns: [String])
    /// A mapping file names a column the export does not have (`suggestion`: the nearest one).
    case unknownColumn(location: String, column: String, path: String, suggestion: String?)
    /// A schedule.json is malformed (the error names the JSON path).
    case scheduleJSON(ScheduleJSONError)
    /// Writing the workspace failed; nothing was changed.
    case write(path: String, reason: String)
    /// The workspace refused a path (outside it, through a symbolic link), or its lock was held too long, or a
    /// committed change could not be completed (see ``FolderError``).
    case boundary(FolderError)

    /// `file:line:column: message` where the problem has a place.
    public var description: String {
        switch self {
        case .source(let error): return error.description
        case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
        case .mapping(let location, let expected): return "\(location): mapping: expected \(expected)"
        case .workspace(let message): return "the workspace does not load; fix it first:\n\(message)"
        case .invalidRecords(let count): return "\(count) invalid record(s); nothing was imported (--strict)"
        case .empty(let path):
            return "\(path): no registration record found (an ODK submissions file, an .xlsx or SpreadsheetML "
                + "export with a header row and one row per person is expected); nothing was imported"
        case .formDefinition(let path):
            return "\(path): this is an XLSForm (the form's definition: a survey sheet of type, name and label), not "
                + "its answers; export the submissions (.xlsx or XML) from the form's server and import those"
        case .encrypted(let path):
            return "\(path): these are encrypted ODK submissions (the answers are in encrypted attachments, not in "
                + "this file); export them decrypted with the form's private key (ODK Central or Briefcase) and "
                + "import that export; nothing was imported"
        case .noPeople(let path, let reasons):
            return "\(path): no record gave a person (\(reasons)); nothing was imported. Fix the answers, or tie the "
                + "right columns with --mapping (start from --print-mapping)"
        case .requiredUnmapped(let path, let fields, let columns):
            let listed = columns.prefix(12).map { "\"\($0)\"" }.joined(separator: ", ")
            let more = columns.count > 12 ? ", … (\(columns.count) in all)" : ""
            let example = columns.first ?? "Column"
            return "\(path): no column maps to \(fields.map { "`\($0)`" }.joined(separator: " or ")), which every "
                + "person needs; nothing was imported. Columns not recognised: \(listed.isEmpty ? "none" : listed)\(more). "
                + "Tie one in a mapping file (`baraza import registrations \((path as NSString).lastPathComponent) "
                + "--print-mapping > mapping.yaml` writes a start), e.g.\n  columns:\n    \"\(example)\": "
                + "\(fields[0])\nthen import with --mapping mapping.yaml"
        case .unknownColumn(let location, let column, let path, let suggestion):
            let hint = suggestion.map { "; did you mean `\($0)`?" } ?? ""
            return "\(location): mapping: column `\(column)` is not in \(path)\(hint)"
        case .scheduleJSON(let error): return error.description
        case .write(let path, let reason): return "\(path): cannot write: \(reason); the workspace is unchanged"
        case .boundary(let error):
            if case .unfinished = error { return error.description }
            return "\(error.description); the workspace is unchanged"
        }
    }
}
