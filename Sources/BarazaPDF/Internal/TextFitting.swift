/// How far a text element may shrink, wrap and finally be cut to fit its box.
struct TextFitting {
    /// The text to set (the text given, or the part of it that could ever be shown followed by "…"), the chosen
    /// style, its measured extent, and the width to wrap at (narrower than the box offered when wrapped lines
    /// are balanced).
    typealias Fitted = (text: String, style: TextStyle, extent: TextExtent, width: Double)

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
    ///
    /// The cost does not grow with the text beyond what the box can show: a text with more characters than
    /// `visibleLimit(width:)` cannot fit uncut at any size, so only that many characters and an ellipsis are
    /// handed to the measurer, at the smallest size. Measuring each candidate size of a 20,000-character name
    /// made fitting quadratic in the name's length.
    func fit(_ text: String, width: Double, maxHeight: Double, measurer: some TextMeasuring) -> Fitted {
        if let shown = Self.prefix(of: text, characters: visibleLimit(width: width)) {
            return ellipsized(shown + "…", width: width, maxHeight: maxHeight, measurer: measurer)
        }
        return fitWhole(text, width: width, maxHeight: maxHeight, measurer: measurer)
    }

    /// No visible character is narrower than this, in ems: Noto Sans' narrowest glyphs (hair space, dotless ı,
    /// the apostrophe) are 0.1 to 0.26 em wide, and fallback fonts are no narrower. Zero-width characters
    /// (joiners, invisible formatting) show nothing, so a text made of them is not worth more.
    static let narrowestAdvance = 0.08

    /// More characters (grapheme clusters) than `maxLines` lines of `width` can show at the smallest size.
    func visibleLimit(width: Double) -> Int {
        Self.visibleLimit(lines: maxLines, width: width, size: smallest)
    }

    /// More characters than `lines` lines `width` millimetres wide can show at `size`.
    static func visibleLimit(lines: Int, width: Double, size: Double) -> Int {
        Int((Double(lines) * max(width, 0) / (narrowestAdvance * max(size, 0.1))).rounded(.up)) + 1
    }

    /// Scalars a character may carry before the rest is cut: a base letter with a few accents is 2 to 4; one
    /// "character" of a million combining marks must not reach Pango whole.
    static let scalarsPerCharacter = 8

    /// The first `characters` characters of `text`, or nil when it has no more than that (and no character of
    /// more than `scalarsPerCharacter` scalars on average). Costs O(`characters`) whatever the text's length.
    static func prefix(of text: String, characters: Int) -> String? {
        let scalars = text.unicodeScalars
        let budget = characters * scalarsPerCharacter
        let end = scalars.index(scalars.startIndex, offsetBy: budget, limitedBy: scalars.endIndex) ?? scalars.endIndex
        let bounded = end == scalars.endIndex ? text : String(scalars[..<end])
        guard let cut = bounded.index(bounded.startIndex, offsetBy: characters, limitedBy: bounded.endIndex),
            cut < bounded.endIndex
        else { return end == scalars.endIndex ? nil : bounded }
        return String(bounded[..<cut])
    }

    private func fitWhole(_ text: String, width: Double, maxHeight: Double, measurer: some TextMeasuring) -> Fitted {
        func style(_ size: Double, lines: Int) -> TextStyle {
            TextStyle(
                size: size, weight: weight, maxLines: lines, alignment: alignment,
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
            if fits(extent, lines: 1, width: width) { return (text, candidate, extent, width) }
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

        return ellipsized(text, width: width, maxHeight: maxHeight, measurer: measurer)
    }

    /// The last resort: `text` at the smallest size, cut with an ellipsis after as many lines as fit the height.
    private func ellipsized(_ text: String, width: Double, maxHeight: Double, measurer: some TextMeasuring)
        -> Fitted
    {
        var lines = maxLines
        while true {
            let candidate = TextStyle(
                size: smallest, weight: weight, maxLines: lines, ellipsizes: true, alignment: alignment,
                lineHeight: lines > 1 ? wrappedLineHeight : nil)
            let extent = measurer.measure(text, style: candidate, boxWidth: width)
            if extent.height <= maxHeight || lines == 1 { return (text, candidate, extent, width) }
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
        return (text, style, best.extent, best.width)
    }

    private func quantised(_ size: Double) -> Double {
        (size / step).rounded(.down) * step
    }
}
