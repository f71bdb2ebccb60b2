import BarazaBadges
import BarazaCalendar
import BarazaChecks
import BarazaCore
import BarazaFolder
import BarazaModel
import BarazaOutput
import BarazaWorkspace
import Foundation

/// Loads the workspace with the command line's loader and rule catalogue, checks it, and renders the feeds and the
/// agenda from the plans of `export ics` and `export agenda`, their bytes produced in memory (nothing is written
/// but the served sequences, in the server's state folder).
struct SnapshotBuilder: Sendable {
    var configuration: ServeConfiguration

    enum Outcome: Sendable {
        case good(Snapshot, SequenceLedger)
        case refused(String)
    }

    func build(previous: Snapshot, ledger: SequenceLedger?, keys: FeedKeys) -> Outcome {
        let workspace: Workspace
        do {
            workspace = try RuleCatalogue.loader.load(directory: configuration.workspace)
        } catch {
            return .refused(error.description)
        }
        let findings = RuleCatalogue.checker.check([workspace])
        let report = FindingReport(findings: findings, events: [workspace.event.id.rawValue])
        if report.errorCount > 0 { return .refused(report.text(colour: false)) }
        do {
            let published = try workspace.state.publishedInvitations()
            let event = workspace.event.id.rawValue
            let ledger = (ledger ?? SequenceLedger.load(in: configuration.stateFolder, event: event))
                .updated(for: workspace, published: published)
            let snapshot = try render(
                workspace, state: ledger.effectiveState(for: workspace, published: published), previous: previous,
                keys: keys, warnings: report.warningCount)
            return .good(snapshot, ledger)
        } catch {
            return .refused("\(error)")
        }
    }

    private func render(
        _ workspace: Workspace, state: PublishedState?, previous: Snapshot, keys: FeedKeys, warnings: Int
    ) throws -> Snapshot {
        // The calendar export reads the published state through the workspace's state; given the served sequences,
        // it reads those instead (the workspace is never written).
        var calendarWorkspace = workspace
        if let state { calendarWorkspace.state = WorkspaceState(reader: ServedState(published: state, of: workspace)) }
        // The plans of `export ics` and `export agenda`, their bytes produced in memory: nothing is written.
        let calendars = try configuration.calendars.plan(calendarWorkspace, in: configuration.workspace)
        let paths = calendars.files.map(\.path)
        let links =
            paths.filter { $0 == "calendars/event.ics" }
            + paths.filter { $0.hasPrefix("calendars/rooms/") && $0.hasSuffix(".ics") }.sorted()
        let agenda = try configuration.agenda(links).plan(workspace, in: configuration.workspace)
        let produced = try Self.produce(calendars.files + agenda.files)
        func read(_ relative: String) -> Data? { produced[relative] }

        let seenAt = Int(configuration.now().timeIntervalSince1970)
        var snapshot = Snapshot.empty
        snapshot.event = workspace.event.id.rawValue
        snapshot.title = workspace.event.title.bilingual
        snapshot.loadedAt = seenAt
        snapshot.warnings = warnings
        func publish(_ path: String, _ bytes: Data?, _ type: String, _ route: String, policy: String? = nil) {
            guard let bytes else { return }
            let cache = type == Self.calendarType ? "public, max-age=300" : "no-cache"
            snapshot.resources[path] = Resource(
                bytes: bytes, contentType: type, route: route, cacheControl: cache, seenAt: seenAt,
                previous: previous.resources[path], contentSecurityPolicy: policy)
        }
        if let agenda = read("agenda/index.html") {
            publish("/agenda/", agenda, Self.pageType, "agenda", policy: ContentSecurity.policy(forPage: agenda))
        }
        let pages = ProgrammePages(workspace: workspace)
        snapshot.search = ProgrammeSearch(workspace: workspace, pages: pages)
        for (path, html) in pages.all() {
            let route = path.hasPrefix("/sessions/") ? "session-page" : "speaker-page"
            publish(path, Data(html.utf8), Self.pageType, route, policy: ContentSecurity.page)
        }
        snapshot.workspace = workspace
        (snapshot.badges, snapshot.badgeKeyProblem) = Self.badges(of: workspace)
        publish("/calendars/event.ics", read("calendars/event.ics"), Self.calendarType, "feed-event")
        for venue in workspace.venues {
            for room in venue.rooms {
                let file = "calendars/rooms/\(Self.fileName(room.id.rawValue)).ics"
                guard let bytes = read(file) else { continue }
                publish("/" + file, bytes, Self.calendarType, "feed-room")
                snapshot.rooms.append((room.id.rawValue, "\(room.name), \(venue.name)"))
            }
        }
        var seen = Set<String>()
        var feeds: [(id: String, bytes: Data)] = []
        for person in workspace.people where seen.insert(person.id.rawValue).inserted {
            let id = person.id.rawValue
            guard let bytes = read("calendars/people/\(Self.fileName(id)).ics") else { continue }
            feeds.append((id, bytes))
        }
        // Personal feeds are small and many (100,000 at a large event): kept packed in shared buffers.
        snapshot.personal.reserveCapacity(feeds.count)
        for ((id, bytes), buffer) in zip(feeds, Resource.packed(feeds.map(\.bytes))) {
            snapshot.personal[id] = Resource(
                bytes: bytes, buffer: buffer, contentType: Self.calendarType, route: "feed-person",
                cacheControl: "private, max-age=300", seenAt: seenAt, previous: previous.personal[id])
            let token = keys.token(event: snapshot.event, person: id)
            snapshot.tokens[token.prefix(8), default: []].append((token, id))
        }
        return snapshot
    }

