@testable import BarazaPDF

/// A measurer as simple as a typewriter: every character is `advance` ems wide, every line 1.25 ems
/// high, wrapping at spaces (or anywhere, for a word wider than the box). It lets the fitting rules be
/// checked with numbers worked out by hand.
struct FixedAdvanceMeasurer: TextMeasuring {
    var advance = 0.5

    func measure(_ text: String, style: TextStyle, boxWidth: Double) -> TextExtent {
        let characterWidth = advance * style.size
        let lineHeight = 1.25 * style.size
        let natural = Double(text.count) * characterWidth
        if style.maxLines == 1 && !style.ellipsizes {
            return TextExtent(width: natural, height: lineHeight, lineCount: 1)
        }
        let perLine = max(1, Int((boxWidth / characterWidth).rounded(.down)))
        var lines: [Int] = []
        var current = 0
        for word in text.split(separator: " ") {
            let length = word.count
            let needed = current == 0 ? length : current + 1 + length
            if needed <= perLine {
                current = needed
            } else {
                if current > 0 { lines.append(current) }
                var rest = length
                while rest > perLine {
                    lines.append(perLine)
                    rest -= perLine
                }
                current = rest
            }
        }
        if current > 0 { lines.append(current) }
        var ellipsized = false
        if style.ellipsizes && lines.count > style.maxLines {
            lines = Array(lines.prefix(style.maxLines))
            ellipsized = true
        }
        let widest = Double(lines.max() ?? 0) * characterWidth
        return TextExtent(
            width: widest, height: Double(max(lines.count, 1)) * lineHeight, lineCount: max(lines.count, 1),
            isEllipsized: ellipsized)
    }
}
