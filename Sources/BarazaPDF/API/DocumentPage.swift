/// One page of a `TextDocument`: rules, pictures, then paragraphs, each drawn in order at their positions.
public struct DocumentPage: Sendable, Hashable {
    /// The page's text.
    public var paragraphs: [Paragraph]
    /// Pictures (a logo), drawn under the text.
    public var images: [PlacedImage]
    /// Filled rectangles in dark grey: a signature line, a separator.
    public var rules: [Rect]

    /// A page holding `paragraphs`, `images` and `rules`.
    public init(paragraphs: [Paragraph] = [], images: [PlacedImage] = [], rules: [Rect] = []) {
        self.paragraphs = paragraphs
        self.images = images
        self.rules = rules
    }
}
