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
    /// A text is longer than its field allows: `length` Unicode scalars, `excerpt` its first few.
    case tooLong(SourceLocation, field: String, length: Int, limit: TextLimit, excerpt: String)
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
            .invalidValue(let l, _, _, _), .tooLong(let l, _, _, _, _), .duplicateID(let l, _, _, _),
            .badInclude(let l, _, _):
            return l
        }
    }

    /// One line for a terminal: `file:line:column: field: what is wrong; what was expected`. Values from the
    /// file are quoted only as short excerpts (see ``quoted(_:)``), however long they are.
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
            return "\(l): \(context): unknown key \(Self.quoted(key)); \(hint)"
        case .missingField(let l, let field, let expected):
            return "\(l): \(field): required, but missing; expected \(expected)"
        case .invalidValue(let l, let field, let found, let expected):
            return "\(l): \(field): \(found.isEmpty ? "empty value" : Self.quoted(found)) is not valid; "
                + "expected \(expected)"
        case .tooLong(let l, let field, let length, let limit, let excerpt):
            return "\(l): \(field): \(length) characters (`\(excerpt)…`) is too long; expected at most \(limit)"
        case .duplicateID(let l, let kind, let id, let first):
            return "\(l): \(kind) id \(Self.quoted(id)) is already defined at \(first)"
        case .badInclude(let l, let path, let reason):
            return "\(l): include \(Self.quoted(path)): \(reason)"
        }
    }

    /// The most characters of one line of a value an error quotes.
    public static let excerptLength = 60

    /// `text` as an error quotes it: whole when it is one short line, else at most ``excerptLength`` characters of
    /// its first line and its length (`` `Lorem ipsum…` (52000 characters) ``), so no error carries a long value or a
    /// whole file (a pasted document, a refused `/etc/passwd`) to a terminal or a log.
    public static func quoted(_ text: String) -> String {
        let line = text.prefix { $0 != "\n" && $0 != "\r" }
        guard !line.dropFirst(excerptLength).isEmpty || line.endIndex != text.endIndex else { return "`\(text)`" }
        return "`\(line.prefix(excerptLength))…` (\(text.unicodeScalars.count) characters)"
    }

    /// The first `length` Unicode scalars of `text`.
    public static func excerpt(_ text: String, length: Int = excerptLength) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.prefix(length)))
    }
}

/// Every problem found while reading a workspace, in file order. Thrown by `WorkspaceLoader`.
public struct WorkspaceLoadFailure: Error, Sendable, CustomStringConvertible {
    public var errors: [WorkspaceError]

    public init(errors: [WorkspaceError]) { self.errors = errors }

    public var description: String { errors.map(\.message).joined(separator: "\n") }
}
