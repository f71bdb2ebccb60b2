import BarazaModel
import Foundation

/// The badges already printed for an event, kept in the workspace as `badges-printed.yaml` so that late
/// registrants can be printed alone (`--only-new`) without reprinting everyone.
///
/// The record lists badge ids with the person each belongs to (for a reader of the file; matching uses the
/// badge id only). It grows after every successful print run; deleting an entry makes that badge "new" again.
public struct PrintedBadges: Sendable, Hashable {
    /// The file name inside the workspace folder.
    public static let fileName = WorkspaceState.printedBadgesFileName

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

    /// The record a workspace's record file holds (read by the workspace loader, ``WorkspaceState/printedBadges()``).
    public init(_ record: PrintedBadgeRecord) {
        self.init(badges: Dictionary(uniqueKeysWithValues: record.badges.map { (BadgeID($0.key), $0.value) }))
    }
}
