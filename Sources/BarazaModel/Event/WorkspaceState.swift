/// What a workspace records about its own outputs, beside what it describes: the check-ins, the badge key and the
/// printed-badge record, and what invitations last published.
///
/// The loader that made the workspace reads each of these on demand (``WorkspaceStateReader``), through the
/// workspace folder with the same errors and limits as the rest of the workspace. Nothing is read until asked,
/// so a command that needs none of it pays nothing; and each call reads the file again, so an export that holds
/// the workspace's lock while it plans sees the state no other run can change before it records the new one.
/// A workspace built by hand, with no loader, records nothing.
public struct WorkspaceState: Sendable {
    /// The badge key's file inside the workspace folder.
    public static let badgeKeyFileName = "badge-key.yaml"
    /// The printed-badge record's file inside the workspace folder.
    public static let printedBadgesFileName = "badges-printed.yaml"

    private let reader: (any WorkspaceStateReader)?

    /// The state `reader` reads; none at all without one.
    public init(reader: (any WorkspaceStateReader)? = nil) { self.reader = reader }

    /// The check-in file of `workspace` (the workspace this state belongs to); nil when it has none.
    public func checkIns(for workspace: Workspace) throws -> CheckInFile? {
        try reader?.checkIns(for: workspace)
    }

    /// The badge key; nil when none has been made yet.
    public func badgeKey() throws -> BadgeKeyRecord? { try reader?.badgeKey() }

    /// The badges printed so far; empty when none have been.
    public func printedBadges() throws -> PrintedBadgeRecord { try reader?.printedBadges() ?? PrintedBadgeRecord() }

    /// What invitations last published; nil before the first publication.
    public func publishedInvitations() throws -> PublishedState? { try reader?.publishedInvitations() }
}

/// Reads a workspace's recorded state from its folder (the workspace loader provides one).
public protocol WorkspaceStateReader: Sendable {
    /// The check-in file, its ids resolved against `workspace`; nil when there is none.
    func checkIns(for workspace: Workspace) throws -> CheckInFile?
    /// The badge key file; nil when there is none.
    func badgeKey() throws -> BadgeKeyRecord?
    /// The printed-badge record; empty when there is none.
    func printedBadges() throws -> PrintedBadgeRecord
    /// The published invitations' state; nil when there is none.
    func publishedInvitations() throws -> PublishedState?
}

/// The check-ins read from a workspace's check-in file.
public struct CheckInFile: Sendable, Hashable {
    /// The file, relative to the workspace folder (as named in `event.yaml`, or the default name found).
    public var path: String
    /// One entry per distinct (person, session) pair, in file order.
    public var checkIns: [CheckIn]

    /// A check-in file at `path` holding `checkIns`.
    public init(path: String, checkIns: [CheckIn]) {
        self.path = path
        self.checkIns = checkIns
    }
}

/// The badge key file as written: the events allowed to use it and its 32 secret bytes.
public struct BadgeKeyRecord: Sendable, Hashable {
    /// Events allowed to use this key.
    public var events: [Event.ID]
    /// The secret bytes.
    public var secret: [UInt8]

    /// A record of `secret` for `events`.
    public init(events: [Event.ID], secret: [UInt8]) {
        self.events = events
        self.secret = secret
    }
}

/// The printed-badge record as written: badge id → the person it belongs to.
public struct PrintedBadgeRecord: Sendable, Hashable {
    /// Printed badges, by badge id.
    public var badges: [String: Person.ID]

    /// A record of `badges`.
    public init(badges: [String: Person.ID] = [:]) { self.badges = badges }
}
