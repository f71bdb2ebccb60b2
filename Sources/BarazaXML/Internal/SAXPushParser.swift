import BarazaModel
import CLibXML2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Receives the events of a ``SAXPushParser``, in document order.
protocol SAXEventHandler: AnyObject {
    /// An element starts; a thrown error stops the parse and is reported by ``SAXPushParser/parseNextChunk()``.
    func startElement(_ element: SAXElement) throws(XMLImportError)
    /// The innermost open element ends.
    func endElement()
    /// Character data (text, CDATA, character references, whitespace), possibly in several pieces.
    func characters(_ bytes: UnsafeBufferPointer<UInt8>)
}

/// An element start as libxml2's SAX2 interface reports it. Valid only during the callback.
struct SAXElement {
    /// The local name, interned in the parser's dictionary: the pointer is stable for the parser's lifetime.
    let localName: UnsafePointer<xmlChar>
    /// The namespace URI, or nil.
    let namespaceURI: UnsafePointer<xmlChar>?
    /// Five pointers per attribute: local name, prefix, URI, value start, value end.
    let attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    let attributeCount: Int
    /// Nesting depth: the root element is 0.
    let depth: Int
    /// The line the parser is on (that of the start tag's end).
    let line: Int

    /// The value of an attribute without namespace, or nil.
    func attribute(_ name: StaticString) -> String? {
        guard let attributes else { return nil }
        for index in 0..<attributeCount {
            let base = attributes + 5 * index
            guard base[2] == nil, let local = base[0],
                strcmp(
                    UnsafeRawPointer(local).assumingMemoryBound(to: CChar.self),
                    UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
            else { continue }
            return attributeValue(index)
        }
        return nil
    }

    /// The value of attribute `index`. Without entity substitution, libxml2's SAX2 interface hands over a value's
    /// `&` (written `&amp;` or `&#38;`) as the text `&#38;`, which no other input can produce (a literal `&` is not
    /// well-formed): it is turned back into `&` here.
    func attributeValue(_ index: Int) -> String {
        let base = attributes! + 5 * index
        guard let start = base[3], let end = base[4] else { return "" }
        let raw = UnsafeBufferPointer(start: start, count: end - start)
        guard raw.contains(UInt8(ascii: "&")) else { return String(decoding: raw, as: UTF8.self) }
        let escapedAmpersand: [UInt8] = Array("&#38;".utf8)
        var bytes: [UInt8] = []
        var index = 0
        while index < raw.count {
            if raw[index] == UInt8(ascii: "&") && raw[index...].starts(with: escapedAmpersand) {
                bytes.append(UInt8(ascii: "&"))
                index += escapedAmpersand.count
            } else {
                bytes.append(raw[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A hardened streaming parser over libxml2's SAX2 push interface, for large files read once.
///
/// It applies the same rules as ``XMLStreamReader`` (no network, no entity substitution, no DTD loading, no
/// XInclude; the ``XMLLimits`` on depth, names, attributes and text) but builds no tree at all: libxml2 calls back
/// for each element and piece of text, which is about twice as fast as the reader interface on large exports.
/// The file is fed in chunks of ``chunkSize`` bytes, so memory does not follow its size. Errors carry the source
/// name, line and column.
final class SAXPushParser {
    /// Bytes handed to libxml2 per call, by default.
    static let chunkSize = 256 * 1024

    let sourceName: String
    let limits: XMLLimits
    private unowned(unsafe) let handler: any SAXEventHandler
    private let sink: LibXMLErrorSink
    private var context: xmlParserCtxtPtr?
    private var input: Input
    private var buffer: UnsafeMutableRawBufferPointer
    private var finished = false
    private var depth = 0
    /// Bytes of character data since the last element boundary.
    private var textRun = 0
    /// The first error raised from a callback; libxml2 is stopped when it is set.
    private var failure: XMLImportError?
    /// Whether `failure` is set (a plain flag is cheaper to test on every event).
    private var stopped = false

    private enum Input {
        case file(descriptor: Int32)
        case memory(UnsafeMutableRawBufferPointer, offset: Int)
    }

    /// Parses the file at `path`, read through a descriptor (libxml2's transparent gzip decompression never applies).
    init(
        contentsOf path: String, limits: XMLLimits, handler: any SAXEventHandler,
        chunkSize: Int = SAXPushParser.chunkSize
    ) throws(XMLImportError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        self.input = .file(descriptor: descriptor)
        self.sourceName = path
        self.limits = limits
        self.handler = handler
        self.sink = LibXMLErrorSink(sourceName: path)
        self.buffer = .allocate(byteCount: max(chunkSize, 4), alignment: 16)
    }

    /// Parses a copy of `bytes`; `sourceName` names it in errors.
    init(
        bytes: some Collection<UInt8>, sourceName: String, limits: XMLLimits, handler: any SAXEventHandler,
        chunkSize: Int = SAXPushParser.chunkSize
    ) {
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        _ = storage.initializeMemory(as: UInt8.self, from: bytes)
        self.input = .memory(UnsafeMutableRawBufferPointer(rebasing: storage[0..<bytes.count]), offset: 0)
        self.sourceName = sourceName
        self.limits = limits
        self.handler = handler
        self.sink = LibXMLErrorSink(sourceName: sourceName)
        self.buffer = .allocate(byteCount: max(chunkSize, 4), alignment: 16)
    }

    deinit {
        if let context { xmlFreeParserCtxt(context) }
        switch input {
        case .file(let descriptor): close(descriptor)
        case .memory(let storage, _): storage.deallocate()
        }
        buffer.deallocate()
    }

    /// Feeds the next chunk to libxml2, which calls the handler for what it completes.
    /// - Returns: false once the whole document has been parsed.
    /// - Throws: ``XMLImportError`` for malformed or hostile XML, exceeded limits, or an error from the handler.
    func parseNextChunk() throws(XMLImportError) -> Bool {
        if finished { return false }
        let count = try readChunk()
        let base = buffer.baseAddress!.assumingMemoryBound(to: CChar.self)
        if context == nil {
            LibXMLRuntime.prepare()
            // The first bytes tell libxml2 the encoding (a UTF-16 byte order mark, say).
            let head = min(count, 4)
            // libxml2 copies the callbacks into the parser.
            var callbacks = Self.callbacks()
            guard
                let created = xmlCreatePushParserCtxt(
                    &callbacks, Unmanaged.passUnretained(self).toOpaque(), base, Int32(head), sourceName)
            else { throw .unreadable(path: sourceName, reason: "libxml2 could not create a parser") }
            context = created
            xmlCtxtUseOptions(created, LibXMLRuntime.parseOptions)
            if count > head { try feed(base + head, count - head, terminate: false) }
        } else {
            try feed(base, count, terminate: false)
        }
        if count == 0 {
            try feed(base, 0, terminate: true)
            finished = true
            return false
        }
        return true
    }

    private func feed(_ bytes: UnsafePointer<CChar>, _ count: Int, terminate: Bool) throws(XMLImportError) {
        let status = xmlParseChunk(context, bytes, Int32(count), terminate ? 1 : 0)
        if let failure { throw failure }
        if let error = sink.firstError { throw error }
        if status != 0 && context!.pointee.wellFormed == 0 {
            throw .malformed(location, message: "the parser stopped")
        }
    }

    private func readChunk() throws(XMLImportError) -> Int {
        switch input {
        case .file(let descriptor):
            var done = 0
            while done < buffer.count {
                let n = read(descriptor, buffer.baseAddress! + done, buffer.count - done)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { throw .unreadable(path: sourceName, reason: String(cString: strerror(errno))) }
                if n == 0 { break }
                done += n
            }
            return done
        case .memory(let storage, let offset):
            let count = min(buffer.count, storage.count - offset)
            if count > 0 {
                buffer.baseAddress!.copyMemory(from: storage.baseAddress! + offset, byteCount: count)
            }
            input = .memory(storage, offset: offset + count)
            return count
        }
    }

    /// Where the parser stands now.
    var location: SourceLocation {
        guard let input = context?.pointee.input else { return SourceLocation(file: sourceName, line: 0, column: 0) }
        return SourceLocation(file: sourceName, line: Int(input.pointee.line), column: Int(input.pointee.col))
    }

    /// Records `error` (the first one wins) and stops libxml2.
    private func stop(_ error: XMLImportError) {
        if failure == nil { failure = error }
        stopped = true
        if let context { xmlStopParser(context) }
    }

    // MARK: Events

    fileprivate func startElement(
        localName: UnsafePointer<xmlChar>, prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?,
        namespaceCount: Int, attributeCount: Int, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        guard !stopped else { return }
        textRun = 0
        if depth + 1 > limits.maxDepth {
            return stop(.limitExceeded(location, kind: .depth, limit: limits.maxDepth))
        }
        if Self.qualifiedLength(localName, prefix) > limits.maxNameLength {
            return stop(.limitExceeded(location, kind: .nameLength, limit: limits.maxNameLength))
        }
        if let uri, Self.isXIncludeNamespace(uri) { return stop(.xincludeNotAllowed(location)) }
        if namespaceCount + attributeCount > limits.maxAttributes {
            return stop(.limitExceeded(location, kind: .attributeCount, limit: limits.maxAttributes))
        }
        if let attributes {
            for index in 0..<attributeCount {
                let base = attributes + 5 * index
                if let name = base[0], Self.qualifiedLength(name, base[1]) > limits.maxNameLength {
                    return stop(.limitExceeded(location, kind: .nameLength, limit: limits.maxNameLength))
                }
            }
        }
        let element = SAXElement(
            localName: localName, namespaceURI: uri, attributes: attributes, attributeCount: attributeCount,
            depth: depth, line: Int(context?.pointee.input.pointee.line ?? 0))
        depth += 1
        do { try handler.startElement(element) } catch { stop(error) }
    }

    fileprivate func endElement() {
        guard !stopped else { return }
        textRun = 0
        depth -= 1
        handler.endElement()
    }

    fileprivate func characters(_ bytes: UnsafePointer<xmlChar>, _ count: Int) {
        guard !stopped else { return }
        textRun += count
        if textRun > limits.maxTextBytes {
            return stop(.limitExceeded(location, kind: .textSize, limit: limits.maxTextBytes))
        }
        handler.characters(UnsafeBufferPointer(start: bytes, count: count))
    }

    fileprivate func refuseEntities() { stop(.entitiesNotAllowed(location)) }

    fileprivate func documentType(externalID: UnsafePointer<xmlChar>?, systemID: UnsafePointer<xmlChar>?) {
        if externalID != nil || systemID != nil { stop(.externalDTDNotAllowed(location)) }
    }

    fileprivate func record(_ error: UnsafePointer<xmlError>) { sink.record(error) }

    private static func qualifiedLength(_ local: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?) -> Int {
        func length(_ text: UnsafePointer<xmlChar>) -> Int {
            strlen(UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self))
        }
        return length(local) + (prefix.map { length($0) + 1 } ?? 0)
    }

    private static func isXIncludeNamespace(_ uri: UnsafePointer<xmlChar>) -> Bool {
        let text = UnsafeRawPointer(uri).assumingMemoryBound(to: CChar.self)
        return strcmp(text, "http://www.w3.org/2001/XInclude") == 0
            || strcmp(text, "http://www.w3.org/2003/XInclude") == 0
    }

    // MARK: The C side

    /// The callbacks for a new parser. Entity declarations and references stop the parse; with no
    /// `getEntity`, any other reference is an undeclared entity, which libxml2 reports as fatal. Comments and
    /// processing instructions have no callback.
    private static func callbacks() -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.startElementNs = { context, localName, prefix, uri, namespaceCount, _, attributeCount, _, attributes in
            guard let context, let localName else { return }
            SAXPushParser.with(context) {
                $0.startElement(
                    localName: localName, prefix: prefix, uri: uri, namespaceCount: Int(namespaceCount),
                    attributeCount: Int(attributeCount), attributes: attributes)
            }
        }
        sax.endElementNs = { context, _, _, _ in
            guard let context else { return }
            SAXPushParser.with(context) { $0.endElement() }
        }
        sax.characters = { context, bytes, count in
            guard let context, let bytes else { return }
            SAXPushParser.with(context) { $0.characters(bytes, Int(count)) }
        }
        sax.cdataBlock = { context, bytes, count in
            guard let context, let bytes else { return }
            SAXPushParser.with(context) { $0.characters(bytes, Int(count)) }
        }
        sax.internalSubset = { context, _, externalID, systemID in
            guard let context else { return }
            SAXPushParser.with(context) { $0.documentType(externalID: externalID, systemID: systemID) }
        }
        // Called after every DOCTYPE, with the external identifiers when there are any.
        sax.externalSubset = { context, _, externalID, systemID in
            guard let context else { return }
            SAXPushParser.with(context) { $0.documentType(externalID: externalID, systemID: systemID) }
        }
        sax.entityDecl = { context, _, _, _, _, _ in
            guard let context else { return }
            SAXPushParser.with(context) { $0.refuseEntities() }
        }
        sax.reference = { context, _ in
            guard let context else { return }
            SAXPushParser.with(context) { $0.refuseEntities() }
        }
        sax.serror = { context, error in
            guard let context, let error else { return }
            SAXPushParser.with(context) { $0.record(UnsafePointer(error)) }
        }
        return sax
    }

    /// Calls `body` with the parser behind `context` without retaining it: the parser outlives every callback,
    /// which only happen inside its own `xmlParseChunk` calls.
    @inline(__always) private static func with(_ context: UnsafeMutableRawPointer, _ body: (SAXPushParser) -> Void) {
        Unmanaged<SAXPushParser>.fromOpaque(context)._withUnsafeGuaranteedRef(body)
    }
}
