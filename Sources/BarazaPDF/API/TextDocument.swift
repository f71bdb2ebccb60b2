import BarazaOutput
import Foundation

/// A plain document of positioned paragraphs (a certificate of attendance, a cover letter), written as PDF
/// with the same fonts, determinism and atomic write as badges.
public struct TextDocument: Sendable, Hashable {
    /// Size of every page; A4 portrait unless given.
    public var pageSize: Size
    /// The pages, in order.
    public var pages: [DocumentPage]

    /// A document of `pages`.
    public init(pageSize: Size = .a4, pages: [DocumentPage] = []) {
        self.pageSize = pageSize
        self.pages = pages
    }

    /// Writes the document to `destination` (replacing any file there).
    /// - Throws: `PDFError.nothingToRender` without pages, `.invalidMarkup` for `Markup.raw` that Pango
    ///   cannot parse, `.cairo` or `.couldNotWrite` when the file cannot be produced.
    public func write(
        to destination: URL, metadata: PDFMetadata,
        fontFamily: String = PangoTextMeasurer.defaultFontFamily
    ) throws(PDFError) {
        guard !pages.isEmpty else { throw .nothingToRender }
        for (pageIndex, page) in pages.enumerated() {
            for (paragraphIndex, paragraph) in page.paragraphs.enumerated()
            where !Typesetter.isValidMarkup(paragraph.content.source) {
                throw .invalidMarkup(page: pageIndex, paragraph: paragraphIndex)
            }
        }
        try AtomicFile.write(to: destination) { (path: String) throws(PDFError) in
            let canvas = try PDFCanvas(path: path, metadata: metadata, fontFamily: fontFamily)
            for page in pages {
                canvas.beginPage(size: pageSize)
                for rule in page.rules { canvas.fill(rule, colour: RGBColour(hex: 0x333333)) }
                for placed in page.images { canvas.draw(placed) }
                for paragraph in page.paragraphs {
                    let box = Rect(x: paragraph.x, y: paragraph.y, width: paragraph.width, height: 0)
                    canvas.draw(
                        paragraph.content.source, style: paragraph.style, in: box, colour: paragraph.colour,
                        isMarkup: true)
                }
            }
            try canvas.finish()
        }
    }
}
