import BarazaModel
import CLibXML2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A forward-only, hardened XML reader over libxml2's `xmlTextReader`.
///
/// Memory stays flat whatever the file size: libxml2 frees each subtree once the reader has moved past it.
/// The parser never touches the network, never substitutes entities, never loads a DTD or XInclude.
/// Documents that declare or reference entities, refer to an external DTD or contain XInclude elements are
/// rejected, as is anything beyond the ``XMLLimits``.
///
/// Call ``read()`` until it returns `false`, and look at the current node through the properties, or use
/// ``next()`` for a ``XMLNode`` snapshot. The reader owns a C parser, so it is not `Sendable`: use it from one
/// task at a time. Every failure is an ``XMLImportError`` carrying the source name, line and column.
public final class XMLStreamReader {
    /// The file path or name given at creation; errors use it.
    public let sourceName: String
    /// The limits in force.
    public let limits: XMLLimits

    let reader: xmlTextReaderPtr
    private let sink: LibXMLErrorSink
    private var fileDescriptor: Int32 = -1
    private var buffer: UnsafeMutableRawBufferPointer?
    private var currentKind: XMLNodeKind = .whitespace
    private var pendingEnd = false
    private var checkedDocumentType = false
    private var hasNode = false

    /// Opens a file for streaming. The file is read through a descriptor, so libxml2's transparent gzip
    /// decompression never applies.
    /// - Parameter dropsBlankText: drop whitespace-only text between elements (`XML_PARSE_NOBLANKS`); the
    ///   whitespace that is an element's only content is kept.
    public convenience init(contentsOf path: String, limits: XMLLimits = .default, dropsBlankText: Bool = false) throws
    {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw XMLImportError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        LibXMLRuntime.prepare()
        guard let reader = xmlReaderForFd(fd, path, nil, LibXMLRuntime.options(dropsBlankText: dropsBlankText)) else {
            close(fd)
            throw XMLImportError.unreadable(path: path, reason: "libxml2 could not create a reader")
        }
        self.init(reader: reader, sourceName: path, limits: limits)
        fileDescriptor = fd
    }

