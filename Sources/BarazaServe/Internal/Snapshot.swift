import BarazaModel
import Foundation

/// Everything the server answers from, built whole from one good state of the workspace and swapped in at once.
struct Snapshot: Sendable {
    /// Public resources by request path: `/agenda/`, `/calendars/event.ics`, `/calendars/rooms/<room>.ics`.
    var resources: [String: Resource]
    /// Personal calendars by person id.
    var personal: [String: Resource]
    /// Personal tokens: the first 8 characters index the whole token and its person (compared in constant time).
    var tokens: [Substring: [(token: String, person: String)]]
    /// The event's id and bilingual title, the rooms with a calendar (id, name), for the subscribe page.
    var event: String
    var title: String
    var rooms: [(id: String, name: String)]
    /// When this state was loaded (seconds since 1970), and its warnings' count.
    var loadedAt: Int
    var warnings: Int
    /// Person ids by badge id (upper case), from the workspace's badge key; empty without one.
    var badges: [String: String] = [:]
    /// Why the workspace's badge key cannot be used (unreadable, malformed, another event's), when it cannot: badge
    /// scans then find no one, and the admin page and the log say why.
    var badgeKeyProblem: String?
    /// The workspace the state was made from, for pages made on request (a person's own agenda).
    var workspace: Workspace?
    /// The public programme's search index (`/search`).
    var search: ProgrammeSearch = .empty

    static let empty = Snapshot(
        resources: [:], personal: [:], tokens: [:], event: "", title: "", rooms: [], loadedAt: 0, warnings: 0)

    /// The person whose token is `token`, comparing every candidate's bytes in full, in constant time. A token
    /// whose first 8 characters match no one's is compared with a decoy, so that it takes as long as a near miss
    /// (without it, the near miss was measurably slower: 65% of pairs in a debug build).
    func person(forToken token: Substring) -> String? {
        guard token.utf8.count == 32 else { return nil }
        let bucket = tokens[token.prefix(8)]
        let real = bucket != nil
        var found: String?
        for candidate in bucket ?? Self.decoy where Self.constantTimeEqual(candidate.token.utf8, token.utf8) {
            if real { found = candidate.person }
        }
        return found
    }

    /// What a token that matches no one's first 8 characters is compared with (found or not, it names no one).
    private static let decoy = [(token: String(repeating: "-", count: 32), person: "")]

    static func constantTimeEqual(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }
}

/// What the admin page shows: the last attempt to load the workspace, when it failed.
struct LoadProblem: Sendable {
    var at: Int
    var text: String
}
