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

    /// Both ways of copying give the source's bytes and permission bits, from a file larger than one buffer.
    @Test(arguments: [true, false]) func aCopyHasTheSourcesBytesAndMode(kernelCopy: Bool) throws {
        let (workspace, _) = try scratch()
        let source = (workspace as NSString).appendingPathComponent("big.xml")
        let bytes = Data((0..<(3 << 20) + 123).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 11) })
        try bytes.write(to: URL(fileURLWithPath: source))
        chmod(source, 0o640)
        let target = (workspace as NSString).appendingPathComponent("copy.xml")
        try WorkspaceFiles.copyFile(from: source, to: target, naming: "copy.xml", kernelCopy: kernelCopy)
        #expect(FileManager.default.contents(atPath: target) == bytes)
        let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int
        #expect(mode == 0o640)
    }

    /// A copy never overwrites a file that is there, and a source that cannot be read leaves no file behind.
    @Test func aCopyRefusesAnExistingTargetAndLeavesNothingOnFailure() throws {
        let (workspace, export) = try scratch()
        let existing = (workspace as NSString).appendingPathComponent("kept.xml")
        try Data("kept".utf8).write(to: URL(fileURLWithPath: existing))
        let refused = #expect(throws: ImportError.self) {
            try WorkspaceFiles.copyFile(from: export, to: existing, naming: "kept.xml")
        }
        // The error names the file as the caller knows it (not the temporary path the copy was going to).
        #expect(
            refused?.description.hasPrefix("kept.xml: cannot write: File exists") == true,
            "\(String(describing: refused))")
        #expect(FileManager.default.contents(atPath: existing) == Data("kept".utf8))
        let missing = (workspace as NSString).appendingPathComponent("missing.xml")
        let target = (workspace as NSString).appendingPathComponent("target.xml")
        #expect(throws: ImportError.self) {
            try WorkspaceFiles.copyFile(from: missing, to: target, naming: "target.xml")
        }
        // A folder opens but does not read: the half-made copy is removed.
        #expect(throws: ImportError.self) {
            try WorkspaceFiles.copyFile(from: workspace, to: target, naming: "target.xml")
        }
        #expect(!FileManager.default.fileExists(atPath: target))
    }
}
