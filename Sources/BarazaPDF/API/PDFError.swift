/// Why a PDF could not be written. Cases name positions and paths, never the people on the badges.
public enum PDFError: Error, Sendable, Hashable {
    /// There was nothing to draw: no cards, or a document without pages.
    case nothingToRender
    /// The QR payload of the card at `cardIndex` (zero-based) could not be encoded.
    case qrCode(cardIndex: Int, QRCodeError)
    /// `Markup.raw` in paragraph `paragraph` of page `page` (both zero-based) is not valid Pango markup.
    case invalidMarkup(page: Int, paragraph: Int)
    /// Cairo reported `status` (its own description) while drawing or writing.
    case cairo(status: String)
    /// The finished file could not be moved into place at `path`; `errno` is the system error number.
    case couldNotWrite(path: String, errno: Int32)
}
