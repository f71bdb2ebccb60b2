import BarazaTestSupport
import Foundation
import Testing

@testable import BarazaXML

/// The SAX push parser must see a document exactly as the stream reader does: the same elements (names,
/// namespaces, depths, lines, attributes), the same character data between them, whatever the chunk size.
@Suite struct SAXPushParserTests {
    enum Event: Equatable, CustomStringConvertible {
        case start(name: String, namespace: String?, depth: Int, line: Int, attributes: [String])
        case end
        case text(String)

        var description: String {
            switch self {
            case .start(let name, let namespace, let depth, let line, let attributes):
                "<\(name) ns=\(namespace ?? "-") depth=\(depth) line=\(line) \(attributes)>"
            case .end: "</>"
            case .text(let text): text.debugDescription
            }
        }
    }

    /// Records what the parser reports, joining adjacent pieces of text.
    final class Recorder: SAXEventHandler {
        var events: [Event] = []
        var pendingText: [UInt8] = []

        func flushText() {
            if !pendingText.isEmpty { events.append(.text(String(decoding: pendingText, as: UTF8.self))) }
            pendingText = []
        }

        func startElement(_ element: SAXElement) throws(XMLImportError) {
            flushText()
            var attributes: [String] = []
            for index in 0..<element.attributeCount {
                let base = element.attributes! + 5 * index
                let value = element.attributeValue(index)
                attributes.append("\(String(cString: base[0]!))@\(base[2].map { String(cString: $0) } ?? "-")=\(value)")
            }
            events.append(
                .start(
                    name: String(cString: element.localName),
                    namespace: element.namespaceURI.map { String(cString: $0) },
                    depth: element.depth, line: element.line, attributes: attributes))
        }

        func endElement() {
            flushText()
            events.append(.end)
        }

        func characters(_ bytes: UnsafeBufferPointer<UInt8>) { pendingText += bytes }
    }

    static func saxEvents(_ bytes: [UInt8], chunkSize: Int) throws -> [Event] {
        let recorder = Recorder()
        let parser = SAXPushParser(
            bytes: bytes, sourceName: "doc.xml", limits: .default, handler: recorder, chunkSize: chunkSize)
        while try parser.parseNextChunk() {}
        recorder.flushText()
        return recorder.events
    }

    /// The stream reader's view, in the same shape; its element lines past 65,535 are unknown (0).
    static func readerEvents(_ bytes: [UInt8]) throws -> [Event] {
        let reader = try XMLStreamReader(bytes: bytes, sourceName: "doc.xml")
        var events: [Event] = []
        var text = ""
        func flush() {
            if !text.isEmpty { events.append(.text(text)) }
            text = ""
        }
        while try reader.read() {
            switch reader.kind {
            case .elementStart:
                flush()
                let attributes = reader.attributes().map { "\($0.localName)@\($0.namespaceURI ?? "-")=\($0.value)" }
                events.append(
                    .start(
                        name: reader.localName, namespace: reader.namespaceURI, depth: reader.depth, line: reader.line,
                        attributes: attributes))
            case .elementEnd:
                flush()
                events.append(.end)
            case .text, .cdata, .whitespace:
                text += reader.text
            }
        }
        flush()
        return events
    }

    static func expectSameEvents(_ bytes: [UInt8], _ name: String) throws {
        let reference = try readerEvents(bytes)
        for chunkSize in [1 << 18, 4_096, 7, 1] where chunkSize == 1 << 18 || bytes.count < 200_000 {
            var events = try saxEvents(bytes, chunkSize: chunkSize)
            #expect(events.count == reference.count, "\(name), chunks of \(chunkSize)")
            // Lines the stream reader does not know are not compared.
            for index in events.indices where index < reference.count {
                if case .start(let n, let ns, let d, _, let a) = events[index],
                    case .start(_, _, _, 0, _) = reference[index]
                {
                    events[index] = .start(name: n, namespace: ns, depth: d, line: 0, attributes: a)
                }
            }
            let firstDifference = events.indices.first { $0 < reference.count && events[$0] != reference[$0] }
            #expect(
                firstDifference == nil,
                "\(name), chunks of \(chunkSize): \(firstDifference.map { "\(events[$0]) ≠ \(reference[$0])" } ?? "")")
        }
    }

    @Test func realExportsAndSchedulesReadTheSame() throws {
        let data = URL(fileURLWithPath: "/work/shared/data")
        let files = (FileManager.default.enumerator(at: data, includingPropertiesForKeys: nil)?.allObjects ?? [])
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "xml" }
        #expect(files.count >= 20)
        for file in files.sorted(by: { $0.path < $1.path }) {
            try Self.expectSameEvents(Array(try Data(contentsOf: file)), file.lastPathComponent)
        }
    }

    @Test func generatedDocumentsReadTheSame() throws {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<300 {
            let document = Self.document(&random)
            try Self.expectSameEvents(Array(document.utf8), document)
        }
    }

    /// A random well-formed document: namespaces, attributes with references, text with character references,
    /// CDATA, comments, processing instructions, blank runs and several lines.
    static func document(_ random: inout SeededGenerator) -> String {
        let names = ["a", "data", "orx:meta", "name", "prénom", "x:y", "instanceID", "g"]
        let texts = [
            "x", " ", "\n  ", "Zoë", "بن علي", "&amp;", "&#x1F600;", "&lt;b&gt;", "&#233;t&#xE9;", "a\r\nb", "\t",
        ]
        func element(_ depth: Int) -> String {
            let name = names[random.below(names.count)]
            var out = "<\(name)"
            if depth == 0 {
                out += " xmlns:orx=\"http://openrosa.org/xforms\" xmlns:x=\"urn:x\""
                if random.below(2) == 0 { out += " xmlns=\"urn:default\"" }
            }
            for index in 0..<random.below(3) {
                out += " \(["id", "v", "x:k"][index])=\"\(["f", "a &amp; b", "&#233;", "q'q"][random.below(4)])\""
            }
            if random.below(5) == 0 { return out + "/>" }
            out += ">"
            for _ in 0..<random.below(depth < 4 ? 5 : 2) {
                switch random.below(7) {
                case 0, 1: out += depth < 4 ? element(depth + 1) : "y"
                case 2: out += "<![CDATA[c <not> & ]]>"
                case 3: out += "<!-- note -->"
                case 4: out += "<?pi data?>"
                default: out += texts[random.below(texts.count)]
                }
            }
            return out + "</\(name)>"
        }
        let prologue = random.below(2) == 0 ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- exported -->\n" : ""
        return prologue + element(0) + "\n"
    }
}
