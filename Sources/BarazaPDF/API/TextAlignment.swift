/// Horizontal placement of lines inside their box.
public enum TextAlignment: Sendable, Hashable {
    /// Start of the paragraph's writing direction: left for Latin, right for Arabic (Pango's auto direction).
    case natural
    /// Centred in the box.
    case centred
}
