import BarazaFolder
import BarazaModel
import BarazaTestSupport
import BarazaWorkspace
import Foundation
import Testing

/// What a workspace records about its outputs (check-ins, badge key and printed record, published invitations),
/// read by the loader on demand, inside the workspace, with file:line:column errors.
@Suite struct WorkspaceStateTests {
    static let key = "events: [training]\nkey: " + String(repeating: "0f", count: 32) + "\n"

    /// A loaded workspace with `files` beside the template's; the folder is removed by the caller.
    static func loaded(_ files: [String: String]) throws -> (Workspace, URL) {
        let folder = try HostileInputTests.workspace(files.mapValues { Data($0.utf8) })
        return (try loader.load(directory: folder.path), folder)
    }

    /// The message `read` fails with, the workspace folder's path left out.
    static func failure(_ folder: URL, _ read: () throws -> Void) -> String? {
        do {
            try read()
            return nil
        } catch let error as WorkspaceLoadFailure {
            return error.description.replacingOccurrences(of: folder.path + "/", with: "")
        } catch {
            return "\(error)"
        }
    }

    @Test func aWorkspaceWithoutStateFilesRecordsNothing() throws {
        let (workspace, folder) = try Self.loaded([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try workspace.state.badgeKey() == nil)
        #expect(try workspace.state.printedBadges() == PrintedBadgeRecord())
        #expect(try workspace.state.publishedInvitations() == nil)
        #expect(try workspace.state.checkIns(for: workspace) == nil)
        try Data(Self.key.utf8).write(to: folder.appendingPathComponent("badge-key.yaml"))
        var byHand = workspace
        byHand.state = WorkspaceState()
        #expect(try byHand.state.badgeKey() == nil, "a workspace built by hand records nothing")
        #expect(try workspace.state.badgeKey() != nil, "each call reads the file again")
    }

    @Test func theStateFilesAreReadIntoValues() throws {
        let published = PublishedState(event: "training", stamp: "2027-03-01T09:00:00Z")
        let (workspace, folder) = try Self.loaded([
            "badge-key.yaml": Self.key,
            "badges-printed.yaml": "printed:\n  - { person: p, badge: \"7K3MQ0ZD4XH1B9TW\" }\n",
            "published-invitations.json": String(decoding: published.encoded(), as: UTF8.self),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            try workspace.state.badgeKey()
                == BadgeKeyRecord(events: ["training"], secret: Array(repeating: 0x0F, count: 32)))
        #expect(try workspace.state.printedBadges().badges == ["7K3MQ0ZD4XH1B9TW": "p"])
        #expect(try workspace.state.publishedInvitations() == published)
    }

    @Test func aMalformedStateFileDoesNotStopLoadingButItsReaderNamesLineAndField() throws {
        let (workspace, folder) = try Self.loaded([
            "badge-key.yaml": "events: [training]\nkey: 00ff\n",
            "badges-printed.yaml": "printed:\n  - { person: p, badge: B }\n  - { person: q }\n",
            "published-invitations.json": "{ \"format\": 1 ",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            Self.failure(folder) { _ = try workspace.state.badgeKey() }
                == "badge-key.yaml:2:6: key: `00ff` is not valid; expected 64 hexadecimal digits")
        #expect(
            Self.failure(folder) { _ = try workspace.state.printedBadges() }
                == "badges-printed.yaml:3:5: printed[1].badge: required, but missing; expected a badge id")
        let json = Self.failure(folder) { _ = try workspace.state.publishedInvitations() }
        #expect(json?.hasPrefix("published-invitations.json: cannot read: not a published invitations state") == true)
    }

    @Test func aStateFileThatLinksOutsideTheWorkspaceIsRefused() throws {
        let (workspace, folder) = try Self.loaded([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let outside = ScratchFolders.url("outside")
        try Data(Self.key.utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("badge-key.yaml"), withDestinationURL: outside)
        let message = Self.failure(folder) { _ = try workspace.state.badgeKey() }
        #expect(message?.hasPrefix("badge-key.yaml: cannot read: ") == true, "\(message ?? "read")")
    }

    @Test func aWriterHoldingTheLockReadsTheStateItReplaces() throws {
        let (workspace, folder) = try Self.loaded([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        // Another run records a key after this workspace was loaded: a writer reads it under its lock.
        try Data(Self.key.utf8).write(to: folder.appendingPathComponent("badge-key.yaml"))
        let transaction = try WorkspaceTransaction(WorkspaceFolder(folder.path))
        defer { transaction.abandon() }
        #expect(try workspace.state.badgeKey()?.events == ["training"])
    }
}
