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
/// agenda by running the export code itself into a private temporary folder, then reads the files back.
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
            let published = try PublishedState.load(workspacePath: workspace.path)
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
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "baraza-serve-\(getpid())-\(UUID().uuidString)"
        ).path
        try FileManager.default.createDirectory(
            atPath: scratch, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(atPath: scratch) }

        // The calendar export reads the published state beside the workspace's files; given the served sequences,
        // it reads them from a folder of the server's own instead (the workspace is never written).
        var calendarWorkspace = workspace
        if let state {
            let shadow = scratch + "/state"
            try FileManager.default.createDirectory(atPath: shadow, withIntermediateDirectories: false)
            try state.encoded().write(to: URL(fileURLWithPath: shadow + "/" + PublishedState.fileName))
            calendarWorkspace.path = shadow
        }
        let out = scratch + "/out"
        let runner = ExportRunner()
        _ = try runner.run(configuration.calendars, on: calendarWorkspace, into: out)
        _ = try runner.run(configuration.agenda, on: workspace, into: out)

        let seenAt = Int(configuration.now().timeIntervalSince1970)
        func read(_ relative: String) -> Data? { FileManager.default.contents(atPath: out + "/" + relative) }
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
        for (path, html) in ProgrammePages(workspace: workspace).all() {
            let route = path.hasPrefix("/sessions/") ? "session-page" : "speaker-page"
            publish(path, Data(html.utf8), Self.pageType, route, policy: ContentSecurity.page)
        }
        snapshot.workspace = workspace
        if let folder = try? WorkspaceFolder(workspace.path), let key = try? BadgeKey.load(in: folder) {
            for person in workspace.people {
                snapshot.badges[key.badgeID(for: person.id).rawValue.uppercased()] = person.id.rawValue
            }
        }
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
        for person in workspace.people where seen.insert(person.id.rawValue).inserted {
            let id = person.id.rawValue
            guard let bytes = read("calendars/people/\(Self.fileName(id)).ics") else { continue }
            snapshot.personal[id] = Resource(
                bytes: bytes, contentType: Self.calendarType, route: "feed-person",
                cacheControl: "private, max-age=300", seenAt: seenAt, previous: previous.personal[id])
            let token = keys.token(event: snapshot.event, person: id)
            snapshot.tokens[token.prefix(8), default: []].append((token, id))
        }
        return snapshot
    }

    static let calendarType = "text/calendar; charset=utf-8"
    static let pageType = "text/html; charset=utf-8"

    /// The file name `baraza export ics` gives an id (a leading dot replaced, so no file is hidden).
    static func fileName(_ id: String) -> String { id.hasPrefix(".") ? "_" + id.dropFirst() : id }
}
