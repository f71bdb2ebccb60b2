import Foundation
import Testing

@testable import BarazaImport

/// The raw export is copied into the workspace while the import reads it; the commit renames the copy into place,
/// and an import that stops before leaves neither the copy nor the folder made for it.
struct StagedCopyTests {
    func scratch() throws -> (workspace: String, export: String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("staged-\(UUID().uuidString)").path
        let workspace = (root as NSString).appendingPathComponent("ws")
        try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
        let export = (root as NSString).appendingPathComponent("export.xml")
        try Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(to: URL(fileURLWithPath: export))
        return (workspace, export)
    }

    func entries(_ folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).sorted()
    }

    @Test func aCopyDroppedWithoutCommitLeavesNothing() throws {
        let (workspace, export) = try scratch()
        var copy: StagedCopy? = try WorkspaceFiles(root: workspace).stageCopy(from: export, to: "registrations/e.xml")
        let temporary = try #require(copy?.temporary)
        #expect(FileManager.default.contentsEqual(atPath: temporary, andPath: export))
        #expect(entries(workspace).count == 2)  // the folder and the hidden copy
        copy = nil
        #expect(entries(workspace).isEmpty)
    }

    @Test func aFolderThatExistedStaysWhenTheCopyIsDropped() throws {
        let (workspace, export) = try scratch()
        let folder = (workspace as NSString).appendingPathComponent("registrations")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        var copy: StagedCopy? = try WorkspaceFiles(root: workspace).stageCopy(from: export, to: "registrations/e.xml")
        #expect(copy?.temporary != nil)
        copy = nil
        #expect(entries(workspace) == ["registrations"])
    }

    @Test func theCommitRenamesTheCopyAndASecondImportStagesNothing() throws {
        let (workspace, export) = try scratch()
        let files = WorkspaceFiles(root: workspace)
        try files.commit([.staged(try files.stageCopy(from: export, to: "registrations/e.xml"))])
        let destination = (workspace as NSString).appendingPathComponent("registrations/e.xml")
        #expect(FileManager.default.contentsEqual(atPath: destination, andPath: export))
        #expect(entries(workspace) == ["registrations", "registrations/e.xml"])
        let again = try files.stageCopy(from: export, to: "registrations/e.xml")
        #expect(again.temporary == nil)
        try files.commit([.staged(again)])
        #expect(entries(workspace) == ["registrations", "registrations/e.xml"])
    }
}
