import CCairo

/// Draws laid-out badges on a canvas.
enum BadgeDrawing {
    /// Draws `layout` and `code` in card coordinates (the caller sets the transform).
    static func draw(_ layout: BadgeLayout, code: QRCode, on canvas: PDFCanvas) {
        canvas.fill(layout.band, colour: layout.roleColour)
        canvas.fill(layout.accentRule, colour: layout.roleColour)
        for text in layout.texts {
            canvas.draw(text.text, style: text.style, in: text.box, colour: text.colour)
        }
        drawQRCode(code, in: layout.qrCode, on: canvas)
    }

    /// Each run of dark modules in a row becomes one rectangle, all filled in a single path: fewer PDF
    /// operators than a square per module, and no hairline seams between neighbouring modules.
    static func drawQRCode(_ code: QRCode, in box: Rect, on canvas: PDFCanvas) {
        let module = box.width / Double(code.size)
        let cairo = canvas.cairo
        cairo_new_path(cairo)
        for row in 0..<code.size {
            var column = 0
            while column < code.size {
                guard code[row, column] else {
                    column += 1
                    continue
                }
                let start = column
                while column < code.size && code[row, column] { column += 1 }
                cairo_rectangle(
                    cairo, box.x + Double(start) * module, box.y + Double(row) * module,
                    Double(column - start) * module, module)
            }
        }
        canvas.setColour(.black)
        cairo_fill(cairo)
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
