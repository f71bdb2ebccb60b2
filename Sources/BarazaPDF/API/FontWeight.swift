/// The weights the PDF layer uses; the font family must provide them or fontconfig synthesises them.
public enum FontWeight: Sendable, Hashable {
    /// Body text (400).
    case regular
    /// Between regular and bold (600).
    case semibold
    /// Bold (700).
    case bold
}
