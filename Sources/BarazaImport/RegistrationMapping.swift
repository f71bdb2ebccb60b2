import BarazaModel
import Foundation
import Yams

/// Ties form columns or element paths to person fields.
///
/// A mapping file (YAML) lists explicit ties; anything it does not name falls back to ``DefaultNames``:
///
/// ```yaml
/// columns:
///   "Nom complet du participant": name
///   "grp_contact/q_mail": email
///   "Remarques": ignore
/// timezone: Africa/Kigali   # zone of date-times written without an offset (default: the event's)
/// date_order: day-first      # 03/04/2027 is 3 April (month-first: 4 March)
/// ```
public struct RegistrationMapping: Sendable {
    /// Explicit ties, keyed by ``Normalise/key(_:)`` of the column or path.
    public var explicit: [String: PersonField]
    /// Zone for date-times without an offset; nil means the event's zone.
    public var zone: Zone?
    /// How dates written with slashes or dots read (`date_order:`); nil: only those that cannot be confused.
    public var dateOrder: Normalise.DateOrder?
    /// The ties as the file writes them: column, field and `file:line:column`, in file order.
    public var entries: [(column: String, field: PersonField, location: String)] = []

    /// A mapping with no explicit ties: defaults only.
    public init(explicit: [String: PersonField] = [:], zone: Zone? = nil) {
        self.explicit = explicit
        self.zone = zone
    }

    /// How a column is tied: by the mapping file, by a default name, by the export's own bookkeeping (`meta/`,
    /// `_uuid`...), or not at all.
    public enum Tie: String, Sendable {
        case mappingFile = "mapping file"
        case defaultName = "default name"
        case none = "unmapped"
    }

    /// Whether the field of `column` comes from the mapping file or a default.
    public func tie(for column: String) -> Tie {
        let k = Normalise.key(column)
        if explicit[k] != nil { return .mappingFile }
        if let slash = column.lastIndex(of: "/"),
            explicit[Normalise.key(String(column[column.index(after: slash)...]))] != nil
        {
            return .mappingFile
        }
        return field(for: column) == nil ? .none : .defaultName
    }

    /// Reads a mapping file.
    /// - Throws: ``ImportError/mapping(_:_:)`` naming the file, line and what was expected.
    public static func load(path: String) throws(ImportError) -> RegistrationMapping {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else { throw .unreadable(path: path, reason: "no such file, not readable, or not UTF-8") }
        let node: Node?
        do { node = try Yams.compose(yaml: text) } catch {
            // Yams's own description quotes the whole line; the error names its place and the problem only.
            switch error as? YamlError {
            case .scanner(_, let problem, let mark, _)?, .parser(_, let problem, let mark, _)?,
                .composer(_, let problem, let mark, _)?:
                throw .mapping("\(path):\(mark.line):\(mark.column)", "valid YAML (\(problem))")
            default:
                throw .mapping("\(path):1:1", "valid YAML")
            }
        }
        guard let root = node?.mapping else { throw .mapping("\(path):1:1", "a mapping with `columns:`") }
        var mapping = RegistrationMapping()
        for (key, value) in root {
            let at = "\(path):\(key.mark?.line ?? 0):\(key.mark?.column ?? 0)"
            switch key.string {
            case "columns":
                guard let columns = value.mapping else { throw .mapping(at, "`columns:` as a mapping of name: field") }
                for (column, field) in columns {
                    let fat = "\(path):\(field.mark?.line ?? 0):\(field.mark?.column ?? 0)"
                    guard let name = column.string, let f = field.string.flatMap(PersonField.init(rawValue:)) else {
                        throw .mapping(
                            fat, "a person field: " + PersonField.allCases.map(\.rawValue).joined(separator: ", "))
                    }
                    mapping.explicit[Normalise.key(name)] = f
                    let cat = "\(path):\(column.mark?.line ?? 0):\(column.mark?.column ?? 0)"
                    mapping.entries.append((name, f, cat))
                }
            case "timezone":
                guard let id = value.string, let zone = Zone(identifier: id) else {
                    throw .mapping(at, ZoneSuggestion.expectation(for: value.string ?? ""))
                }
                mapping.zone = zone
            case "date_order":
                guard let order = value.string.flatMap(Normalise.DateOrder.init(rawValue:)) else {
                    throw .mapping(at, "`date_order: day-first` (15/03/2027) or `date_order: month-first` (3/15/2027)")
                }
                mapping.dateOrder = order
            default:
                throw .mapping(at, "`columns`, `timezone` or `date_order`")
            }
        }
        return mapping
    }

    /// The field a column or path maps to, nil when unmapped.
    public func field(for column: String) -> PersonField? {
        let k = Normalise.key(column)
        if let f = explicit[k] ?? DefaultNames.table[k] { return f }
        // Element paths: the last step, then the path without its repeat indexes.
        if let slash = column.lastIndex(of: "/") {
            let last = Normalise.key(String(column[column.index(after: slash)...]))
            if let f = explicit[last] ?? DefaultNames.table[last] { return f }
        }
        if column.hasPrefix("meta/") || column.hasPrefix("formhub/") || column.hasPrefix("_") { return .ignore }
        return nil
    }
}
