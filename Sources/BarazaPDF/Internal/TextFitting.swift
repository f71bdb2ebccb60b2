/// How far a text element may shrink, wrap and finally be cut to fit its box.
struct TextFitting {
    /// The chosen style, its measured extent, and the width to wrap at (narrower than the box offered when
    /// wrapped lines are balanced).
    typealias Fitted = (style: TextStyle, extent: TextExtent, width: Double)

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
    /// Baseline distance (multiple of the size) for wrapped text; see `TextStyle.lineHeight`.
    var wrappedLineHeight: Double? = nil
    /// Sizes are tried in steps of this much, so results are round numbers and stable across machines.
    var step: Double = 0.25

    /// The largest style whose text fits `width` × `maxHeight`, with its measured extent.
    ///
    /// Order of preference: one line shrinking from `largest` to `smallestOnOneLine`; then two lines, then
    /// three and so on up to `maxLines`, each shrinking from `smallestOnOneLine` to `smallest`, with lines
    /// balanced so the last is not a lone short word; then `smallest` ellipsized (fewer lines if even that is
    /// too tall).
    func fit(_ text: String, width: Double, maxHeight: Double, measurer: some TextMeasuring) -> Fitted {
        func style(_ size: Double, lines: Int, ellipsizes: Bool = false) -> TextStyle {
            TextStyle(
                size: size, weight: weight, maxLines: lines, ellipsizes: ellipsizes, alignment: alignment,
                lineHeight: lines > 1 ? wrappedLineHeight : nil)
        }
        func fits(_ extent: TextExtent, lines: Int, width: Double) -> Bool {
            extent.width <= width && extent.height <= maxHeight && extent.lineCount <= lines
        }

        // One line. Width grows almost linearly with size, so jump straight to the estimated size, then step.
        var size = largest
        while size >= smallestOnOneLine - 1e-9 {
            let candidate = style(size, lines: 1)
            let extent = measurer.measure(text, style: candidate, boxWidth: width)
            if fits(extent, lines: 1, width: width) { return (candidate, extent, width) }
            let estimate = extent.width > width ? quantised(size * width / extent.width) : size - step
            size = min(size - step, estimate)
        }

        // Wrapped: fewer lines first (two lines at a smaller size read better than three at a larger one),
        // each shrinking from `smallestOnOneLine` to `smallest`.
        for lines in stride(from: 2, through: maxLines, by: 1) {
            size = smallestOnOneLine
            while size >= smallest - 1e-9 {
                let candidate = style(size, lines: lines)
                let extent = measurer.measure(text, style: candidate, boxWidth: width)
                if fits(extent, lines: lines, width: width) {
                    return balanced(text, style: candidate, extent: extent, width: width, measurer: measurer)
                }
                size -= step
            }
        }

        // Last resort: cut with an ellipsis.
        var lines = maxLines
        while true {
            let candidate = style(smallest, lines: lines, ellipsizes: true)
            let extent = measurer.measure(text, style: candidate, boxWidth: width)
            if extent.height <= maxHeight || lines == 1 { return (candidate, extent, width) }
            lines -= 1
        }
    }

    /// The narrowest wrapping width (to a tenth of a millimetre) that keeps the same number of lines:
    /// greedy wrapping fills the first line and can leave one short word on the last.
    private func balanced(
        _ text: String, style: TextStyle, extent: TextExtent, width: Double, measurer: some TextMeasuring
    ) -> Fitted {
        var best = (extent: extent, width: width)
        var narrow = width / Double(extent.lineCount + 1)
        var wide = width
        while wide - narrow > 0.1 {
            let middle = (narrow + wide) / 2
            let trial = measurer.measure(text, style: style, boxWidth: middle)
            if trial.lineCount <= extent.lineCount && trial.width <= middle && trial.height <= extent.height {
                best = (trial, middle)
                wide = middle
            } else {
                narrow = middle
            }
        }
        return (style, best.extent, best.width)
    }

    private func quantised(_ size: Double) -> Double {
        (size / step).rounded(.down) * step
    }
}
