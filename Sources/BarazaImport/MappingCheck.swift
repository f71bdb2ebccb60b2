import BarazaModel
import Foundation

/// What an import verifies of its mapping once the export has been read: every column the mapping file names
/// exists (else the nearest that does), some column gives each field every person needs, and some record gave a
/// person.
struct MappingCheck {
    let mapping: RegistrationMapping
    /// Every column or path of the export (repeat indexes removed) with its field.
    let columns: [String: PersonField?]
    /// The export as the user named it.
    let file: String

    func verify(report: RegistrationReport) throws(ImportError) {
        let keys = Dictionary(
            columns.keys.flatMap { column in
                [(Normalise.key(column), column), (Normalise.key(Self.lastStep(column)), column)]
            }, uniquingKeysWith: { a, b in min(a, b) })
        for entry in mapping.entries where keys[Normalise.key(entry.column)] == nil {
            let candidates = Array(columns.keys) + columns.keys.map(Self.lastStep)
            let near = nearest(to: entry.column, in: candidates.sorted())
            throw .unknownColumn(
                location: entry.location, column: entry.column, path: file, suggestion: near)
        }
        let fields = Set(columns.values.compactMap { $0 })
        var missing: [String] = []
        if fields.isDisjoint(with: [.name, .givenName, .familyName]) { missing.append(PersonField.name.rawValue) }
        if !fields.contains(.email) { missing.append(PersonField.email.rawValue) }
        if !missing.isEmpty {
            let unmapped = columns.filter { $0.value == nil }.keys.sorted()
            throw .requiredUnmapped(path: file, fields: missing, columns: unmapped)
        }
    }

    static func lastStep(_ column: String) -> String {
        guard let slash = column.lastIndex(of: "/") else { return column }
        return String(column[column.index(after: slash)...])
    }
}
