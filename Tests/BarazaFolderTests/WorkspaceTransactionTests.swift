import Foundation
import Testing

@testable import BarazaFolder

/// A transaction writes inside the workspace only, all or nothing; the journal it leaves after a crash is played
/// to the end by the next opener, and a journal Baraza did not write is refused.
struct WorkspaceTransactionTests {
    typealias Tree = WorkspaceFolderTests.Tree

    /// Every file and folder below `folder` (hidden ones included) with its bytes.
    static func snapshot(_ folder: String) -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            let path = folder + "/" + relative
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            result[relative] = isDirectory.boolValue ? Data("<dir>".utf8) : FileManager.default.contents(atPath: path)
        }
        return result
    }

    @Test func aCommitPutsEveryFileInPlaceAndLeavesNothingOfItsOwn() throws {
        let tree = try Tree()
        let folder = try WorkspaceFolder(tree.workspace)
        let transaction = try WorkspaceTransaction(folder)
        try transaction.stage(Data("a\n".utf8), as: "registrations/a.yaml")
        try transaction.stage(as: "registrations.yaml") { (out: inout StagedWriter) throws(FolderError) in
            try out.write("include:\n")
            try out.write("  - registrations/a.yaml\n")
        }
        try transaction.stage(Data("people: []\n".utf8), as: "people.yaml")  // unchanged: left alone
        #expect(transaction.changes == ["registrations/a.yaml", "registrations.yaml"])
        #expect(try transaction.commit() == ["registrations/a.yaml", "registrations.yaml"])
        let after = Self.snapshot(tree.workspace)
        #expect(after["registrations/a.yaml"] == Data("a\n".utf8))
        #expect(after["registrations.yaml"] == Data("include:\n  - registrations/a.yaml\n".utf8))
        #expect(
            after.keys.sorted() == [
                "people.yaml", "registrations", "registrations.yaml", "registrations/a.yaml", "sub",
            ])
        #expect(WorkspaceLock.heldMode(folder) == nil)
    }

    @Test func anAbandonedTransactionChangesNothing() throws {
        let tree = try Tree()
        let before = Self.snapshot(tree.workspace)
        do {
            let transaction = try WorkspaceTransaction(try WorkspaceFolder(tree.workspace))
            try transaction.stage(Data("x".utf8), as: "registrations/x.xml")
            try transaction.stage(Data("changed".utf8), as: "people.yaml")
        }
        #expect(Self.snapshot(tree.workspace) == before)
    }

    /// `registrations/` (or any folder on the way) linked outside: refused before anything is written.
    @Test func aDestinationThroughALinkOutsideIsRefused() throws {
        let tree = try Tree()
        try tree.link("registrations", to: tree.outside)
        try tree.link("state.json", to: tree.outside + "/secret.txt")
        let before = Self.snapshot(tree.workspace)
        let outsideBefore = Self.snapshot(tree.outside)
        let transaction = try WorkspaceTransaction(try WorkspaceFolder(tree.workspace))
        #expect(throws: FolderError.outside("registrations/export.xml")) {
            try transaction.stage(Data("x".utf8), as: "registrations/export.xml")
        }
        #expect(throws: FolderError.outside("state.json")) {
            try transaction.stage(Data("{}".utf8), as: "state.json")
        }
        transaction.abandon()
        #expect(Self.snapshot(tree.workspace) == before)
        #expect(Self.snapshot(tree.outside) == outsideBefore)
    }

    /// A link swapped in after staging is caught by the renames, which follow no link.
    @Test func aFolderSwappedForALinkBeforeTheCommitIsRefused() throws {
        let tree = try Tree()
        try FileManager.default.createDirectory(atPath: tree.workspace + "/schedule", withIntermediateDirectories: true)
        let transaction = try WorkspaceTransaction(try WorkspaceFolder(tree.workspace))
        try transaction.stage(Data("x".utf8), as: "schedule/s.xml")
        try FileManager.default.removeItem(atPath: tree.workspace + "/schedule")
        try tree.link("schedule", to: tree.outside)
        #expect(throws: FolderError.self) { try transaction.commit() }
        #expect(!FileManager.default.fileExists(atPath: tree.outside + "/s.xml"))
    }

    /// What a crash after the commit point leaves: a journal and staged files. The next opener completes it.
    @Test func aJournalLeftByACrashIsPlayedToTheEnd() throws {
        let tree = try Tree()
        let folder = try WorkspaceFolder(tree.workspace)
        try FileManager.default.createDirectory(
            atPath: tree.workspace + "/.baraza/staging", withIntermediateDirectories: true)
        try tree.write("new people\n", to: tree.workspace + "/.baraza/staging/1")
        // `2` was renamed before the crash: it is skipped.
        try tree.write(
            #"{"format":1,"renames":[{"destination":"people.yaml","staged":"1"},{"destination":"b/c.yaml","staged":"2"}]}"#,
            to: tree.workspace + "/.baraza/journal")
        #expect(WorkspaceJournal.hasInterruptedChange(folder))
        let lock = try folder.lockForReading()
        lock.release()
        #expect(Self.snapshot(tree.workspace).keys.sorted() == ["people.yaml", "sub"])
        #expect(FileManager.default.contents(atPath: tree.workspace + "/people.yaml") == Data("new people\n".utf8))
    }

    /// Without a journal, a crash happened before the commit point: what was staged is dropped.
    @Test func stagedFilesWithoutAJournalAreDropped() throws {
        let tree = try Tree()
        let before = Self.snapshot(tree.workspace)
        try FileManager.default.createDirectory(
            atPath: tree.workspace + "/.baraza/staging", withIntermediateDirectories: true)
        try tree.write("half", to: tree.workspace + "/.baraza/staging/1")
        try tree.write("{", to: tree.workspace + "/.baraza/journal.tmp")
        try WorkspaceJournal.recover(try WorkspaceFolder(tree.workspace))
        #expect(Self.snapshot(tree.workspace) == before)
    }

    /// A workspace mailed with a forged journal cannot move files outside, nor anywhere it names.
    @Test(arguments: [
        #"{"format":1,"renames":[{"destination":"../../outside/x","staged":"1"}]}"#,
        #"{"format":1,"renames":[{"destination":"people.yaml","staged":"../../../outside/secret.txt"}]}"#,
        #"{"format":1,"renames":[{"destination":".baraza/journal","staged":"1"}]}"#,
        #"{"format":2,"renames":[]}"#,
        "not json",
    ])
    func aForgedJournalIsRefused(_ journal: String) throws {
        let tree = try Tree()
        try FileManager.default.createDirectory(
            atPath: tree.workspace + "/.baraza/staging", withIntermediateDirectories: true)
        try tree.write("forged", to: tree.workspace + "/.baraza/staging/1")
        try tree.write(journal, to: tree.workspace + "/.baraza/journal")
        let before = Self.snapshot(tree.workspace)
        let outsideBefore = Self.snapshot(tree.outside)
        let folder = try WorkspaceFolder(tree.workspace)
        let refused = #expect(throws: FolderError.self) { try folder.lockForReading() }
        #expect(refused?.reason.contains("journal") == true, "\(String(describing: refused))")
        #expect(Self.snapshot(tree.workspace) == before)
        #expect(Self.snapshot(tree.outside) == outsideBefore)
    }

    /// `.baraza` shipped as a link to somewhere else is never written through.
    @Test func aPrivateFolderThatIsALinkIsRefused() throws {
        let tree = try Tree()
        try tree.link(".baraza", to: tree.outside)
        let outsideBefore = Self.snapshot(tree.outside)
        #expect(throws: FolderError.self) { try WorkspaceTransaction(try WorkspaceFolder(tree.workspace)) }
        #expect(Self.snapshot(tree.outside) == outsideBefore)
    }

    /// Hidden `.<name>.tmp-<pid>` copies an earlier version left behind are removed when their process is gone.
    @Test func staleTemporariesOfDeadProcessesAreSwept() throws {
        let tree = try Tree()
        try FileManager.default.createDirectory(
            atPath: tree.workspace + "/registrations", withIntermediateDirectories: true)
        let dead = tree.workspace + "/registrations/.export.xml.tmp-999999999"
        let alive = tree.workspace + "/registrations/.export.xml.tmp-\(getpid())"
        let foreign = tree.workspace + "/registrations/.notes.txt"
        for path in [dead, alive, foreign] { try tree.write("stale", to: path) }
        let transaction = try WorkspaceTransaction(try WorkspaceFolder(tree.workspace))
        try transaction.stage(Data("x".utf8), as: "registrations/export.xml")
        try transaction.commit()
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(FileManager.default.fileExists(atPath: alive))
        #expect(FileManager.default.fileExists(atPath: foreign))
    }
}
