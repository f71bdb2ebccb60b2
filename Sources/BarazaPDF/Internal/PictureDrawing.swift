import CCairo
import CRsvg
import Foundation

/// PNG files through Cairo's own reader (libpng), fed from memory.
enum PNGStream {
    private static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The picture's size from its header, checked against the limits, after decoding it once in full so a
    /// damaged file is refused now rather than drawn as nothing.
    static func size(of data: Data) throws(ImageError) -> Size {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, Array(bytes[0..<8]) == signature, Array(bytes[12..<16]) == Array("IHDR".utf8) else {
            throw .unreadable(format: .png, detail: "no PNG header")
        }
        func word(_ offset: Int) -> Int { bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        let width = word(16)
        let height = word(20)
        guard width > 0, height > 0 else { throw .unreadable(format: .png, detail: "a side of 0 pixels") }
        guard width <= DocumentImage.maximumPixels, height <= DocumentImage.maximumPixels else {
            throw .tooManyPixels(width: width, height: height)
        }
        guard let surface = surface(from: data) else { throw .unreadable(format: .png, detail: "damaged data") }
        cairo_surface_destroy(surface)
        return Size(width: Double(width), height: Double(height))
    }

    /// The decoded picture as a Cairo image surface (the caller destroys it); nil when the data cannot be read.
    static func surface(from data: Data) -> OpaquePointer? {
        final class Reader {
            let bytes: [UInt8]
            var offset = 0
            init(_ data: Data) { bytes = [UInt8](data) }
        }
        let reader = Unmanaged.passRetained(Reader(data))
        defer { reader.release() }
        let surface = cairo_image_surface_create_from_png_stream(
            { closure, destination, length in
                let reader = Unmanaged<Reader>.fromOpaque(closure!).takeUnretainedValue()
                let count = Int(length)
                guard let destination, reader.offset + count <= reader.bytes.count else {
                    return CAIRO_STATUS_READ_ERROR
                }
                reader.bytes.withUnsafeBufferPointer { buffer in
                    destination.update(from: buffer.baseAddress! + reader.offset, count: count)
                }
                reader.offset += count
                return CAIRO_STATUS_SUCCESS
            }, reader.toOpaque())
        guard let surface, cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            if let surface { cairo_surface_destroy(surface) }
            return nil
        }
        return surface
    }

    /// Draws the PNG scaled into `frame` (user space), with smooth interpolation.
    static func draw(_ data: Data, in frame: Rect, natural: Size, on cairo: OpaquePointer) {
        guard let surface = surface(from: data) else { return }
        defer { cairo_surface_destroy(surface) }
        cairo_save(cairo)
        cairo_translate(cairo, frame.x, frame.y)
        cairo_scale(cairo, frame.width / natural.width, frame.height / natural.height)
        cairo_set_source_surface(cairo, surface, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(cairo), CAIRO_FILTER_GOOD)
        cairo_paint(cairo)
        cairo_restore(cairo)
    }
}

/// SVG files through librsvg, drawn as vectors. Handles are made from memory without a base address, so
/// references to other files (`<image href="file:...">`, `xlink:href` to another document) cannot load.
enum SVGDocument {
    /// A librsvg handle for `data`, or the parser's complaint.
    private static func handle(_ data: Data) -> Result<UnsafeMutablePointer<RsvgHandle>, ImageError> {
        var error: UnsafeMutablePointer<GError>?
        let handle = data.withUnsafeBytes { buffer in
            rsvg_handle_new_from_data(buffer.bindMemory(to: UInt8.self).baseAddress, gsize(buffer.count), &error)
        }
        guard let handle else {
            let detail = error.map { String(cString: $0.pointee.message) } ?? "librsvg refused it"
            if let error { g_error_free(error) }
            return .failure(.unreadable(format: .svg, detail: String(detail.prefix(120))))
        }
        return .success(handle)
    }

    /// The picture's natural size: its `width` and `height`, else its `viewBox`.
    static func size(of data: Data) throws(ImageError) -> Size {
        let handle = try handle(data).get()
        defer { g_object_unref(handle) }
        var width = 0.0
        var height = 0.0
        if rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) != 0, width > 0, height > 0 {
            return Size(width: width, height: height)
        }
        var hasViewBox: gboolean = 0
        var viewBox = RsvgRectangle()
        rsvg_handle_get_intrinsic_dimensions(handle, nil, nil, nil, nil, &hasViewBox, &viewBox)
        guard hasViewBox != 0, viewBox.width > 0, viewBox.height > 0 else {
            throw .unreadable(format: .svg, detail: "neither a width and height nor a viewBox")
        }
        return Size(width: viewBox.width, height: viewBox.height)
    }

    /// Whether librsvg draws the whole document without an error (tried on a recording surface).
    static func renders(_ data: Data) -> Bool {
        guard case .success(let handle) = handle(data) else { return false }
        defer { g_object_unref(handle) }
        let surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nil)
        let cairo = cairo_create(surface)
        defer {
            cairo_destroy(cairo)
            cairo_surface_destroy(surface)
        }
        var viewport = RsvgRectangle(x: 0, y: 0, width: 100, height: 100)
        var error: UnsafeMutablePointer<GError>?
        let drawn = rsvg_handle_render_document(handle, cairo, &viewport, &error) != 0
        if let error { g_error_free(error) }
        return drawn
    }

    /// Draws the SVG into `frame` (user space).
    static func draw(_ data: Data, in frame: Rect, on cairo: OpaquePointer) {
        guard case .success(let handle) = handle(data) else { return }
        defer { g_object_unref(handle) }
        var viewport = RsvgRectangle(x: frame.x, y: frame.y, width: frame.width, height: frame.height)
        var error: UnsafeMutablePointer<GError>?
        _ = rsvg_handle_render_document(handle, cairo, &viewport, &error)
        if let error { g_error_free(error) }
    }
}
