import BarazaModel
import Foundation
import Testing

@testable import BarazaXML

/// Each hostile input must fail with a clear error, without network or file access and without memory blow-up.
@Suite(.serialized) struct HostileXMLTests {
    @Test func externalEntityToLocalFileIsRejectedAndNeverRead() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <r><name>&xxe;</name></r>
            """
        var seen: [XMLNode] = []
        let error = importError {
            let reader = try XMLStreamReader(bytes: Array(xml.utf8), sourceName: "xxe.xml")
            while let node = try reader.next() { seen.append(node) }
        }
        #expect(error == .entitiesNotAllowed(error?.location ?? SourceLocation(file: "", line: 0, column: 0)))
        #expect(error?.description.contains("xxe.xml:") == true)
        #expect(error?.message.contains("entity") == true)
        #expect(!allText(seen).contains("root:"))
    }

    @Test func externalEntityOverHTTPIsRejected() {
        let xml = """
            <!DOCTYPE r [<!ENTITY remote SYSTEM "http://127.0.0.1:9/evil.xml">]>
            <r>&remote;</r>
            """
        let error = importError { _ = try readNodes(xml) }
        guard case .entitiesNotAllowed = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
    }

    @Test func parameterEntitiesAreRejected() {
        let xml = """
            <!DOCTYPE r [
              <!ENTITY % file SYSTEM "file:///etc/passwd">
              <!ENTITY % wrap "<!ENTITY leak '%file;'>">
              %wrap;
            ]>
            <r>&leak;</r>
            """
        var text = ""
        let error = importError {
            let nodes = try readNodes(xml)
            text = allText(nodes)
        }
        guard case .entitiesNotAllowed = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(!text.contains("root:"))
    }

    @Test func externalDTDIsRejected() {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE r SYSTEM "file:///etc/passwd">
            <r/>
            """
        let error = importError { _ = try readNodes(xml) }
        #expect(error == .externalDTDNotAllowed(error?.location ?? SourceLocation(file: "", line: 0, column: 0)))
        #expect(error?.message == "external DTDs are not allowed")
    }

    @Test func publicExternalDTDOverHTTPIsRejected() {
        let xml = """
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
            <html/>
            """
        let error = importError { _ = try readNodes(xml) }
        guard case .externalDTDNotAllowed = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
    }

    @Test func billionLaughsIsRejectedWithBoundedMemory() {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        xml += "<!ENTITY lol1 \"" + String(repeating: "&lol;", count: 10) + "\">\n"
        for level in 2...9 {
            xml += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        xml += "]>\n<lolz a=\"&lol9;\">&lol9;</lolz>\n"
        let before = peakResidentBytes()
        let error = importError { _ = try readNodes(xml) }
        guard case .entitiesNotAllowed = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(peakResidentBytes() - before < 200_000_000)
    }

    @Test func quadraticBlowUpIsRejectedWithBoundedMemory() {
        let big = String(repeating: "a", count: 100_000)
        let body = String(repeating: "&big;", count: 50_000)
        let xml = "<!DOCTYPE r [<!ENTITY big \"\(big)\">]>\n<r>\(body)</r>"
        let before = peakResidentBytes()
        let error = importError { _ = try readNodes(xml) }
        guard case .entitiesNotAllowed = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(peakResidentBytes() - before < 200_000_000)
    }

    @Test func undeclaredEntityReferenceIsRejected() {
        let error = importError { _ = try readNodes("<r>&nbsp;</r>") }
        guard case .entitiesNotAllowed(let location) = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(location.line == 1)
        #expect(location.column > 0)
    }

    @Test func xincludeIsRejectedAndNothingIsIncluded() {
        let xml = """
            <r xmlns:xi="http://www.w3.org/2001/XInclude">
              <xi:include href="file:///etc/passwd" parse="text"/>
            </r>
            """
        let error = importError { _ = try readNodes(xml) }
        #expect(error == .xincludeNotAllowed(error?.location ?? SourceLocation(file: "", line: 0, column: 0)))
        #expect(error?.message == "XInclude is not allowed")
    }

    @Test func deepNestingIsRejectedWithBoundedMemory() {
        let depth = 100_000
        let xml = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        let before = peakResidentBytes()
        let error = importError { _ = try readNodes(xml) }
        guard case .limitExceeded(let location, .depth, 256) = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(location.file == "test.xml")
        #expect(error?.message == "elements nested deeper than 256 levels")
        #expect(peakResidentBytes() - before < 100_000_000)
    }

    @Test func customDepthLimitApplies() {
        let xml = "<a><b><c><d/></c></b></a>"
        let error = importError { _ = try readNodes(xml, limits: XMLLimits(maxDepth: 3)) }
        guard case .limitExceeded(_, .depth, 3) = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
    }

    @Test func truncatedFileIsRejectedWithItsPosition() throws {
        let directory = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("truncated.xml")
        try Data("<registrations>\n  <data id=\"x\">\n    <name>Ab".utf8).write(to: file)
        let error = importError {
            let reader = try XMLStreamReader(contentsOf: file.path)
            while try reader.read() {}
        }
        guard case .malformed(let location, let message) = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(location.file == file.path)
        #expect(location.line == 3)
        #expect(!message.isEmpty)
    }

    @Test func invalidUTF8IsRejected() {
        var bytes = Array("<r><name>caf".utf8)
        bytes += [0xC3, 0x28]  // a lead byte followed by a non-continuation byte
        bytes += Array("</name></r>".utf8)
        let error = importError { _ = try readNodes(bytes: bytes) }
        guard case .malformed(let location, let message) = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(location.line == 1)
        #expect(message.contains("UTF-8"))
    }

    @Test func overlongNameIsRejected() {
        let name = String(repeating: "n", count: 2_000)
        let error = importError { _ = try readNodes("<\(name)/>") }
        guard case .limitExceeded(_, .nameLength, 1_000) = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
    }

    @Test func oversizedTextNodeIsRejected() {
        let xml = "<r>" + String(repeating: "x", count: 5_000) + "</r>"
        let error = importError { _ = try readNodes(xml, limits: XMLLimits(maxTextBytes: 1_000)) }
        guard case .limitExceeded(_, .textSize, 1_000) = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
    }

    @Test func tooManyAttributesAreRejected() {
        let attributes = (0..<300).map { "a\($0)=\"1\"" }.joined(separator: " ")
        let error = importError { _ = try readNodes("<r \(attributes)/>") }
        guard case .limitExceeded(_, .attributeCount, 256) = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
    }

    @Test func missingFileIsAClearError() {
        let error = importError { _ = try XMLStreamReader(contentsOf: "/nonexistent/file.xml") }
        guard case .unreadable(let path, let reason) = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(path == "/nonexistent/file.xml")
        #expect(reason.contains("No such file"))
    }
}
