import BarazaOutput
import BarazaTestSupport
import Foundation
import Testing

/// The one CSV cell writer every export uses: formula injection neutralised, RFC 4180 quoting.
struct CSVTests {
    @Test(
        "A cell that a spreadsheet would run as a formula starts with an apostrophe",
        arguments: [
            ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
            ("+33 1 23", "'+33 1 23"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tTab", "'\tTab"),
            ("\r\nline", "\"'\r\nline\""),
        ])
    func formulasAreNeutralised(raw: String, written: String) {
        #expect(CSV.cell(raw) == written)
    }

    @Test(
        "Plain text stays as it is; commas, quotes and line breaks are quoted",
        arguments: [
            ("Aïcha Ben Salah", "Aïcha Ben Salah"),
            ("نادية آيت لحسن", "نادية آيت لحسن"),
            ("Kigali, Rwanda", "\"Kigali, Rwanda\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("a\nb", "\"a\nb\""),
            ("", ""),
            ("5-star", "5-star"),
        ])
    func quoting(raw: String, written: String) {
        #expect(CSV.cell(raw) == written)
    }

    @Test func aRecordEndsWithCRLF() {
        #expect(CSV.record(["a", "=b", "c,d"]) == "a,'=b,\"c,d\"\r\n")
    }
}

/// Atomic streaming: the destination changes only when the whole file is written.
struct AtomicFileTests {
    struct Refused: Error {}

    @Test func aFailedStreamLeavesTheEarlierFileAndNoTemporary() throws {
        let folder = ScratchFolders.url("atomic")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("sub/out.txt").path
        try AtomicFile.stream(to: path) { try $0.write("first\n") }
        #expect(throws: Refused.self) {
            try AtomicFile.stream(to: path) { writer in
                try writer.write(String(repeating: "x", count: 200_000))
                throw Refused()
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "first\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/sub") == ["out.txt"])
    }

    @Test func aFolderRemovedBetweenWritesIsCreatedAgain() throws {
        let folder = ScratchFolders.url("atomic")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a/b.txt").path
        try AtomicFile.stream(to: path) { try $0.write("one") }
        try FileManager.default.removeItem(at: folder)
        try AtomicFile.stream(to: path) { try $0.write("two") }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "two")
    }
}
