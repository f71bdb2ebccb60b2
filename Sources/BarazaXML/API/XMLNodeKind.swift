/// The kinds of node ``XMLStreamReader`` reports. Comments, processing instructions and the DOCTYPE are skipped.
public enum XMLNodeKind: Sendable, Hashable {
    /// An element start tag. An empty element (`<a/>`) is reported as a start followed by an end.
    case elementStart
    /// An element end tag.
    case elementEnd
    /// Character data, with references such as `&#233;` already decoded.
    case text
    /// A CDATA section's content.
    case cdata
    /// Whitespace-only character data between elements.
    case whitespace
}
