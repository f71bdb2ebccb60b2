/// One page of a `TextDocument`: paragraphs drawn in order at their positions.
public struct DocumentPage: Sendable, Hashable {
    /// The page's text.
    public var paragraphs: [Paragraph]

    /// A page holding `paragraphs`.
    public init(paragraphs: [Paragraph] = []) {
        self.paragraphs = paragraphs
    }
}
