import Foundation
import Testing

@testable import BarazaFolder

/// A large export is copied into the staging folder while it is read; the commit renames the copy into place.
struct StagedCopyTests {
    typealias Tree = WorkspaceFolderTests.Tree

    static func export(in tree: Tree, size: Int = 300_000) throws -> String {
        let path = tree.root + "/export.xml"
        try Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aCopyDroppedWithoutCommitLeavesNothing() throws {
        let tree = try Tree()
        let export = try Self.export(in: tree)
        let before = WorkspaceTransactionTests.snapshot(tree.workspace)
        let transaction = try WorkspaceTransaction(try WorkspaceFolder(tree.workspace))
        try transaction.stageCopy(of: export, as: "registrations/e.xml")
        #expect(transaction.changes == ["registrations/e.xml"])
        transaction.abandon()
        #expect(WorkspaceTransactionTests.snapshot(tree.workspace) == before)
    }

    @Test func theCommitRenamesTheCopyAndASecondImportStagesNothing() throws {
        let tree = try Tree()
        let export = try Self.export(in: tree)
        let folder = try WorkspaceFolder(tree.workspace)
        let first = try WorkspaceTransaction(folder)
        try first.stageCopy(of: export, as: "registrations/e.xml")
        try first.commit()
        #expect(FileManager.default.contentsEqual(atPath: tree.workspace + "/registrations/e.xml", andPath: export))
        let again = try WorkspaceTransaction(folder)
        try again.stageCopy(of: export, as: "registrations/e.xml")
        #expect(again.changes.isEmpty)
        #expect(try again.commit().isEmpty)
    }

    /// Both ways of copying give the source's bytes, from a file larger than one buffer.
    @Test(arguments: [true, false]) func aCopyHasTheSourcesBytes(kernelCopy: Bool) throws {
        let tree = try Tree()
        let source = tree.root + "/big.xml"
        let bytes = Data((0..<(3 << 20) + 123).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 11) })
        try bytes.write(to: URL(fileURLWithPath: source))
        let target = tree.root + "/copy.xml"
        let input = open(source, O_RDONLY)
        let output = open(target, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        defer {
            close(input)
            close(output)
        }
        try FileCopy.copy(from: input, source: source, to: output, display: "copy.xml", kernelCopy: kernelCopy)
        #expect(FileManager.default.contents(atPath: target) == bytes)
    }

    /// The staged copy keeps the export's permission bits, as the raw file is kept verbatim.
    @Test func aStagedCopyKeepsTheSourcesMode() throws {
        let tree = try Tree()
        let export = try Self.export(in: tree)
        chmod(export, 0o640)
        let transaction = try WorkspaceTransaction(try WorkspaceFolder(tree.workspace))
        try transaction.stageCopy(of: export, as: "e.xml")
        try transaction.commit()
        let mode = try FileManager.default.attributesOfItem(atPath: tree.workspace + "/e.xml")[.posixPermissions]
        #expect(mode as? Int == 0o640)
    }

    @Test func aSourceThatCannotBeReadIsNamedAsGiven() throws {
        let tree = try Tree()
        let transaction = try WorkspaceTransaction(try WorkspaceFolder(tree.workspace))
        let refused = #expect(throws: FolderError.self) {
            try transaction.stageCopy(of: tree.root + "/missing.xml", as: "e.xml")
        }
        #expect(refused?.path == tree.root + "/missing.xml")
        #expect(transaction.changes.isEmpty)
    }
}
