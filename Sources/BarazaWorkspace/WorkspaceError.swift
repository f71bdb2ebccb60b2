import BarazaModel

/// A problem that stops a workspace from being read: each case says where, which field, and what was expected.
public enum WorkspaceError: Error, Hashable, Sendable {
    /// A file could not be opened or decoded.
    case unreadable(file: String, reason: String)
    /// The YAML itself is malformed.
    case syntax(SourceLocation, problem: String)
    /// A key the format does not have; `suggestion` is the nearest valid key.
    case unknownKey(SourceLocation, key: String, in: String, suggestion: String?, allowed: [String])
    /// A required field is absent (FORMAT.md, "Required fields", lists them).
    case missingField(SourceLocation, field: String, expected: String)
    /// A value has the wrong shape (a list where a mapping belongs, text that is not a date...).
    case invalidValue(SourceLocation, field: String, found: String, expected: String)
    /// Two definitions share an id.
    case duplicateID(SourceLocation, kind: String, id: String, firstDefinedAt: SourceLocation)
    /// An `include:` names a file that does not exist, or includes itself.
    case badInclude(SourceLocation, path: String, reason: String)
    /// A directory given to `baraza check` holds no `event.yaml`.
    case notAWorkspace(path: String)

    /// Where the problem is, when it has a place in a file.
    public var location: SourceLocation? {
        switch self {
        case .unreadable, .notAWorkspace: return nil
        case .syntax(let l, _), .unknownKey(let l, _, _, _, _), .missingField(let l, _, _),
            .invalidValue(let l, _, _, _), .duplicateID(let l, _, _, _), .badInclude(let l, _, _):
            return l
        }
    }

    /// One line for a terminal: `file:line:column: field: what is wrong; what was expected`.
    public var message: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read: \(reason)"
        case .notAWorkspace(let path):
            return "\(path): not a workspace: expected an event.yaml in it, or folders that each hold one"
        case .syntax(let l, let problem):
            return "\(l): YAML syntax: \(problem)"
        case .unknownKey(let l, let key, let context, let suggestion, let allowed):
            let hint =
                suggestion.map { "did you mean `\($0)`?" } ?? "expected one of: \(allowed.joined(separator: ", "))"
            return "\(l): \(context): unknown key `\(key)`; \(hint)"
        case .missingField(let l, let field, let expected):
            return "\(l): \(field): required, but missing; expected \(expected)"
        case .invalidValue(let l, let field, let found, let expected):
            return "\(l): \(field): \(found.isEmpty ? "empty value" : "`\(found)`") is not valid; expected \(expected)"
        case .duplicateID(let l, let kind, let id, let first):
            return "\(l): \(kind) id `\(id)` is already defined at \(first)"
        case .badInclude(let l, let path, let reason):
            return "\(l): include `\(path)`: \(reason)"
        }
    }
}

/// Every problem found while reading a workspace, in file order. Thrown by `WorkspaceLoader`.
public struct WorkspaceLoadFailure: Error, Sendable, CustomStringConvertible {
    public var errors: [WorkspaceError]

    public init(errors: [WorkspaceError]) { self.errors = errors }

    public var description: String { errors.map(\.message).joined(separator: "\n") }
}
