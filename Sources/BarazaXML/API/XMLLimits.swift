/// Resource limits applied while parsing untrusted XML.
///
/// Each limit turns into an ``XMLImportError/limitExceeded(_:kind:limit:)`` error naming the limit.
/// libxml2 applies its own, similar caps as well (depth 256, text 10 MB) because `XML_PARSE_HUGE` is never set.
public struct XMLLimits: Sendable, Hashable {
    /// Deepest element nesting allowed (the root element is depth 1).
    public var maxDepth: Int
    /// Longest element or attribute name, in UTF-8 bytes.
    public var maxNameLength: Int
    /// Largest single text or CDATA node, in UTF-8 bytes.
    public var maxTextBytes: Int
    /// Most attributes on one element (namespace declarations included).
    public var maxAttributes: Int
    /// Largest document parsed whole into memory (XPath documents), in bytes.
    public var maxDocumentBytes: Int

    /// Creates limits; the defaults suit registration exports.
    public init(
        maxDepth: Int = 256,
        maxNameLength: Int = 1_000,
        maxTextBytes: Int = 10_000_000,
        maxAttributes: Int = 256,
        maxDocumentBytes: Int = 64_000_000
    ) {
        self.maxDepth = maxDepth
        self.maxNameLength = maxNameLength
        self.maxTextBytes = maxTextBytes
        self.maxAttributes = maxAttributes
        self.maxDocumentBytes = maxDocumentBytes
    }

    /// The default limits.
    public static let `default` = XMLLimits()
}
