import BarazaOutput
import Foundation

/// Renders badges to a print-ready PDF: Cairo for drawing, Pango for text in any script.
///
/// Output is deterministic (same cards, same fonts installed → same bytes) and written atomically.
public struct BadgeRenderer: Sendable {
    /// Arrangement of cards on pages.
    public var sheet: BadgeSheetLayout
    /// Measures text for layout; its font family is also the one drawn with.
    public let measurer: PangoTextMeasurer

    /// A renderer for `sheet`, setting text in `fontFamily` (a comma-separated family list).
    public init(sheet: BadgeSheetLayout = .a4Sheet8, fontFamily: String = PangoTextMeasurer.defaultFontFamily) {
        self.sheet = sheet
        self.measurer = PangoTextMeasurer(fontFamily: fontFamily)
    }

    /// The layout the renderer will draw for `card`.
    public func layout(for card: BadgeCard) -> BadgeLayout {
        BadgeLayout(card: card, measuredBy: measurer)
    }

    /// Writes `cards` in order, filling pages of `sheet`, to `destination` (replacing any file there).
    /// - Throws: `PDFError.nothingToRender` for an empty list, `.qrCode` when a payload cannot be encoded,
    ///   `.cairo` or `.couldNotWrite` when the file cannot be produced.
    public func render(_ cards: [BadgeCard], to destination: URL, metadata: PDFMetadata) throws(PDFError) {
        guard !cards.isEmpty else { throw .nothingToRender }
        // Encode every payload first, so a bad one fails before any file is touched.
        var codes: [QRCode] = []
        codes.reserveCapacity(cards.count)
        for (index, card) in cards.enumerated() {
            do {
                codes.append(try QRCode(encoding: card.qrPayload))
            } catch {
                throw .qrCode(cardIndex: index, error)
            }
        }
        let placements = sheet.placements
        try AtomicFile.write(to: destination) { (path: String) throws(PDFError) in
            let canvas = try PDFCanvas(path: path, metadata: metadata, fontFamily: measurer.fontFamily)
            for (index, card) in cards.enumerated() {
                let slot = index % placements.count
                if slot == 0 { canvas.beginPage(size: sheet.pageSize) }
                let placement = placements[slot]
                if sheet.hasCropMarks {
                    BadgeDrawing.drawCropMarks(around: placement.frame, on: canvas)
                }
                let layout = layout(for: card)
                canvas.withTransform(origin: (placement.x, placement.y), scale: placement.scale) {
                    BadgeDrawing.draw(layout, code: codes[index], on: canvas)
                }
            }
            try canvas.finish()
        }
    }
}
