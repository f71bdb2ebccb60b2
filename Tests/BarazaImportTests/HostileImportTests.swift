import BarazaXML
import Foundation
import Testing
import ZIPFoundation

@testable import BarazaImport

/// Hostile or broken exports: the import is refused with a clear error, and the workspace stays byte-for-byte
/// as it was (every file, hidden temporaries included).
@Suite struct HostileImportTests {
    static let record = """
        <data id="f"><full_name>Awa Diallo</full_name><email>awa@example.org</email></data>
        """

    /// Name, document, and a word the error must contain.
    static let hostileDocuments: [(String, String, String)] = [
        (
            "xxe-file.xml",
            "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><d id=\"f\"><full_name>&x;</full_name></d>",
            "entit"
        ),
        (
            "xxe-http.xml",
            "<!DOCTYPE d [<!ENTITY x SYSTEM \"http://127.0.0.1:9/x\">]><d id=\"f\"><email>&x;</email></d>", "entit"
        ),
        (
            "parameter-entities.xml",
            "<!DOCTYPE d [<!ENTITY % f SYSTEM \"file:///etc/hostname\"><!ENTITY % w \"<!ENTITY l '%f;'>\">%w;]><d id=\"f\">&l;</d>",
            "entit"
        ),
        (
            "external-dtd.xml", "<?xml version=\"1.0\"?><!DOCTYPE d SYSTEM \"http://127.0.0.1:9/x.dtd\"><d id=\"f\"/>",
            "DTD"
        ),
        (
            "billion-laughs.xml",
            "<!DOCTYPE d [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY e \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]><d id=\"f\"><full_name>&e;</full_name></d>",
            "entit"
        ),
        (
            "quadratic.xml",
            "<!DOCTYPE d [<!ENTITY a \"\(String(repeating: "x", count: 50_000))\">]><d id=\"f\"><full_name>\(String(repeating: "&a;", count: 2_000))</full_name></d>",
            "entit"
        ),
        (
            "xinclude.xml",
            "<d id=\"f\" xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"file:///etc/passwd\" parse=\"text\"/></d>",
            "XInclude"
        ),
        ("deep.xml", String(repeating: "<a>", count: 5_000) + String(repeating: "</a>", count: 5_000), "nested"),
        ("truncated.xml", "<registrations>" + record + "<data id=\"f\"><full_name>Awa", "malformed"),
        ("not-xml.xml", "full_name,email\nAwa,awa@example.org\n", "named .xml but not XML"),
    ]

    @Test(arguments: hostileDocuments.map(\.0))
    func hostileXMLLeavesTheWorkspaceUntouched(name: String) throws {
        let (_, document, word) = Self.hostileDocuments.first { $0.0 == name }!
        let folder = try scratchFolder()
        let file = try write(document, to: name, in: folder)
        try expectRefused(file, mentioning: word)
    }

    @Test func invalidUTF8IsRefused() throws {
        let folder = try scratchFolder()
        var bytes = Array("<registrations><data id=\"f\"><full_name>Aw".utf8)
        bytes += [0xC3, 0x28, 0xFF]
        bytes += Array("</full_name></data></registrations>".utf8)
        let file = (folder as NSString).appendingPathComponent("bad-utf8.xml")
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        try expectRefused(file, mentioning: "")
    }

    @Test func utf16WithBOMCDATAAndCharacterReferencesImport() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-16"?>
            <registrations><data id="f"><full_name><![CDATA[Ngũgĩ <wa> Thiong'o]]></full_name>\
            <email>ngugi@example.org</email><city>K&#xE9;b&#233;mer</city></data></registrations>
            """
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in xml.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let folder = try scratchFolder()
        let file = (folder as NSString).appendingPathComponent("utf16.xml")
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let ws = try scratchWorkspace()
        let report = try RegistrationImport(file: file, workspace: ws).run(dryRun: false)
        #expect(report.people == 1)
        let person = try #require(try load(ws).people.first)
        #expect(person.name == "Ngũgĩ <wa> Thiong'o")
        #expect(person.city == "Kébémer")
    }

    @Test func zipBombIsStoppedWhileInflating() throws {
        let folder = try scratchFolder()
        let path = (folder as NSString).appendingPathComponent("bomb.xlsx")
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        try addEntry(
            archive, "xl/workbook.xml",
            Data("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>".utf8))
        // 64 MB of spaces inside an element: about 64 KB compressed.
        let size = 64 << 20
        try archive.addEntry(
            with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: Int64(size), compressionMethod: .deflate
        ) { (position: Int64, chunk: Int) in
            var data = Data(repeating: 0x20, count: chunk)
            if position == 0 { data.replaceSubrange(0..<11, with: Data("<worksheet>".utf8)) }
            return data
        }
        let compressed = (try FileManager.default.attributesOfItem(atPath: path)[.size] as! NSNumber).intValue
        #expect(compressed < 1 << 20)
        try expectRefused(path, mentioning: "zip bomb")
    }

    @Test func pathTraversalInsideAnXLSXIsRefused() throws {
        let folder = try scratchFolder()
        let path = (folder as NSString).appendingPathComponent("traversal.xlsx")
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        try addEntry(archive, "xl/workbook.xml", Data("<workbook/>".utf8))
        try addEntry(archive, "../../../tmp/evil.xml", Data("<x/>".utf8))
        try expectRefused(path, mentioning: "escapes the archive")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/evil.xml"))
    }

    @Test func damagedZipIsRefused() throws {
        let folder = try scratchFolder()
        let source = fixture("google-forms-fr.xlsx")
        let data = try Data(contentsOf: URL(fileURLWithPath: source))
        let file = try write("", to: "cut.xlsx", in: folder)
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: file))
        try expectRefused(file, mentioning: "")
    }

    // MARK: Helpers

    func addEntry(_ archive: Archive, _ name: String, _ data: Data) throws {
        try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate)
        {
            (position: Int64, size: Int) in data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    func expectRefused(
        _ file: String, mentioning word: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    )
        throws
    {
        let ws = try scratchWorkspace()
        let before = snapshot(ws)
        do {
            _ = try RegistrationImport(file: file, workspace: ws).run(dryRun: false)
            Issue.record("expected the import of \(file) to be refused", sourceLocation: sourceLocation)
        } catch {
            let text = error.description
            #expect(text.contains((file as NSString).lastPathComponent), "\(text)", sourceLocation: sourceLocation)
            if !word.isEmpty {
                #expect(text.localizedCaseInsensitiveContains(word), "\(text)", sourceLocation: sourceLocation)
            }
            #expect(!text.contains("root:"), sourceLocation: sourceLocation)
        }
        #expect(snapshot(ws) == before, "the workspace changed", sourceLocation: sourceLocation)
    }
}
