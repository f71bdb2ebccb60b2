import CCairo
import CPangoCairo

/// A Cairo PDF surface whose user space is millimetres with the origin at each page's top-left corner,
/// and a typesetter attached to it.
final class PDFCanvas {
    let cairo: OpaquePointer
    private let surface: OpaquePointer
    private let sink: PDFFileSink
    let typesetter: Typesetter
    private var pageOpen = false

    private static let pointsPerMillimetre = 72 / 25.4

    /// Opens `path` for writing. Pages are added with `beginPage`.
    init(path: String, metadata: PDFMetadata, fontFamily: String) throws(PDFError) {
        sink = try PDFFileSink(path: path)
        surface = cairo_pdf_surface_create_for_stream(
            PDFFileSink.write, Unmanaged.passUnretained(sink).toOpaque(), Self.pointsPerMillimetre * 210,
            Self.pointsPerMillimetre * 297)
        try Self.check(cairo_surface_status(surface))
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, metadata.title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, metadata.creator)
        // An empty date leaves the entry out, so identical input gives identical bytes.
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, "")
        cairo = cairo_create(surface)
        typesetter = Typesetter(fontFamily: fontFamily)
    }

    deinit {
        cairo_destroy(cairo)
        cairo_surface_destroy(surface)
    }

    /// Starts a page of `size`; the previous page, if any, is finished first.
    func beginPage(size: Size) {
        if pageOpen { endPage() }
        cairo_pdf_surface_set_size(
            surface, size.width * Self.pointsPerMillimetre, size.height * Self.pointsPerMillimetre)
        cairo_save(cairo)
        cairo_scale(cairo, Self.pointsPerMillimetre, Self.pointsPerMillimetre)
        pageOpen = true
    }

    private func endPage() {
        cairo_restore(cairo)
        cairo_show_page(cairo)
        pageOpen = false
    }

    /// Ends the last page and writes the rest of the file.
    func finish() throws(PDFError) {
        if pageOpen { endPage() }
        let drawing = cairo_status(cairo)
        if drawing == CAIRO_STATUS_SUCCESS { cairo_surface_finish(surface) }
        // A write that failed is the sink's to tell, with the system's reason, before Cairo's own words for it.
        try sink.close()
        try Self.check(drawing)
        try Self.check(cairo_surface_status(surface))
    }

    func setColour(_ colour: RGBColour) {
        cairo_set_source_rgb(cairo, colour.red, colour.green, colour.blue)
    }

    func fill(_ rect: Rect, colour: RGBColour) {
        setColour(colour)
        cairo_rectangle(cairo, rect.x, rect.y, rect.width, rect.height)
        cairo_fill(cairo)
    }

    /// Draws `text` in `style` with its top-left at the box's origin, wrapped at the box width.
    func draw(_ text: String, style: TextStyle, in box: Rect, colour: RGBColour, isMarkup: Bool = false) {
        // The typesetter's context keeps an identity transform (no pango_cairo_update_context): with hinting
        // off, glyph outlines come out the same, and metrics stay exactly those the layout was measured with.
        let layout = typesetter.makeLayout(text, style: style, boxWidth: box.width, isMarkup: isMarkup)
        defer { typesetter.release(layout) }
        typesetter.widen(layout, to: box.width)
        setColour(colour)
        cairo_move_to(cairo, box.x, box.y)
        pango_cairo_show_layout(cairo, layout)
    }

    /// Draws a picture fitted into its frame.
    func draw(_ placed: PlacedImage) {
        let frame = placed.drawnFrame
        switch placed.image.format {
        case .png: PNGStream.draw(placed.image.data, in: frame, natural: placed.image.naturalSize, on: cairo)
        case .svg: SVGDocument.draw(placed.image.data, in: frame, on: cairo)
        }
    }

    /// Runs `body` with drawing limited to `rect`, then lifts the limit.
    func clipped(to rect: Rect, _ body: () -> Void) {
        cairo_save(cairo)
        cairo_rectangle(cairo, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(cairo)
        body()
        cairo_restore(cairo)
    }

    /// Runs `body` with user space moved to `origin` and scaled by `scale`, then restores it.
    func withTransform(origin: (x: Double, y: Double), scale: Double, _ body: () -> Void) {
        cairo_save(cairo)
        cairo_translate(cairo, origin.x, origin.y)
        cairo_scale(cairo, scale, scale)
        body()
        cairo_restore(cairo)
    }

    private static func check(_ status: cairo_status_t) throws(PDFError) {
        guard status == CAIRO_STATUS_SUCCESS else {
            throw .cairo(status: String(cString: cairo_status_to_string(status)))
        }
    }
}
