import BarazaModel
import BarazaTestSupport
import Foundation
import Testing

@testable import BarazaBadges

@Suite("Badge list CSV")
struct BadgeListCSVTests {
    @Test(
        "Cells that a spreadsheet would run as a formula are neutralised; RFC 4180 quoting",
        arguments: [
            ("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
            ("+33 1 23", "'+33 1 23"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"),
            ("\r=1", "\"'\r=1\""), ("Ministério da Saúde", "Ministério da Saúde"), ("a, b", "\"a, b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""), ("Jean-Paul", "Jean-Paul"),
            ("", ""), ("محمد", "محمد"),
        ])
    func field(value: String, expected: String) {
        #expect(BadgeListCSV.field(value) == expected)
    }

    @Test("Rows end with CRLF")
    func rows() {
        #expect(BadgeListCSV.row(["a", "b,c"]) == "a,\"b,c\"\r\n")
    }

    @Test("UTF-8 starts with its BOM; UTF-16 is little-endian with FF FE")
    func encodings() {
        let text = "é,ن\r\n"
        #expect(
            Array(BadgeListCSV.encode(text, .utf8)) == [0xEF, 0xBB, 0xBF, 0xC3, 0xA9, 0x2C, 0xD9, 0x86, 0x0D, 0x0A])
        #expect(
            Array(BadgeListCSV.encode(text, .utf16)) == [
                0xFF, 0xFE, 0xE9, 0x00, 0x2C, 0x00, 0x46, 0x06, 0x0D, 0x00, 0x0A, 0x00,
            ])
        // Outside the Basic Multilingual Plane: a surrogate pair, low byte first in each unit.
        #expect(Array(BadgeListCSV.encode("𝔸", .utf16)) == [0xFF, 0xFE, 0x35, 0xD8, 0x38, 0xDD])
    }

    @Test("Hostile organisation names from a workspace come out inert")
    func hostileWorkspace() {
        var builder = WorkspaceBuilder()
        builder.person("p1", name: "=1+1", roles: [.participant])
        builder.person("p2", name: "Ana Lopes", roles: [.participant])
        builder.people[1].organisation = "@SUM(1+1)*cmd|' /C calc'!A0"
        builder.people[1].city = "-Kigali"
        let list = BadgeList(workspace: builder.build(), key: BadgeKey(secret: Array(0..<32), events: ["built-event"]))
        let csv = BadgeListCSV.text(list)
        let cells = csv.components(separatedBy: "\r\n").flatMap {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        for cell in cells {
            let unquoted = cell.hasPrefix("\"") ? cell.dropFirst() : cell
            #expect(!["=", "+", "-", "@"].contains(unquoted.first.map(String.init) ?? ""), "live cell \(cell)")
        }
        #expect(csv.contains("'=1+1"))
        #expect(csv.contains("'@SUM(1+1)*cmd|' /C calc'!A0"))
        #expect(csv.contains("'-Kigali"))
    }

    @Test("The sample event's badge list matches its golden file, byte for byte (UTF-8 with BOM)")
    func golden() throws {
        let scratch = try ScratchWorkspace()
        let result = try BadgeExporter().export(try scratch.load(), context: scratch.context())
        #expect(result.files == ["badges/badge-list.csv", "badges/badges-a4-8.pdf"])
        let bytes = try Data(contentsOf: scratch.badgeFile("badge-list.csv"))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/final-kigali-2027-badge-list.csv")
        assertGolden(String(decoding: bytes, as: UTF8.self), file: golden)
    }

    @Test("--encoding utf16 writes the same list as UTF-16LE with BOM")
    func utf16File() throws {
        let scratch = try ScratchWorkspace()
        let workspace = try scratch.load()
        _ = try BadgeExporter(options: .init(recordsPrint: false)).export(workspace, context: scratch.context())
        let utf8 = try Data(contentsOf: scratch.badgeFile("badge-list.csv"))
        _ = try BadgeExporter(options: .init(encoding: .utf16, recordsPrint: false))
            .export(workspace, context: scratch.context())
        let utf16 = try Data(contentsOf: scratch.badgeFile("badge-list.csv"))
        #expect(utf16.starts(with: [0xFF, 0xFE]))
        #expect(utf16.count % 2 == 0)
        let decoded = try #require(String(data: utf16.dropFirst(2), encoding: .utf16LittleEndian))
        #expect(decoded == String(decoding: utf8.dropFirst(3), as: UTF8.self))
        #expect(decoded.contains("محمد الأمين ولد أحمد"))
    }
}