    /// Streams a document held in memory; `sourceName` names it in errors.
    public convenience init(
        bytes: some Collection<UInt8>, sourceName: String, limits: XMLLimits = .default, dropsBlankText: Bool = false
    ) throws {
        let count = bytes.count
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(count, 1), alignment: 1)
        _ = storage.initializeMemory(as: UInt8.self, from: bytes)
        LibXMLRuntime.prepare()
        let base = storage.baseAddress!.assumingMemoryBound(to: CChar.self)
        let options = LibXMLRuntime.options(dropsBlankText: dropsBlankText)
        guard let reader = xmlReaderForMemory(base, Int32(clamping: count), sourceName, nil, options) else {
            storage.deallocate()
            throw XMLImportError.unreadable(path: sourceName, reason: "libxml2 could not create a reader")
        }
        self.init(reader: reader, sourceName: sourceName, limits: limits)
        buffer = storage
    }

    private init(reader: xmlTextReaderPtr, sourceName: String, limits: XMLLimits) {
        self.reader = reader
        self.sourceName = sourceName
        self.limits = limits
        self.sink = LibXMLErrorSink(sourceName: sourceName)
        xmlTextReaderSetStructuredErrorHandler(reader, libXMLErrorSinkHandler, sink.context)
    }

    deinit {
        xmlFreeTextReader(reader)
        if fileDescriptor >= 0 { close(fileDescriptor) }
        buffer?.deallocate()
    }

    // MARK: Moving

    /// Moves to the next element start, element end or character-data node.
    /// - Returns: `false` at the end of the document.
    /// - Throws: ``XMLImportError`` for malformed XML, forbidden constructs or exceeded limits.
    public func read() throws -> Bool {
        if pendingEnd {
            pendingEnd = false
            currentKind = .elementEnd
            return true
        }
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 {
                hasNode = false
                if let error = sink.firstError { throw error }
                return false
            }
            if status < 0 {
                hasNode = false
                throw sink.firstError ?? .malformed(parserLocation, message: "the parser stopped")
            }
            hasNode = true
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                try checkElement()
                currentKind = .elementStart
                if xmlTextReaderIsEmptyElement(reader) == 1 { pendingEnd = true }
                return true
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                currentKind = .elementEnd
                return true
            case Int32(XML_READER_TYPE_TEXT.rawValue):
                try checkTextSize()
                currentKind = .text
                return true
            case Int32(XML_READER_TYPE_CDATA.rawValue):
                try checkTextSize()
                currentKind = .cdata
                return true
            case Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                try checkTextSize()
                currentKind = .whitespace
                return true
            case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue), Int32(XML_READER_TYPE_ENTITY.rawValue),
                Int32(XML_READER_TYPE_END_ENTITY.rawValue):
                throw XMLImportError.entitiesNotAllowed(parserLocation)
            case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
                try checkDocumentType()
            default:
                continue  // comments, processing instructions
            }
        }
    }

    /// Reads the next node and returns a snapshot of it, or nil at the end of the document.
    public func next() throws -> XMLNode? {
        guard try read() else { return nil }
        let isElement = currentKind == .elementStart || currentKind == .elementEnd
        return XMLNode(
            kind: currentKind,
            name: isElement ? name : "",
            localName: isElement ? localName : "",
            namespaceURI: isElement ? namespaceURI : nil,
            text: isElement ? "" : text,
            attributes: currentKind == .elementStart ? attributes() : [],
            depth: depth,
            line: line,
            column: nil
        )
    }

    // MARK: The current node

    /// The kind of the current node.
    public var kind: XMLNodeKind { currentKind }

    /// Qualified name of the current element (e.g. `orx:meta`).
    public var name: String { Self.string(xmlTextReaderConstName(reader)) }

    /// Local name of the current element (e.g. `meta`).
    public var localName: String { Self.string(xmlTextReaderConstLocalName(reader)) }

    /// Namespace URI of the current element, nil when none.
    public var namespaceURI: String? { xmlTextReaderConstNamespaceUri(reader).map { String(cString: $0) } }

    /// Character data of the current text, CDATA or whitespace node.
    public var text: String { Self.string(xmlTextReaderConstValue(reader)) }

    /// Depth of the current node: the root element is 0.
    public var depth: Int { Int(xmlTextReaderDepth(reader)) }

    /// The line libxml2 recorded for the current node, 0 when unknown.
    ///
    /// Elements keep their line in 16 bits: past line 65,535 an element start reads 0 (unknown) until libxml2 can
    /// recover it from parsed children, which streaming has not seen yet. Text nodes always know their line.
    public var line: Int {
        guard hasNode, let node = xmlTextReaderCurrentNode(reader) else { return 0 }
        let number = Int(xmlGetLineNo(node))
        return number >= 65_535 && currentKind == .elementStart ? 0 : max(number, 0)
    }

    /// Whether the current element start was written `<a/>` (its end follows immediately).
    public var isEmptyElement: Bool { currentKind == .elementStart && pendingEnd }

    /// Attributes of the current element start, namespace declarations excluded.
    public func attributes() -> [XMLAttribute] {
        guard currentKind == .elementStart, xmlTextReaderHasAttributes(reader) == 1 else { return [] }
        var result: [XMLAttribute] = []
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
            result.append(
                XMLAttribute(
                    name: name, localName: localName, namespaceURI: namespaceURI,
                    value: Self.string(xmlTextReaderConstValue(reader))))
        }
        xmlTextReaderMoveToElement(reader)
        return result
    }

    /// The value of one attribute of the current element start, or nil when absent.
    /// - Parameters:
    ///   - localName: the attribute name without prefix (with no namespace: the name as written).
    ///   - namespaceURI: the attribute's namespace, nil for an unqualified attribute.
    public func attribute(_ localName: String, namespaceURI: String? = nil) -> String? {
        guard currentKind == .elementStart else { return nil }
        let found: Int32
        if let namespaceURI {
            found = xmlTextReaderMoveToAttributeNs(reader, localName, namespaceURI)
        } else {
            found = xmlTextReaderMoveToAttribute(reader, localName)
        }
        guard found == 1 else { return nil }
        let value = Self.string(xmlTextReaderConstValue(reader))
        xmlTextReaderMoveToElement(reader)
        return value
    }

    /// Where the parser stands now: at or shortly after the current node.
    public var parserLocation: SourceLocation {
        SourceLocation(
            file: sourceName,
            line: Int(xmlTextReaderGetParserLineNumber(reader)),
            column: Int(xmlTextReaderGetParserColumnNumber(reader)))
    }

    // MARK: Fast access for this module's readers

    /// Interned name pointers: stable for the reader's lifetime, so callers may cache by address.
    var rawLocalName: UnsafePointer<xmlChar>? { xmlTextReaderConstLocalName(reader) }
    var rawNamespaceURI: UnsafePointer<xmlChar>? { xmlTextReaderConstNamespaceUri(reader) }
    /// The current character data as UTF-8 bytes, valid until the next `read()`.
    private(set) var rawText = UnsafeBufferPointer<UInt8>(start: nil, count: 0)

    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    // MARK: Checks

    /// Compares in C so that ordinary namespaced elements cost no `String`.
    private static func isXIncludeNamespace(_ uri: UnsafePointer<xmlChar>) -> Bool {
        let text = UnsafeRawPointer(uri).assumingMemoryBound(to: CChar.self)
        return strcmp(text, "http://www.w3.org/2001/XInclude") == 0
            || strcmp(text, "http://www.w3.org/2003/XInclude") == 0
    }

    private func checkElement() throws {
        if Int(xmlTextReaderDepth(reader)) + 1 > limits.maxDepth {
            throw XMLImportError.limitExceeded(parserLocation, kind: .depth, limit: limits.maxDepth)
        }
        if let name = xmlTextReaderConstName(reader),
            strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self)) > limits.maxNameLength
        {
            throw XMLImportError.limitExceeded(parserLocation, kind: .nameLength, limit: limits.maxNameLength)
        }
        if !checkedDocumentType {
            // By the time the root element is reported the whole internal subset has been parsed.
            try checkDocumentType()
        }
        if let uri = xmlTextReaderConstNamespaceUri(reader), Self.isXIncludeNamespace(uri) {
            throw XMLImportError.xincludeNotAllowed(parserLocation)
        }
        if xmlTextReaderHasAttributes(reader) == 1 {
            let count = Int(xmlTextReaderAttributeCount(reader))
            if count > limits.maxAttributes {
                throw XMLImportError.limitExceeded(parserLocation, kind: .attributeCount, limit: limits.maxAttributes)
            }
            while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                if let name = xmlTextReaderConstName(reader),
                    strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self)) > limits.maxNameLength
                {
                    xmlTextReaderMoveToElement(reader)
                    throw XMLImportError.limitExceeded(parserLocation, kind: .nameLength, limit: limits.maxNameLength)
                }
            }
            xmlTextReaderMoveToElement(reader)
        }
    }

    private func checkTextSize() throws {
        guard let value = xmlTextReaderConstValue(reader) else {
            rawText = UnsafeBufferPointer(start: nil, count: 0)
            return
        }
        let length = strlen(UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self))
        rawText = UnsafeBufferPointer(start: value, count: length)
        if length > limits.maxTextBytes {
            throw XMLImportError.limitExceeded(parserLocation, kind: .textSize, limit: limits.maxTextBytes)
        }
    }

    /// Rejects external DTDs and any entity declarations. Reads the document's DTD nodes directly:
    /// `xmlTextReaderCurrentDoc` would switch the reader to keeping the whole tree.
    private func checkDocumentType() throws {
        checkedDocumentType = true
        guard let node = xmlTextReaderCurrentNode(reader), let document = node.pointee.doc else { return }
        if let external = document.pointee.extSubset {
            _ = external
            throw XMLImportError.externalDTDNotAllowed(parserLocation)
        }
        guard let subset = document.pointee.intSubset else { return }
        if subset.pointee.ExternalID != nil || subset.pointee.SystemID != nil {
            throw XMLImportError.externalDTDNotAllowed(parserLocation)
        }
        if subset.pointee.entities != nil || subset.pointee.pentities != nil {
            throw XMLImportError.entitiesNotAllowed(parserLocation)
        }
    }
}
