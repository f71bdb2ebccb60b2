import CCairo

/// Draws laid-out badges on a canvas.
enum BadgeDrawing {
    /// Draws `layout` and `code` in card coordinates (the caller sets the transform).
    static func draw(_ layout: BadgeLayout, code: QRCode, on canvas: PDFCanvas) {
        canvas.fill(layout.band, colour: layout.roleColour)
        if let stripe = layout.secondRoleStripe, let colour = layout.secondRoleColour {
            canvas.fill(stripe, colour: colour)
        }
        canvas.fill(layout.accentRule, colour: layout.roleColour)
        for text in layout.texts {
            switch text.element {
            case .displayName, .organisation, .place:
                canvas.clipped(to: BadgeLayout.textArea) {
                    canvas.draw(text.text, style: text.style, in: text.box, colour: text.colour)
                }
            case .eventTitle, .secondaryTitle, .role:
                canvas.draw(text.text, style: text.style, in: text.box, colour: text.colour)
            }
        }
        drawQRCode(code, in: layout.qrCode, on: canvas)
    }

    /// The symbol as a one-bit stencil: a `size` × `size` image mask, one pixel per module, scaled up to the box
    /// without interpolation and filled with black. Cairo writes it as a PDF `/ImageMask` of a few dozen bytes,
    /// which printers and viewers render with hard edges like any fill. Drawn as vector rectangles instead, the
    /// codes made up nine tenths of a sheet's bytes and over half of its rendering time.
    static func drawQRCode(_ code: QRCode, in box: Rect, on canvas: PDFCanvas) {
        let size = Int32(code.size)
        guard let stencil = cairo_image_surface_create(CAIRO_FORMAT_A1, size, size) else { return }
        defer { cairo_surface_destroy(stencil) }
        cairo_surface_flush(stencil)
        guard let data = cairo_image_surface_get_data(stencil) else { return }
        let stride = Int(cairo_image_surface_get_stride(stencil))
        for row in 0..<code.size {
            // A1 packs pixels into native-endian 32-bit words; the first pixel is the least significant bit on a
            // little-endian machine and the most significant on a big-endian one. Rows are zero-filled.
            let words = UnsafeMutableRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
            for column in 0..<code.size where code[row, column] {
                #if _endian(little)
                    words[column / 32] |= 1 << UInt32(column % 32)
                #else
                    words[column / 32] |= 1 << UInt32(31 - column % 32)
                #endif
            }
        }
        cairo_surface_mark_dirty(stencil)

        let cairo = canvas.cairo
        cairo_save(cairo)
        cairo_translate(cairo, box.x, box.y)
        cairo_scale(cairo, box.width / Double(code.size), box.height / Double(code.size))
        canvas.setColour(.black)
        let pattern = cairo_pattern_create_for_surface(stencil)
        cairo_pattern_set_filter(pattern, CAIRO_FILTER_NEAREST)
        cairo_mask(cairo, pattern)
        cairo_pattern_destroy(pattern)
        cairo_restore(cairo)
    }

    /// Short hairlines along the extension of each edge, starting `offset` outside the corner.
    static func drawCropMarks(around frame: Rect, on canvas: PDFCanvas) {
        let offset = 2.0
        let length = 3.0
        let cairo = canvas.cairo
        cairo_new_path(cairo)
        for x in [frame.x, frame.maxX] {
            cairo_move_to(cairo, x, frame.y - offset)
            cairo_line_to(cairo, x, frame.y - offset - length)
            cairo_move_to(cairo, x, frame.maxY + offset)
            cairo_line_to(cairo, x, frame.maxY + offset + length)
        }
        for y in [frame.y, frame.maxY] {
            cairo_move_to(cairo, frame.x - offset, y)
            cairo_line_to(cairo, frame.x - offset - length, y)
            cairo_move_to(cairo, frame.maxX + offset, y)
            cairo_line_to(cairo, frame.maxX + offset + length, y)
        }
        canvas.setColour(.black)
        cairo_set_line_width(cairo, 0.1)
        cairo_stroke(cairo)
    }
}