    /// Person ids by badge id (upper case) under the workspace's badge key; none, and why, when the key file cannot
    /// be read, is malformed or belongs to another event (as `export badges` refuses it); none without a key file.
    static func badges(of workspace: Workspace) -> (badges: [String: String], problem: String?) {
        let record: BadgeKeyRecord?
        do { record = try workspace.state.badgeKey() } catch { return ([:], "\(error)") }
        guard let record else { return ([:], nil) }
        guard let key = BadgeKey(record) else {
            return ([:], "\(BadgeKey.fileName): `key` should be 64 hexadecimal digits")
        }
        guard key.events.contains(workspace.event.id) else {
            let refused = BadgeError.keyForOtherEvent(
                file: BadgeKey.fileName, event: workspace.event.id, keyEvents: key.events)
            return ([:], refused.description)
        }
        var badges: [String: String] = [:]
        badges.reserveCapacity(workspace.people.count)
        for person in workspace.people {
            badges[key.badgeID(for: person.id).rawValue.uppercased()] = person.id.rawValue
        }
        return (badges, nil)
    }

    /// Every planned file's bytes by path, produced on every core.
    static func produce(_ files: [PlannedFile]) throws -> [String: Data] {
        let parts = max(1, min(4 * ProcessInfo.processInfo.activeProcessorCount, files.count / 200))
        let results = Produced(files.count)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            var mine: [(String, Data)] = []
            for index in (files.count * part / parts)..<(files.count * (part + 1) / parts) {
                do {
                    if let bytes = try files[index].producedBytes() { mine.append((files[index].path, bytes)) }
                } catch {
                    results.fail(index, error)
                    return
                }
            }
            results.add(mine)
        }
        return try results.bytes()
    }

    /// What the parts of ``produce(_:)`` made, and its first failure in file order.
    private final class Produced: @unchecked Sendable {
        private let lock = NSLock()
        private var produced: [String: Data]
        private var failure: (index: Int, error: any Error)?

        init(_ count: Int) { produced = Dictionary(minimumCapacity: count) }

        func add(_ files: [(String, Data)]) { lock.withLock { for (path, bytes) in files { produced[path] = bytes } } }

        func fail(_ index: Int, _ error: any Error) {
            lock.withLock { if failure.map({ $0.index > index }) ?? true { failure = (index, error) } }
        }

        func bytes() throws -> [String: Data] {
            try lock.withLock {
                if let failure { throw failure.error }
                return produced
            }
        }
    }

    static let calendarType = "text/calendar; charset=utf-8"
    static let pageType = "text/html; charset=utf-8"

    /// The file name `baraza export ics` gives an id (a leading dot replaced, so no file is hidden).
    static func fileName(_ id: String) -> String { id.hasPrefix(".") ? "_" + id.dropFirst() : id }
}

/// A workspace's recorded state with the sequences the server serves in place of its published invitations.
struct ServedState: WorkspaceStateReader {
    let published: PublishedState
    let recorded: WorkspaceState

    init(published: PublishedState, of workspace: Workspace) {
        self.published = published
        self.recorded = workspace.state
    }

    func checkIns(for workspace: Workspace) throws -> CheckInFile? { try recorded.checkIns(for: workspace) }
    func badgeKey() throws -> BadgeKeyRecord? { try recorded.badgeKey() }
    func printedBadges() throws -> PrintedBadgeRecord { try recorded.printedBadges() }
    func publishedInvitations() throws -> PublishedState? { published }
}
