import BarazaFolder
import BarazaModel
import Foundation

extension WorkspaceLoader {
    /// The recorded state of the workspace in `directory`, without loading the rest of it (a loaded workspace
    /// carries the same as ``Workspace/state``). Nothing is read until asked.
    public func state(directory: String) -> WorkspaceState {
        WorkspaceState(reader: LoadedWorkspaceState(loader: self, directory: directory))
    }
}

/// The ``WorkspaceState`` of a loaded workspace: each file read when asked, inside the workspace folder, under
/// the workspace's shared lock (which nests inside a writer's lock the same process holds, so an export that
/// records reads the state it replaces under its own lock), with the loader's errors and limits. The writers of
/// these files (the export runner's records, `baraza send`, the check-in desk) commit through the workspace's
/// journaled transactions.
struct LoadedWorkspaceState: WorkspaceStateReader {
    let loader: WorkspaceLoader
    let directory: String

    init(loader: WorkspaceLoader, directory: String) {
        var loader = loader
        // State files are not part of what a check depends on: they stay out of the result cache's record.
        loader.sources = nil
        self.loader = loader
        self.directory = directory
    }

    func checkIns(for workspace: Workspace) throws -> CheckInFile? {
        try loader.loadCheckIns(for: workspace)
    }

    func badgeKey() throws -> BadgeKeyRecord? {
        try read(WorkspaceState.badgeKeyFileName) { root in
            guard let fields = root.fields(["events", "key"]) else { return nil }
            let events = fields.require("events", expected: "a list of event ids")?.list(
                expected: "a list of event ids"
            ).compactMap { $0.nonEmptyString(expected: "an event id") }
            guard let events, let key = fields.require("key", expected: "64 hexadecimal digits") else { return nil }
            guard let secret = key.string(expected: "64 hexadecimal digits").flatMap(Self.bytes(hex:)),
                secret.count == 32
            else {
                key.invalid("64 hexadecimal digits")
                return nil
            }
            return BadgeKeyRecord(events: events.map { Event.ID($0) }, secret: secret)
        }
    }

    func printedBadges() throws -> PrintedBadgeRecord {
        let record = try read(WorkspaceState.printedBadgesFileName) { root -> PrintedBadgeRecord? in
            let expected = "a list of { person, badge } entries"
            guard let fields = root.fields(["printed"]), let list = fields.require("printed", expected: expected)
            else { return nil }
            guard case .sequence = list.node else {
                list.invalid(expected)
                return nil
            }
            var badges: [String: Person.ID] = [:]
            for item in list.list() {
                guard let entry = item.fields(["person", "badge"]) else { continue }
                let person = entry.require("person", expected: "a person id")?.nonEmptyString(expected: "a person id")
                let badge = entry.require("badge", expected: "a badge id")?.nonEmptyString(expected: "a badge id")
                if let person, let badge { badges[badge] = Person.ID(person) }
            }
            return PrintedBadgeRecord(badges: badges)
        }
        return record ?? PrintedBadgeRecord()
    }

    func publishedInvitations() throws -> PublishedState? {
        try withFile(PublishedState.fileName) { entry, folder, display throws(WorkspaceLoadFailure) in
            let data: Data
            do throws(FolderError) { data = try folder.contents(of: entry, written: display) } catch {
                throw WorkspaceLoadFailure(errors: [.unreadable(file: display, reason: error.reason)])
            }
            do {
                return try JSONDecoder().decode(PublishedState.self, from: data)
            } catch {
                throw WorkspaceLoadFailure(errors: [
                    .unreadable(file: display, reason: "not a published invitations state (\(error))")
                ])
            }
        }
    }

    /// The YAML file `name` decoded by `decode`; nil when there is no such file.
    /// - Throws: every problem `decode` reported, with file, line, column and field.
    private func read<T>(_ name: String, _ decode: (YAMLValue) -> T?) throws(WorkspaceLoadFailure) -> T? {
        try withFile(name) { entry, folder, _ throws(WorkspaceLoadFailure) in
            let diagnostics = Diagnostics()
            let value = loader.readFile(entry, in: folder, diagnostics: diagnostics).flatMap(decode)
            guard diagnostics.errors.isEmpty, let value else {
                throw WorkspaceLoadFailure(errors: diagnostics.errors)
            }
            return value
        }
    }

    /// `body` on the file `name` of the workspace, under its shared lock; nil when there is no such file.
    private func withFile<T>(
        _ name: String,
        _ body: (WorkspaceFolder.Entry, WorkspaceFolder, String) throws(WorkspaceLoadFailure) -> T?
    ) throws(WorkspaceLoadFailure) -> T? {
        let folder: WorkspaceFolder
        do { folder = try WorkspaceFolder(directory) } catch {
            throw WorkspaceLoadFailure(errors: [.unreadable(file: directory, reason: error.reason)])
        }
        let display = folder.display(name)
        do {
            let lock = try folder.lockForReading()
            defer { lock.release() }
            let entry = try folder.resolve(name)
            guard entry.exists else { return nil }
            return try body(entry, folder, display)
        } catch let error as WorkspaceLoadFailure {
            throw error
        } catch let error as FolderError {
            throw WorkspaceLoadFailure(errors: [.unreadable(file: display, reason: error.reason)])
        } catch {
            throw WorkspaceLoadFailure(errors: [.unreadable(file: display, reason: "\(error)")])
        }
    }

    /// The bytes `hex` spells, two digits a byte; nil when it is not hexadecimal.
    static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = hexValue(digits[index]), let low = hexValue(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
