/// Measures text as the renderer will set it, so that layout can be computed (and tested) without drawing.
///
/// `PangoTextMeasurer` is the production implementation; tests may supply a simpler one.
public protocol TextMeasuring: Sendable {
    /// The extent of `text` set in `style`, wrapped (if the style allows more than one line, or ellipsizes)
    /// at `boxWidth` millimetres.
    ///
    /// For a one-line style that does not ellipsize, the text is not wrapped and the width is its natural
    /// width, which may exceed `boxWidth`.
    func measure(_ text: String, style: TextStyle, boxWidth: Double) -> TextExtent
}
