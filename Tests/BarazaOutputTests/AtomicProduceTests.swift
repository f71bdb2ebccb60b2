import BarazaTestSupport
import Foundation
import Testing

@testable import BarazaOutput

/// Files written by path (Cairo's PDFs): a reader never sees half of one, and a failure leaves the earlier file
/// as it was, with no temporary behind.
struct AtomicProduceTests {
    let folder = ScratchFolders.url("atomic").path

    func entries() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() }

    struct Refused: Error {}

    @Test func producedFilesReplaceTheOldOneOnlyWhenComplete() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/badges.pdf"
        try AtomicFile.write("old", to: path)
        try AtomicFile.produce(at: path) { temporary in
            #expect(temporary != path && (temporary as NSString).deletingLastPathComponent == folder)
            // The destination still holds the old bytes while the new file is being written.
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
            try Data("new".utf8).write(to: URL(fileURLWithPath: temporary))
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        #expect(entries() == ["badges.pdf"])
    }

    @Test func aFailedProductionLeavesTheOldFileAndNoTemporary() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/badges.pdf"
        try AtomicFile.write("old", to: path)
        #expect(throws: Refused.self) {
            try AtomicFile.produce(at: path) { temporary in
                try Data("half".utf8).write(to: URL(fileURLWithPath: temporary))
                throw Refused()
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(entries() == ["badges.pdf"])
    }
}
