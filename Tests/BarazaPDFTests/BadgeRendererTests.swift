import Foundation
import Testing

@testable import BarazaPDF

@Suite("Badge PDF rendering")
struct BadgeRendererTests {
    @Test("Ten cards on A4 sheets: two pages, every name findable by pdftotext")
    func namesAreExtractable() throws {
        let scratch = try ScratchDirectory()
        let pdf = scratch.file("badges.pdf")
        try BadgeRenderer(sheet: .a4Sheet8).render(SampleCards.ten, to: pdf, metadata: PDFMetadata(title: "Badges"))
        let info = try CommandLineTool.run("pdfinfo", [pdf.path])
        #expect(info.contains("Pages:           2"))
        #expect(info.contains("Creator:         Baraza"))
        #expect(!info.contains("CreationDate"))
        let text = try CommandLineTool.run("pdftotext", [pdf.path, "-"])
        for card in SampleCards.ten {
            #expect(ExtractedText.contains(text, card.displayName), "pdftotext lost \(card.displayName)")
        }
    }

    @Test("The QR code decodes back to its payload from a 300 dpi raster", arguments: [BadgeSheetLayout.a4Sheet8, .a6])
    func qrCodesDecode(sheet: BadgeSheetLayout) throws {
        let scratch = try ScratchDirectory()
        let pdf = scratch.file("badges.pdf")
        try BadgeRenderer(sheet: sheet).render(SampleCards.ten, to: pdf, metadata: PDFMetadata(title: "Badges"))
        let prefix = scratch.file("page").path
        _ = try CommandLineTool.run(
            "pdftoppm", ["-r", "300", "-png", "-f", "1", "-l", "1", "-singlefile", pdf.path, prefix])
        let decoded = try CommandLineTool.run("zbarimg", ["--raw", "-q", prefix + ".png"])
        let payloads = Set(decoded.split(whereSeparator: \.isNewline).map(String.init))
        let expected = Set(SampleCards.ten.prefix(sheet.cardsPerPage).map(\.qrPayload))
        #expect(payloads == expected)
    }

    @Test("Every QR code on a sheet decodes at the resolutions of proofs and printers", arguments: [150, 200, 600])
    func qrCodesDecodeAtResolution(dpi: Int) throws {
        let scratch = try ScratchDirectory()
        let pdf = scratch.file("badges.pdf")
        try BadgeRenderer(sheet: .a4Sheet8).render(SampleCards.ten, to: pdf, metadata: PDFMetadata(title: "Badges"))
        let prefix = scratch.file("page").path
        _ = try CommandLineTool.run(
            "pdftoppm", ["-r", "\(dpi)", "-png", "-f", "1", "-l", "1", "-singlefile", pdf.path, prefix])
        let decoded = try CommandLineTool.run("zbarimg", ["--raw", "-q", prefix + ".png"])
        let payloads = Set(decoded.split(whereSeparator: \.isNewline).map(String.init))
        #expect(payloads == Set(SampleCards.ten.prefix(8).map(\.qrPayload)))
    }

    @Test("QR codes are one-bit stencils drawn without interpolation, one per card")
    func qrCodesAreStencils() throws {
        let scratch = try ScratchDirectory()
        let pdf = scratch.file("badges.pdf")
        try BadgeRenderer(sheet: .a4Sheet8).render(SampleCards.ten, to: pdf, metadata: PDFMetadata(title: "Badges"))
        let bytes = try Data(contentsOf: pdf)
        func count(_ token: String) -> Int {
            var found = 0
            var range = bytes.startIndex..<bytes.endIndex
            while let hit = bytes.range(of: Data(token.utf8), in: range) {
                found += 1
                range = hit.upperBound..<bytes.endIndex
            }
            return found
        }
        #expect(count("/ImageMask true") == SampleCards.ten.count)
        #expect(count("/Interpolate false") == SampleCards.ten.count)
    }

    @Test("Same cards, same bytes", arguments: [BadgeSheetLayout.a4Sheet8, .a6])
    func deterministic(sheet: BadgeSheetLayout) throws {
        let scratch = try ScratchDirectory()
        let first = scratch.file("first.pdf")
        let second = scratch.file("second.pdf")
        let metadata = PDFMetadata(title: "Badges")
        try BadgeRenderer(sheet: sheet).render(SampleCards.ten, to: first, metadata: metadata)
        try BadgeRenderer(sheet: sheet).render(SampleCards.ten, to: second, metadata: metadata)
        let firstBytes = try Data(contentsOf: first)
        let secondBytes = try Data(contentsOf: second)
        #expect(firstBytes.count > 1_000)
        #expect(firstBytes == secondBytes)
    }

    @Test("Writing replaces the destination and leaves no temporary file")
    func atomicReplace() throws {
        let scratch = try ScratchDirectory()
        let pdf = scratch.file("badges.pdf")
        try Data("old".utf8).write(to: pdf)
        try BadgeRenderer().render(Array(SampleCards.ten.prefix(1)), to: pdf, metadata: PDFMetadata(title: "B"))
        #expect(try Data(contentsOf: pdf).starts(with: Data("%PDF-".utf8)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["badges.pdf"])
    }

    @Test("A payload too long for a QR code fails before the destination is touched")
    func badPayload() throws {
        let scratch = try ScratchDirectory()
        let pdf = scratch.file("badges.pdf")
        try Data("old".utf8).write(to: pdf)
        var cards = Array(SampleCards.ten.prefix(3))
        cards[2].qrPayload = String(repeating: "x", count: 5_000)
        #expect(throws: PDFError.qrCode(cardIndex: 2, .payloadTooLong(byteCount: 5_000))) {
            try BadgeRenderer().render(cards, to: pdf, metadata: PDFMetadata(title: "B"))
        }
        #expect(try Data(contentsOf: pdf) == Data("old".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["badges.pdf"])
    }

    @Test("No cards is an error, not an empty file")
    func noCards() throws {
        let scratch = try ScratchDirectory()
        #expect(throws: PDFError.nothingToRender) {
            try BadgeRenderer().render([], to: scratch.file("none.pdf"), metadata: PDFMetadata(title: "B"))
        }
    }

    @Test("A4 sheet cards sit inside the page with room for crop marks, without touching")
    func sheetGeometry() {
        let page = Rect(x: 0, y: 0, width: 210, height: 297)
        let frames = BadgeSheetLayout.a4Sheet8.placements.map(\.frame)
        #expect(frames.count == 8)
        for (index, frame) in frames.enumerated() {
            // Crop marks reach 5 mm beyond each corner.
            #expect(page.contains(frame.insetBy(-5)))
            for other in frames[(index + 1)...] { #expect(!frame.insetBy(-2).overlaps(other)) }
        }
        let a6 = BadgeSheetLayout.a6.placements[0].frame
        #expect(Rect(x: 0, y: 0, width: 148, height: 105).contains(a6.insetBy(-5)))
    }
}
