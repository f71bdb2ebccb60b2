import Foundation
import Testing

@testable import BarazaXML

/// The submissions reader parses through libxml2's SAX2 push interface, not the stream reader: every hostile input
/// must be refused by it in the same way, with the same kind of error, and the valid oddities must still read.
@Suite struct HostileSubmissionTests {
    /// Name, document, limits.
    static let hostile: [(String, String, XMLLimits)] = {
        var laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        laughs += "<!ENTITY lol1 \"" + String(repeating: "&lol;", count: 10) + "\">\n"
        for level in 2...9 {
            laughs += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        laughs += "]>\n<lolz id=\"f\"><a>&lol9;</a></lolz>\n"
        let big = String(repeating: "a", count: 100_000)
        return [
            (
                "external entity to a file",
                "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<r id=\"f\"><n>&x;</n></r>",
                .default
            ),
            (
                "external entity over http", "<!DOCTYPE r [<!ENTITY x SYSTEM \"http://127.0.0.1:9/x\">]><r>&x;</r>",
                .default
            ),
            (
                "parameter entities",
                "<!DOCTYPE r [\n<!ENTITY % f SYSTEM \"file:///etc/passwd\">\n<!ENTITY % w \"<!ENTITY l '%f;'>\">\n%w;\n]>\n<r>&l;</r>",
                .default
            ),
            ("external DTD", "<?xml version=\"1.0\"?>\n<!DOCTYPE r SYSTEM \"file:///etc/passwd\">\n<r/>", .default),
            (
                "public DTD over http",
                "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">\n<html/>",
                .default
            ),
            ("billion laughs", laughs, .default),
            (
                "quadratic blow-up",
                "<!DOCTYPE r [<!ENTITY big \"\(big)\">]>\n<r>\(String(repeating: "&big;", count: 50_000))</r>", .default
            ),
            ("undeclared entity", "<r id=\"f\"><n>&nbsp;</n></r>", .default),
            (
                "XInclude 2001",
                "<r xmlns:xi=\"http://www.w3.org/2001/XInclude\">\n  <xi:include href=\"file:///etc/passwd\" parse=\"text\"/>\n</r>",
                .default
            ),
            ("XInclude 2003", "<r id=\"f\"><i xmlns=\"http://www.w3.org/2003/XInclude\"/></r>", .default),
            (
                "deep nesting",
                String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000), .default
            ),
            ("custom depth", "<a><b><c><d/></c></b></a>", XMLLimits(maxDepth: 3)),
            ("truncated", "<registrations>\n  <data id=\"x\">\n    <name>Ab", .default),
            ("long element name", "<\(String(repeating: "n", count: 2_000))/>", .default),
            ("long attribute name", "<r \(String(repeating: "n", count: 2_000))=\"1\"/>", .default),
            (
                "too many attributes", "<r \((0..<300).map { "a\($0)=\"1\"" }.joined(separator: " "))/>", .default
            ),
            (
                "oversized text",
                "<r id=\"f\"><n>" + String(repeating: "x", count: 5_000) + "</n></r>", XMLLimits(maxTextBytes: 1_000)
            ),
            ("not XML", "full_name,email\nAwa,awa@example.org\n", .default),
            ("empty", "", .default),
        ]
    }()

    /// The error case without its payload, to compare the two readers.
    static func kind(_ error: XMLImportError?) -> String {
        guard let error else { return "none" }
        switch error {
        case .malformed: return "malformed"
        case .entitiesNotAllowed: return "entities"
        case .externalDTDNotAllowed: return "external DTD"
        case .xincludeNotAllowed: return "XInclude"
        case .limitExceeded(_, let kind, let limit): return "limit \(kind) \(limit)"
        default: return "\(error)"
        }
    }

    @Test(arguments: hostile.map(\.0))
    func refusedLikeTheStreamReader(name: String) {
        let (_, xml, limits) = Self.hostile.first { $0.0 == name }!
        let before = peakResidentBytes()
        let submissions = importError {
            _ = try ODKSubmissionReader(bytes: Array(xml.utf8), sourceName: "test.xml", limits: limits).readAll()
        }
        let stream = importError { _ = try readNodes(xml, limits: limits) }
        #expect(Self.kind(submissions) == Self.kind(stream))
        #expect(submissions?.location?.file == "test.xml")
        #expect((submissions?.location?.line ?? 0) > 0)
        #expect(peakResidentBytes() - before < 200_000_000)
    }

    @Test func invalidUTF8IsRefusedWithItsLine() {
        var bytes = Array("<r id=\"f\">\n<name>caf".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("</name></r>".utf8)
        let error = importError { _ = try ODKSubmissionReader(bytes: bytes, sourceName: "bad.xml").readAll() }
        guard case .malformed(let location, let message) = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(location.line == 2)
        #expect(message.contains("UTF-8"))
    }

    @Test func aTruncatedFileFailsAfterTheRecordsBeforeIt() throws {
        let directory = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("truncated.xml")
        try Data(
            "<registrations>\n<data id=\"x\"><n>A</n></data>\n<data id=\"x\"><n>B</n></data>\n<data id=\"x\"><n>C".utf8
        )
        .write(to: file)
        let reader = try ODKSubmissionReader(contentsOf: file.path)
        #expect(try reader.next()?.value("n") == "A")
        #expect(try reader.next()?.value("n") == "B")
        let error = importError { _ = try reader.next() }
        guard case .malformed(let location, _) = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(location.file == file.path)
        #expect(location.line == 4)
    }

    @Test func utf16CDATACharacterReferencesAndAPlainDoctypeRead() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-16"?>
            <!DOCTYPE data>
            <data id="f"><name><![CDATA[Zoë <Ndiaye>]]></name><city>S&#xE8;m&#232;-Podji &amp; Cotonou</city></data>
            """
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in xml.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let records = try ODKSubmissionReader(bytes: bytes, sourceName: "utf16.xml").readAll()
        #expect(records.count == 1)
        #expect(records[0].value("name") == "Zoë <Ndiaye>")
        #expect(records[0].value("city") == "Sèmè-Podji & Cotonou")
    }

    @Test func valuesSplitAcrossChunksArriveWhole() throws {
        // Several chunks of input, with multi-byte characters at every offset: no value may be cut or lost.
        let names = ["Zoë", "Ngozi بن علي", "Aïssatou", "Ọlá", "Éloïse"]
        var xml = "<registrations>\n"
        var expected: [String] = []
        var n = 0
        while xml.utf8.count < 3 * SAXPushParser.chunkSize {
            let name = names[n % names.count] + String(repeating: "é", count: n % 7) + " \(n)"
            expected.append(name)
            xml += "<data id=\"f\"><name>\(name)</name><meta><instanceID>uuid:\(n)</instanceID></meta></data>\n"
            n += 1
        }
        xml += "</registrations>\n"
        let records = try ODKSubmissionReader(bytes: Array(xml.utf8), sourceName: "big.xml").readAll()
        #expect(records.map { $0.value("name") ?? "" } == expected)
        #expect(records.map(\.recordID) == (0..<n).map { "uuid:\($0)" })
        #expect(records.map(\.sourceLine) == Array(2..<(n + 2)))
    }
}
