/// How far a text element may shrink, wrap and finally be cut to fit its box.
struct TextFitting {
    /// Size to start from, in millimetres of em.
    var largest: Double
    /// Smallest size on one line; below it the text wraps (when `maxLines` allows) instead.
    var smallestOnOneLine: Double
    /// Smallest size at all; text that does not fit at this size is ellipsized.
    var smallest: Double
    /// Lines allowed once the text wraps.
    var maxLines: Int
    var weight: FontWeight
    var alignment: TextAlignment = .natural
    /// Sizes are tried in steps of this much, so results are round numbers and stable across machines.
    var step: Double = 0.25

    /// The largest style whose text fits `width` × `maxHeight`, with its measured extent.
    ///
    /// Order of preference: one line shrinking from `largest` to `smallestOnOneLine`; then up to `maxLines`
    /// lines shrinking from `smallestOnOneLine` to `smallest`; then `smallest` ellipsized (fewer lines if
    /// even the ellipsized text is too tall).
    func fit(
        _ text: String, width: Double, maxHeight: Double, measurer: some TextMeasuring
    ) -> (style: TextStyle, extent: TextExtent) {
        func style(_ size: Double, lines: Int, ellipsizes: Bool = false) -> TextStyle {
            TextStyle(size: size, weight: weight, maxLines: lines, ellipsizes: ellipsizes, alignment: alignment)
        }
        func fits(_ extent: TextExtent, lines: Int) -> Bool {
            extent.width <= width && extent.height <= maxHeight && extent.lineCount <= lines
        }

        // One line. Width grows almost linearly with size, so jump straight to the estimated size, then step.
        var size = largest
        while size >= smallestOnOneLine - 1e-9 {
            let candidate = style(size, lines: 1)
            let extent = measurer.measure(text, style: candidate, boxWidth: width)
            if fits(extent, lines: 1) { return (candidate, extent) }
            let estimate = extent.width > width ? quantised(size * width / extent.width) : size - step
            size = min(size - step, estimate)
        }

        // Wrapped.
        if maxLines > 1 {
            size = smallestOnOneLine
            while size >= smallest - 1e-9 {
                let candidate = style(size, lines: maxLines)
                let extent = measurer.measure(text, style: candidate, boxWidth: width)
                if fits(extent, lines: maxLines) { return (candidate, extent) }
                size -= step
            }
        }

        // Last resort: cut with an ellipsis.
        var lines = maxLines
        while true {
            let candidate = style(smallest, lines: lines, ellipsizes: true)
            let extent = measurer.measure(text, style: candidate, boxWidth: width)
            if extent.height <= maxHeight || lines == 1 { return (candidate, extent) }
            lines -= 1
        }
    }

    private func quantised(_ size: Double) -> Double {
        (size / step).rounded(.down) * step
    }
}
