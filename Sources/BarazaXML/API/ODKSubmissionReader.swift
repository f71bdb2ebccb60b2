import CLibXML2

/// Streams ODK / KoBoToolbox / Ona submission instances as ``FormRecord``s.
///
/// A file may hold one instance (its root element, which carries the form `id`) or many instances inside an
/// export wrapper (`<registrations><data id=…>…</data>…</registrations>`): a root without `id` whose first child
/// has one. Each leaf element becomes a field named by its path below the instance, using local names
/// (`orx:meta/orx:instanceID` → `meta/instanceID`). Elements that occur more than once under the same parent
/// are repeats and get a 1-based index (`children[2]/name`); a repeat answered once looks like a group unless
/// its name is listed in `repeatGroups`. Only one record is held in memory at a time.
///
/// Not `Sendable`: it owns a streaming parser.
public final class ODKSubmissionReader {
    private enum Layout {
        case unknown
        case rootAwaitingFirstChild(line: Int)
        case single
        case wrapper
    }

    private let reader: XMLStreamReader
    /// Optional so that `next()` can move it out and mutate it without exclusivity checks or copies.
    private var assembler: SubmissionAssembler?
    private var layout: Layout = .unknown
    private var recordDepth = 0
    private var recordLine = 0
    private var inRecord = false

    /// Opens a submissions file.
    /// - Parameter repeatGroups: element names to index even when they occur once.
    public convenience init(contentsOf path: String, limits: XMLLimits = .default, repeatGroups: Set<String> = [])
        throws
    {
        try self.init(
            reader: XMLStreamReader(contentsOf: path, limits: limits, dropsBlankText: true), repeatGroups: repeatGroups)
    }

    /// Reads submissions held in memory; `sourceName` names them in errors.
    public convenience init(
        bytes: some Collection<UInt8>, sourceName: String, limits: XMLLimits = .default,
        repeatGroups: Set<String> = []
    ) throws {
        try self.init(
            reader: XMLStreamReader(bytes: bytes, sourceName: sourceName, limits: limits, dropsBlankText: true),
            repeatGroups: repeatGroups)
    }

    private init(reader: XMLStreamReader, repeatGroups: Set<String>) throws {
        self.reader = reader
        self.assembler = SubmissionAssembler(forcedRepeats: repeatGroups)
    }

    /// The next submission, or nil after the last one.
    /// - Throws: ``XMLImportError`` for malformed or hostile XML, or an XForm definition instead of submissions.
    public func next() throws -> FormRecord? {
        // Work on a local copy moved out of `self`: it avoids exclusivity checks on every node.
        var assembler = self.assembler.take()!
        defer { self.assembler = assembler }
        let reader = self.reader
        while try reader.read() {
            switch reader.kind {
            case .elementStart:
                if inRecord {
                    assembler.startElement(localName: reader.rawLocalName!)
                    continue
                }
                try placeElementOutsideRecord(&assembler)
            case .elementEnd:
                guard inRecord else { continue }
                if assembler.endElement() {
                    inRecord = false
                    return assembler.finishRecord(sourceLine: recordLine)
                }
            case .text, .cdata, .whitespace:
                if inRecord {
                    // A record starting past line 65,535 is located by its first character data instead.
                    if recordLine == 0 { recordLine = reader.line }
                    assembler.text(reader.rawText)
                }
            }
        }
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

    private static let xformNamespaces: Set<String> = ["http://www.w3.org/1999/xhtml", "http://www.w3.org/2002/xforms"]

    private func placeElementOutsideRecord(_ assembler: inout SubmissionAssembler) throws {
        let depth = reader.depth
        switch layout {
        case .unknown:
            if let namespace = reader.namespaceURI, Self.xformNamespaces.contains(namespace) {
                throw XMLImportError.unsupportedFormat(
                    path: reader.sourceName, reason: "this is an XForm definition, not submissions")
            }
            if reader.attribute("id") != nil {
                layout = .single
                beginRecord(&assembler, depth: depth, line: reader.line)
            } else if reader.isEmptyElement {
                layout = .wrapper
            } else {
                layout = .rootAwaitingFirstChild(line: reader.line)
            }
        case .rootAwaitingFirstChild(let rootLine):
            if reader.attribute("id") != nil {
                layout = .wrapper
                beginRecord(&assembler, depth: depth, line: reader.line)
            } else {
                // The root is an instance without a form id; this element is its first field.
                layout = .single
                beginRecord(&assembler, depth: 0, line: rootLine)
                assembler.startElement(localName: reader.rawLocalName!)
            }
        case .wrapper:
            if depth == 1 { beginRecord(&assembler, depth: depth, line: reader.line) }
        case .single:
            break  // content after the single instance closed cannot happen in well-formed XML
        }
    }

    private func beginRecord(_ assembler: inout SubmissionAssembler, depth: Int, line: Int) {
        inRecord = true
        recordDepth = depth
        recordLine = line
        assembler.beginRecord()
    }
}
