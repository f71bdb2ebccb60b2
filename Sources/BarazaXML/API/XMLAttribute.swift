/// One attribute of an element, namespace declarations excluded.
public struct XMLAttribute: Sendable, Hashable {
    /// The qualified name as written, e.g. `ss:Index`.
    public var name: String
    /// The name without its prefix, e.g. `Index`.
    public var localName: String
    /// The namespace URI, or nil when the attribute is not in a namespace.
    public var namespaceURI: String?
    /// The attribute value with references decoded.
    public var value: String

    /// Creates an attribute.
    public init(name: String, localName: String, namespaceURI: String?, value: String) {
        self.name = name
        self.localName = localName
        self.namespaceURI = namespaceURI
        self.value = value
    }
}
