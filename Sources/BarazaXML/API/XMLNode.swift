/// A snapshot of one node read by ``XMLStreamReader``.
public struct XMLNode: Sendable, Hashable {
    /// What kind of node this is.
    public var kind: XMLNodeKind
    /// Qualified element name for elements, empty for character data.
    public var name: String
    /// Element name without its prefix, empty for character data.
    public var localName: String
    /// Element namespace URI, nil when none.
    public var namespaceURI: String?
    /// Character data for text, CDATA and whitespace nodes; empty for elements.
    public var text: String
    /// Attributes of an element start (empty otherwise).
    public var attributes: [XMLAttribute]
    /// Nesting depth: the root element is 0, its children and its text are 1.
    public var depth: Int
    /// 1-based line where libxml2 recorded the node (0 when unknown).
    public var line: Int
    /// libxml2 keeps no column for nodes while streaming, so this is `nil`; errors carry exact columns.
    public var column: Int?

    /// Creates a node snapshot.
    public init(
        kind: XMLNodeKind, name: String, localName: String, namespaceURI: String?, text: String,
        attributes: [XMLAttribute], depth: Int, line: Int, column: Int?
    ) {
        self.kind = kind
        self.name = name
        self.localName = localName
        self.namespaceURI = namespaceURI
        self.text = text
        self.attributes = attributes
        self.depth = depth
        self.line = line
        self.column = column
    }
}
