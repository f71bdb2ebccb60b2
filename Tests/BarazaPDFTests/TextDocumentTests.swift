import Foundation
import Testing

@testable import BarazaPDF

@Suite("A4 text documents")
struct TextDocumentTests {
    static func certificate(name: String) -> TextDocument {
        let title = TextStyle(
            size: TextStyle.millimetres(points: 24), weight: .bold, maxLines: .max, alignment: .centred)
        let body = TextStyle(size: TextStyle.millimetres(points: 12), maxLines: .max, alignment: .centred)
        return TextDocument(pages: [
            DocumentPage(paragraphs: [
                Paragraph(
                    .text("Certificate of attendance · Attestation de participation"),
                    x: 20, y: 60, width: 170, style: title),
                Paragraph(
                    .text("This certifies that ") + .bold(.text(name)) + .text(" attended."),
                    x: 20, y: 100, width: 170, style: body),
            ]),
            DocumentPage(paragraphs: [
                Paragraph(.italic(.text("Page two")), x: 20, y: 20, width: 170)
            ]),
        ])
    }

    @Test("Text comes out exactly as written, markup characters included")
    func escapedText() throws {
        let scratch = try ScratchDirectory()
        let pdf = scratch.file("certificate.pdf")
        let name = "Tom <b>&</b> \"Jerry\" O'Neil"
        try Self.certificate(name: name).write(to: pdf, metadata: PDFMetadata(title: "Certificate"))
        let info = try CommandLineTool.run("pdfinfo", [pdf.path])
        #expect(info.contains("Pages:           2"))
        #expect(info.contains("Page size:       595.276 x 841.89 pts (A4)"))
        let text = try CommandLineTool.run("pdftotext", [pdf.path, "-"])
        #expect(ExtractedText.contains(text, "This certifies that \(name) attended."))
        #expect(text.contains("Page two"))
    }

    @Test("Escaping turns markup characters into entities and drops control characters")
    func escaping() {
        #expect(Markup.text("a<b>&'\"\u{7}c").source == "a&lt;b&gt;&amp;&apos;&quot;c")
        #expect(Markup.coloured(.text("x"), RGBColour(hex: 0x0A80FF)).source == "<span foreground=\"#0a80ff\">x</span>")
    }

    @Test("Invalid raw markup is refused, naming page and paragraph")
    func invalidMarkup() throws {
        let scratch = try ScratchDirectory()
        var document = Self.certificate(name: "Ana")
        document.pages[1].paragraphs.append(Paragraph(.raw("<b>unclosed"), x: 20, y: 40, width: 100))
        #expect(throws: PDFError.invalidMarkup(page: 1, paragraph: 1)) {
            try document.write(to: scratch.file("bad.pdf"), metadata: PDFMetadata(title: "Bad"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).isEmpty)
    }

    @Test("Same document, same bytes")
    func deterministic() throws {
        let scratch = try ScratchDirectory()
        let document = Self.certificate(name: "محمد ولد عبد الله الشنقيطي")
        try document.write(to: scratch.file("a.pdf"), metadata: PDFMetadata(title: "C"))
        try document.write(to: scratch.file("b.pdf"), metadata: PDFMetadata(title: "C"))
        #expect(try Data(contentsOf: scratch.file("a.pdf")) == Data(contentsOf: scratch.file("b.pdf")))
    }
}
