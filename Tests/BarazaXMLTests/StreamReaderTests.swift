import Foundation
import Testing

@testable import BarazaXML

/// Valid documents that must import exactly.
struct StreamReaderTests {
    @Test func reportsElementsWithNamespacesAttributesDepthAndLines() throws {
        let xml = """
            <data xmlns:orx="http://openrosa.org/xforms" id="form" orx:version="3">
              <orx:meta><orx:instanceID>uuid:1</orx:instanceID></orx:meta>
              <empty/>
            </data>
            """
        let nodes = try readNodes(xml).filter { $0.kind != .whitespace }
        #expect(
            nodes.map(\.kind) == [
                .elementStart, .elementStart, .elementStart, .text, .elementEnd, .elementEnd, .elementStart,
                .elementEnd,
                .elementEnd,
            ])
        #expect(
            nodes[0].attributes == [
                XMLAttribute(name: "id", localName: "id", namespaceURI: nil, value: "form"),
                XMLAttribute(
                    name: "orx:version", localName: "version", namespaceURI: "http://openrosa.org/xforms", value: "3"),
            ])
        #expect(nodes[1].name == "orx:meta")
        #expect(nodes[1].localName == "meta")
        #expect(nodes[1].namespaceURI == "http://openrosa.org/xforms")
        #expect(nodes[1].depth == 1)
        #expect(nodes[1].line == 2)
        #expect(nodes[3].text == "uuid:1")
        #expect(nodes[3].depth == 3)
        #expect(nodes[6].name == "empty")
        #expect(nodes[6].line == 3)
        #expect(nodes[7].name == "empty")
    }

    @Test func decodesCharacterReferences() throws {
        let nodes = try readNodes("<r>Ren&#233;e &#x627;&#x62D;&#x645;&#x62F; &amp; &lt;co&gt;</r>")
        #expect(allText(nodes) == "Renée احمد & <co>")
    }

    @Test func reportsCDATAVerbatim() throws {
        let nodes = try readNodes("<r><![CDATA[<b>Zoë & co</b>]]></r>")
        #expect(nodes[1].kind == .cdata)
        #expect(nodes[1].text == "<b>Zoë & co</b>")
    }

    @Test func readsUTF16WithByteOrderMark() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><r><nom>Ngozi Adébáyọ̀</nom></r>"
        var little: [UInt8] = [0xFF, 0xFE]
        for unit in xml.utf16 { little += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(allText(try readNodes(bytes: little)) == "Ngozi Adébáyọ̀")
        var big: [UInt8] = [0xFE, 0xFF]
        for unit in xml.utf16 { big += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        #expect(allText(try readNodes(bytes: big)) == "Ngozi Adébáyọ̀")
    }

    @Test func allowsADoctypeWithoutEntities() throws {
        let nodes = try readNodes("<!DOCTYPE r><r>ok</r>")
        #expect(allText(nodes) == "ok")
    }

    @Test func skipsCommentsAndProcessingInstructions() throws {
        let nodes = try readNodes("<?xml version=\"1.0\"?><?mso-application progid=\"Excel.Sheet\"?><r><!-- c -->x</r>")
        #expect(nodes.map(\.kind) == [.elementStart, .text, .elementEnd])
    }

    @Test func looksUpSingleAttributes() throws {
        let reader = try XMLStreamReader(
            bytes: Array("<Cell xmlns:ss=\"urn:x\" ss:Index=\"4\" plain=\"p\"/>".utf8), sourceName: "a.xml")
        #expect(try reader.read())
        #expect(reader.attribute("Index", namespaceURI: "urn:x") == "4")
        #expect(reader.attribute("plain") == "p")
        #expect(reader.attribute("missing") == nil)
        #expect(reader.isEmptyElement)
        #expect(reader.name == "Cell")
    }
}
