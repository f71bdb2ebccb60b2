import BarazaFolder
import BarazaXML

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
        case .empty(let path): return "\(path): no registration record found"
        case .scheduleJSON(let error): return error.description
        case .write(let path, let reason): return "\(path): cannot write: \(reason); the workspace is unchanged"
        case .boundary(let error):
            if case .unfinished = error { return error.description }
            return "\(error.description); the workspace is unchanged"
        }
    }
}
