import CCairo
import CPangoCairo

/// One Pango context and the settings that make measuring and drawing agree: text laid out here has the
/// same extents whether it is measured on its own or drawn on a PDF page.
///
/// Not thread-safe: a typesetter belongs to one measurer (behind a lock) or one rendering pass.
final class Typesetter {
    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    let context: OpaquePointer
    let fontFamily: String

    init(fontFamily: String) {
        self.fontFamily = fontFamily
        // A font map of our own: the default one is per thread and shared with whoever else uses Pango.
        fontMap = pango_cairo_font_map_new()
        context = pango_font_map_create_context(fontMap)
        Self.configure(context)
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(UnsafeMutableRawPointer(fontMap))
    }

    /// Settings that keep metrics linear in the font size and independent of the device transform.
    private static func configure(_ context: OpaquePointer) {
        // User space is millimetres (25.4 per inch), so a size given in points means real points.
        pango_cairo_context_set_resolution(context, 25.4)
        pango_context_set_round_glyph_positions(context, 0)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
    }

    /// A new layout (caller releases it with `release`) holding `text` set in `style` for a box
    /// `boxWidth` millimetres wide. With `isMarkup`, `text` is Pango markup, already validated.
    func makeLayout(_ text: String, style: TextStyle, boxWidth: Double, isMarkup: Bool = false) -> OpaquePointer {
        let layout = pango_layout_new(context)!
        pango_layout_set_auto_dir(layout, 1)
        let description = pango_font_description_new()
        pango_font_description_set_family(description, fontFamily)
        pango_font_description_set_weight(description, style.weight.pango)
        // Absolute size is in user-space units, millimetres here.
        pango_font_description_set_absolute_size(description, style.size * Double(PANGO_SCALE))
        pango_layout_set_font_description(layout, description)
        pango_font_description_free(description)

        let wraps = style.maxLines > 1 || style.ellipsizes
        pango_layout_set_width(layout, wraps ? Self.pangoUnits(boxWidth) : -1)
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        if style.ellipsizes {
            pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END)
            // A negative height is a limit in lines.
            pango_layout_set_height(layout, -Int32(clamping: style.maxLines))
        }
        pango_layout_set_alignment(layout, style.alignment == .centred ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT)
        if isMarkup {
            pango_layout_set_markup(layout, text, -1)
        } else {
            pango_layout_set_text(layout, text, -1)
        }
        if let lineHeight = style.lineHeight {
            // Added to whatever markup set, covering the whole text.
            let attributes =
                pango_layout_get_attributes(layout).map { pango_attr_list_ref($0) }
                ?? pango_attr_list_new()
            pango_attr_list_insert(
                attributes, pango_attr_line_height_new_absolute(Self.pangoUnits(lineHeight * style.size)))
            pango_layout_set_attributes(layout, attributes)
            pango_attr_list_unref(attributes)
        }
        return layout
    }

    /// Places a non-wrapping layout in a box so that alignment applies: a layout without a width has no
    /// room to align in, so it gets the box width once it is known to fit.
    func widen(_ layout: OpaquePointer, to boxWidth: Double) {
        if pango_layout_get_width(layout) < 0 {
            pango_layout_set_width(layout, Self.pangoUnits(boxWidth))
        }
    }

    func extent(of layout: OpaquePointer) -> TextExtent {
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        let scale = Double(PANGO_SCALE)
        let width: Double
        if pango_layout_get_width(layout) < 0 {
            width = Double(logical.width) / scale
        } else {
            // With a width set, aligned lines start at an offset; what matters is how far right they reach.
            width = Double(logical.x + logical.width) / scale
        }
        return TextExtent(
            width: width,
            height: Double(logical.height) / scale,
            lineCount: Int(pango_layout_get_line_count(layout)),
            isEllipsized: pango_layout_is_ellipsized(layout) != 0,
            isRightToLeft: pango_layout_get_direction(layout, 0) == PANGO_DIRECTION_RTL
        )
    }

    /// Whether Pango accepts `markup`; invalid markup would otherwise be drawn as nothing.
    static func isValidMarkup(_ markup: String) -> Bool {
        var error: UnsafeMutablePointer<GError>?
        let parsed = pango_parse_markup(markup, -1, 0, nil, nil, nil, &error)
        if let error { g_error_free(error) }
        return parsed != 0
    }

    func release(_ layout: OpaquePointer) {
        g_object_unref(UnsafeMutableRawPointer(layout))
    }

    static func pangoUnits(_ millimetres: Double) -> Int32 {
        Int32((millimetres * Double(PANGO_SCALE)).rounded(.down))
    }
}

extension FontWeight {
    fileprivate var pango: PangoWeight {
        switch self {
        case .regular: PANGO_WEIGHT_NORMAL
        case .semibold: PANGO_WEIGHT_SEMIBOLD
        case .bold: PANGO_WEIGHT_BOLD
        }
    }
}
