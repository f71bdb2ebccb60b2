/// Document information written into every PDF this module produces.
///
/// There is deliberately no date: a creation date would make every run's bytes differ.
public struct PDFMetadata: Sendable, Hashable {
    /// The document title shown by PDF viewers.
    public var title: String
    /// The application that made the document.
    public var creator: String

    /// Metadata with `title`; the creator is "Baraza" unless given.
    public init(title: String, creator: String = "Baraza") {
        self.title = title
        self.creator = creator
    }
}
