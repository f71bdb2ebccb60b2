/// Which resource limit an input went over; see ``XMLLimits``.
public enum XMLLimitKind: String, Sendable, Hashable {
    /// Element nesting depth.
    case depth
    /// Length in bytes of an element or attribute name.
    case nameLength
    /// Size in bytes of one text or CDATA node.
    case textSize
    /// Number of attributes on one element.
    case attributeCount
    /// Size in bytes of a whole document that must be held in memory (XPath documents, archive parts).
    case documentSize
}
