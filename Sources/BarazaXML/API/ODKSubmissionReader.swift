import CLibXML2

/// Streams ODK / KoBoToolbox / Ona submission instances as ``FormRecord``s.
///
/// A file may hold one instance (its root element, which carries the form `id`) or many instances inside an
/// export wrapper (`<registrations><data id=…>…</data>…</registrations>`): a root without `id` whose first child
/// has one. Each leaf element becomes a field named by its path below the instance, using local names
/// (`orx:meta/orx:instanceID` → `meta/instanceID`). Elements that occur more than once under the same parent
/// are repeats and get a 1-based index (`children[2]/name`); a repeat answered once looks like a group unless
/// its name is listed in `repeatGroups`. The file is parsed in chunks through libxml2's SAX2 interface
/// (``SAXPushParser``, hardened like ``XMLStreamReader``); only the records of one chunk are held in memory.
///
/// Not `Sendable`: it owns a streaming parser.
public final class ODKSubmissionReader {
    private let events: SubmissionEvents
    private let parser: SAXPushParser
    /// An error met while parsing a chunk, thrown once the records completed before it have been returned.
    private var pendingError: XMLImportError?

    /// Opens a submissions file.
    /// - Parameter repeatGroups: element names to index even when they occur once.
    public init(contentsOf path: String, limits: XMLLimits = .default, repeatGroups: Set<String> = []) throws {
        events = SubmissionEvents(sourceName: path, repeatGroups: repeatGroups)
        parser = try SAXPushParser(contentsOf: path, limits: limits, handler: events)
    }

    /// Reads submissions held in memory; `sourceName` names them in errors.
    public init(
        bytes: some Collection<UInt8>, sourceName: String, limits: XMLLimits = .default,
        repeatGroups: Set<String> = []
    ) throws {
        events = SubmissionEvents(sourceName: sourceName, repeatGroups: repeatGroups)
        parser = SAXPushParser(bytes: bytes, sourceName: sourceName, limits: limits, handler: events)
    }

    /// Records finished and handed out by ``next()`` one at a time.
    private var ready = FormRecordBatch()
    private var readyIndex = 0

    /// The next submission, or nil after the last one.
    /// - Throws: ``XMLImportError`` for malformed or hostile XML, or an XForm definition instead of submissions,
    ///   after the submissions that precede the problem.
    public func next() throws -> FormRecord? {
        while true {
            if readyIndex < ready.count {
                readyIndex += 1
                return ready.record(readyIndex - 1)
            }
            if events.finishedCount > 0 {
                ready = events.takeBatch()
                readyIndex = 0
                continue
            }
            if let pendingError { throw pendingError }
            do {
                guard try parser.parseNextChunk() else { return nil }
            } catch {
                pendingError = error
            }
        }
    }

    /// The next submissions in one compact batch: at least `limit` of them unless the file ends first (a little
    /// more when the last chunk of the file read finishes more), nil after the last.
    /// - Throws: as ``next()``, after the submissions that precede the problem.
    public func nextBatch(limit: Int) throws -> FormRecordBatch? {
        if readyIndex < ready.count {
            let rest = FormRecordBatch((readyIndex..<ready.count).map(ready.record))
            readyIndex = ready.count
            return rest
        }
        while events.finishedCount < limit && pendingError == nil {
            do {
                guard try parser.parseNextChunk() else { break }
            } catch {
                pendingError = error
            }
        }
        if events.finishedCount > 0 { return events.takeBatch() }
        if let pendingError { throw pendingError }
        return nil
    }

    /// Reads every remaining submission.
    public func readAll() throws -> [FormRecord] {
        var records: [FormRecord] = []
        while let record = try next() { records.append(record) }
        return records
    }

    /// Reads a whole file into a ``FormTable``.
    public static func readTable(contentsOf path: String, limits: XMLLimits = .default, repeatGroups: Set<String> = [])
        throws -> FormTable
    {
        let reader = try ODKSubmissionReader(contentsOf: path, limits: limits, repeatGroups: repeatGroups)
        return FormTable(format: .odkInstances, records: try reader.readAll())
    }
}

/// Turns SAX events into submissions: finds the instances (one root instance, or the children of an export
/// wrapper) and queues each finished record.
final class SubmissionEvents: SAXEventHandler {
    private enum Layout {
        case unknown
        case rootAwaitingFirstChild(line: Int)
        case single
        case wrapper
    }

    private let sourceName: String
    /// Behind a pointer so that the many calls per element need no exclusivity checks on a class property.
    private let assembler: UnsafeMutablePointer<SubmissionAssembler>
    private var layout: Layout = .unknown
    private var recordLine = 0
    private var inRecord = false

    init(sourceName: String, repeatGroups: Set<String>) {
        self.sourceName = sourceName
        assembler = .allocate(capacity: 1)
        assembler.initialize(to: SubmissionAssembler(forcedRepeats: repeatGroups))
    }

    deinit {
        assembler.deinitialize(count: 1)
        assembler.deallocate()
    }

    /// How many records are finished and not yet taken.
    var finishedCount: Int { assembler.pointee.batch.count }

    /// The finished records, in file order.
    func takeBatch() -> FormRecordBatch { assembler.pointee.takeBatch() }

    func startElement(_ element: SAXElement) throws(XMLImportError) {
        if inRecord {
            assembler.pointee.startElement(localName: element.localName)
            return
        }
        try placeElementOutsideRecord(element)
    }

    func endElement() {
        guard inRecord else { return }
        if assembler.pointee.endElement() {
            inRecord = false
            assembler.pointee.finishRecord(sourceLine: recordLine)
        }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if inRecord { assembler.pointee.text(bytes) }
    }

    private static let xformNamespaces: Set<String> = ["http://www.w3.org/1999/xhtml", "http://www.w3.org/2002/xforms"]

    private func placeElementOutsideRecord(_ element: SAXElement) throws(XMLImportError) {
        switch layout {
        case .unknown:
            if let uri = element.namespaceURI, Self.xformNamespaces.contains(String(cString: uri)) {
                throw .unsupportedFormat(path: sourceName, reason: "this is an XForm definition, not submissions")
            }
            if element.attribute("id") != nil {
                layout = .single
                beginRecord(line: element.line)
            } else {
                layout = .rootAwaitingFirstChild(line: element.line)
            }
        case .rootAwaitingFirstChild(let rootLine):
            if element.attribute("id") != nil {
                layout = .wrapper
                beginRecord(line: element.line)
            } else {
                // The root is an instance without a form id; this element is its first field.
                layout = .single
                beginRecord(line: rootLine)
                assembler.pointee.startElement(localName: element.localName)
            }
        case .wrapper:
            if element.depth == 1 { beginRecord(line: element.line) }
        case .single:
            break  // content after the single instance closed cannot happen in well-formed XML
        }
    }

    private func beginRecord(line: Int) {
        inRecord = true
        recordLine = line
        assembler.pointee.beginRecord()
    }
}
