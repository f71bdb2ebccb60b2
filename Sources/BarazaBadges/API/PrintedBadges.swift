import BarazaFolder
import BarazaModel
import Foundation
import Yams

/// The badges already printed for an event, kept in the workspace as `badges-printed.yaml` so that late
/// registrants can be printed alone (`--only-new`) without reprinting everyone.
///
/// The record lists badge ids with the person each belongs to (for a reader of the file; matching uses the
/// badge id only). It grows after every successful print run; deleting an entry makes that badge "new" again.
public struct PrintedBadges: Sendable, Hashable {
    /// The file name inside the workspace folder.
    public static let fileName = "badges-printed.yaml"

    /// Printed badges: badge id → person id.
    public private(set) var badges: [BadgeID: Person.ID]

    /// A record holding `badges`.
    public init(badges: [BadgeID: Person.ID] = [:]) {
        self.badges = badges
    }

    /// Whether the badge with `id` has been printed.
    public func contains(_ id: BadgeID) -> Bool { badges[id] != nil }

    /// The record with `entries` added.
    public func adding(_ entries: [BadgeEntry]) -> PrintedBadges {
        var badges = badges
        for entry in entries { badges[entry.badgeID] = entry.person }
        return PrintedBadges(badges: badges)
    }

    /// The file's text, sorted by person id then badge id so it diffs cleanly in version control.
    public var fileText: String {
        var text = """
            # Badges already printed for this event, recorded by `baraza export badges` after each print run.
            # `--only-new` prints only badges not listed here; delete a line to print that badge again.

            """
        if badges.isEmpty { return text + "printed: []\n" }
        text += "printed:\n"
        let sorted = badges.sorted { ($0.value, $0.key) < ($1.value, $1.key) }
        for (badge, person) in sorted {
            text += "  - { person: \(YAMLText.quoted(person.rawValue)), badge: \(YAMLText.quoted(badge.rawValue)) }\n"
        }
        return text
    }

    /// Reads the record at `path`; an empty record when the file does not exist.
    /// - Throws: `BadgeError.invalidFile` naming line, column and field when the file is malformed.
    public static func load(from path: String, displayPath: String) throws(BadgeError) -> PrintedBadges {
        guard let data = FileManager.default.contents(atPath: path) else { return PrintedBadges() }
        return try parse(data, displayPath: displayPath)
    }

    /// Reads the workspace's record (``fileName``); an empty record when there is none. Read inside the workspace
    /// only: a symbolic link that leads outside it is refused, never followed.
    public static func load(in folder: WorkspaceFolder) throws(BadgeError) -> PrintedBadges {
        guard let data = try BadgeState.contents(fileName, in: folder) else { return PrintedBadges() }
        return try parse(data, displayPath: folder.display(fileName))
    }

    /// The record in a record file's bytes; `displayPath` names the file in errors.
    static func parse(_ data: Data, displayPath: String) throws(BadgeError) -> PrintedBadges {
        let document = try YAMLText.document(data, file: displayPath)
        let fields = try document.mapping(file: displayPath, field: "", allowed: ["printed"])
        guard let list = fields["printed"] else {
            throw .invalidFile(
                document.location(displayPath), field: "printed", expected: "a list of { person, badge } entries")
        }
        guard case .sequence(let items) = list else {
            throw .invalidFile(
                list.location(displayPath), field: "printed", expected: "a list of { person, badge } entries")
        }
        var badges: [BadgeID: Person.ID] = [:]
        for (index, item) in items.enumerated() {
            let field = "printed[\(index)]"
            let entry = try item.mapping(file: displayPath, field: field, allowed: ["person", "badge"])
            guard let person = entry["person"]?.scalar?.string, !person.isEmpty else {
                throw .invalidFile(item.location(displayPath), field: "\(field).person", expected: "a person id")
            }
            guard let badge = entry["badge"]?.scalar?.string, !badge.isEmpty else {
                throw .invalidFile(item.location(displayPath), field: "\(field).badge", expected: "a badge id")
            }
            badges[BadgeID(badge)] = Person.ID(person)
        }
        return PrintedBadges(badges: badges)
    }
}
