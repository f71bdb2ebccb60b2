import CLibXML2

/// Builds one ODK submission at a time from streamed elements, renders its field paths, and adds it to a
/// ``FormRecordBatch``.
///
/// Whether an element is a repeat is only known once its parent closes (a second sibling of the same name),
/// so a record is held until its instance element ends. Records are small; the file never is.
/// Names and paths are interned and values are bytes in one buffer, so a record allocates nothing of its own.
struct SubmissionAssembler {
    private struct Element {
        var nameID: Int32
        var parent: Int32
        /// 1-based position among earlier siblings of the same name.
        var ordinal: Int32
        /// The first sibling of the same name (itself when first).
        var firstOfName: Int32
        var lastChild: Int32 = -1
        var previousSibling: Int32 = -1
        var hasChildElements = false
        /// Set on the first sibling once a second one appears.
        var repeated = false
        /// The path assuming no repeats in this record (the common case); recomputed otherwise.
        var path: Int32 = -1
    }

    /// What a path means for ``FormRecord``'s metadata, decided once per distinct path.
    private enum PathRole: UInt8 {
        case plain, instanceID, submissionTime, submissionDate, end
    }

    /// Trivial values only, so that reading an element never retains anything.
    private var elements: [Element] = []
    /// Each leaf's value, parallel to `elements`: a range of `recordBytes`, set when the leaf closes.
    private var values: [Range<Int>?] = []
    /// The current record's values, back to back; the innermost open element's text so far is at the end.
    private var recordBytes: [UInt8] = []
    /// Where the innermost open element's text starts in `recordBytes`.
    private var textStart = 0
    private var open: [Int32] = []
    private var names: [String] = []
    private var forcedName: [Bool] = []
    private var nameIDs = PointerKeyedTable()
    private var paths: [String] = []
    private var roles: [PathRole] = []
    private var pathIDs = PointerKeyedTable(capacity: 256)
    private var overflowPathIDs: [String: Int32] = [:]
    private var pathOfElement: [Int32] = []
    private var fields: [(path: Int32, value: Range<Int>)] = []
    private var hasRepeats = false
    private var recordID: Range<Int>?
    private var submission: [Range<Int>?] = [nil, nil, nil]
    /// Finished records not yet handed out.
    private(set) var batch = FormRecordBatch()
    private let forcedRepeats: Set<String>

    init(forcedRepeats: Set<String>) {
        self.forcedRepeats = forcedRepeats
    }

    /// Interns a libxml2 dictionary name; the pointer is stable for the reader's lifetime.
    @inline(__always) private mutating func nameID(_ pointer: UnsafePointer<xmlChar>) -> Int32 {
        let key = UInt64(UInt(bitPattern: pointer))
        if let id = nameIDs.value(for: key) { return id }
        let id = Int32(names.count)
        let name = String(cString: pointer)
        names.append(name)
        forcedName.append(forcedRepeats.contains(name))
        nameIDs.insert(id, for: key)
        return id
    }

    /// Starts the record with the instance element itself (it contributes no path step).
    mutating func beginRecord() {
        elements.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        recordBytes.removeAll(keepingCapacity: true)
        textStart = 0
        open.removeAll(keepingCapacity: true)
        elements.append(Element(nameID: -1, parent: -1, ordinal: 1, firstOfName: 0))
        values.append(nil)
        fields.removeAll(keepingCapacity: true)
        hasRepeats = false
        recordID = nil
        submission = [nil, nil, nil]
        open.append(0)
    }

    mutating func startElement(localName: UnsafePointer<xmlChar>) {
        let id = nameID(localName)
        let parent = Int(open[open.count - 1])
        let index = Int32(elements.count)
        var ordinal: Int32 = 1
        var first = index
        // Repeat instances are adjacent siblings in ODK submissions, so only the previous sibling is compared.
        let previous = elements[parent].lastChild
        if previous >= 0 && elements[Int(previous)].nameID == id {
            ordinal = elements[Int(previous)].ordinal + 1
            first = elements[Int(previous)].firstOfName
            elements[Int(first)].repeated = true
            hasRepeats = true
        }
        let path = pathID(
            parentPath: elements[parent].path, nameID: id, index: forcedName[Int(id)] ? ordinal : 0)
        if !elements[parent].hasChildElements {
            // The parent's text before its first child is not a value.
            elements[parent].hasChildElements = true
            recordBytes.removeSubrange(textStart...)
        }
        textStart = recordBytes.count
        elements[parent].lastChild = index
        elements.append(
            Element(
                nameID: id, parent: Int32(parent), ordinal: ordinal, firstOfName: first, previousSibling: previous,
                path: path))
        values.append(nil)
        open.append(index)
    }

    /// Character data of the innermost open element; dropped once it turns out to have child elements.
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        if elements[Int(open[open.count - 1])].hasChildElements { return }
        recordBytes.append(contentsOf: bytes)
    }

    /// Closes the current element. Returns true when the record itself closed.
    mutating func endElement() -> Bool {
        let closing = Int(open.removeLast())
        if open.isEmpty { return true }
        if !elements[closing].hasChildElements {
            let path = elements[closing].path
            let value = textStart..<recordBytes.count
            values[closing] = value
            fields.append((path: path, value: value))
            if !value.isEmpty { note(value, role: roles[Int(path)]) }
            textStart = recordBytes.count
        }
        return false
    }

    private mutating func note(_ value: Range<Int>, role: PathRole) {
        switch role {
        case .plain: break
        case .instanceID: if recordID == nil { recordID = value }
        case .submissionTime: if submission[0] == nil { submission[0] = value }
        case .submissionDate: if submission[1] == nil { submission[1] = value }
        case .end: if submission[2] == nil { submission[2] = value }
        }
    }

    private mutating func pathID(parentPath: Int32, nameID: Int32, index: Int32) -> Int32 {
        let packed: UInt64? =
            parentPath < 0x7F_FFFF && nameID < 0xFF_FFFF && index < 0xFFFF
            // Bit 63 keeps the key from ever being 0, which the table reserves for empty slots.
            ? (1 << 63) | (UInt64(UInt32(parentPath + 1)) << 40) | (UInt64(UInt32(nameID)) << 16)
                | UInt64(UInt32(index)) : nil
        if let packed, let known = pathIDs.value(for: packed) { return known }
        let name = names[Int(nameID)]
        let parentText = parentPath >= 0 ? paths[Int(parentPath)] + "/" : ""
        let path = parentText + (index > 0 ? "\(name)[\(index)]" : name)
        if packed == nil, let known = overflowPathIDs[path] { return known }
        let id = Int32(paths.count)
        paths.append(path)
        roles.append(Self.role(of: path))
        if let packed { pathIDs.insert(id, for: packed) } else { overflowPathIDs[path] = id }
        return id
    }

    private static func role(of path: String) -> PathRole {
        switch path {
        case "meta/instanceID", "instanceID": return .instanceID
        case "_submission_time": return .submissionTime
        case "meta/submissionDate", "submissionDate": return .submissionDate
        case "end": return .end
        default: return .plain
        }
    }

    /// Adds the finished record to ``batch``. Fields were collected as leaves closed; only a record with repeats
    /// has its paths rendered again, now that every repeat is known.
    mutating func finishRecord(sourceLine: Int) {
        if hasRepeats { renderWithRepeatIndexes() }
        let base = batch.bytes.count
        batch.bytes.append(contentsOf: recordBytes)
        let first = batch.fields.count
        for (path, value) in fields {
            batch.fields.append(
                FormRecordBatch.Field(path: path, start: base + value.lowerBound, end: base + value.upperBound))
        }
        func shifted(_ range: Range<Int>?) -> Range<Int>? {
            range.map { (base + $0.lowerBound)..<(base + $0.upperBound) }
        }
        batch.entries.append(
            FormRecordBatch.Entry(
                fields: first..<batch.fields.count, line: sourceLine, recordID: shifted(recordID),
                submittedAt: shifted(submission[0] ?? submission[1] ?? submission[2])))
    }

    /// Hands over the finished records (with the paths they use) and starts a new batch.
    mutating func takeBatch() -> FormRecordBatch {
        var taken = FormRecordBatch()
        swap(&taken, &batch)
        taken.paths = paths
        // Batches of one export have similar sizes: reserve what the previous one needed.
        batch.bytes.reserveCapacity(taken.bytes.count)
        batch.fields.reserveCapacity(taken.fields.count)
        batch.entries.reserveCapacity(taken.entries.count)
        return taken
    }

    private mutating func renderWithRepeatIndexes() {
        pathOfElement.removeAll(keepingCapacity: true)
        pathOfElement.append(-1)
        fields.removeAll(keepingCapacity: true)
        recordID = nil
        submission = [nil, nil, nil]
        var position = 1
        while position < elements.count {
            let nameID = elements[position].nameID
            let ordinal = elements[position].ordinal
            let indexed =
                ordinal > 1 || elements[Int(elements[position].firstOfName)].repeated || forcedName[Int(nameID)]
            let parentPath = pathOfElement[Int(elements[position].parent)]
            let id = pathID(parentPath: parentPath, nameID: nameID, index: indexed ? ordinal : 0)
            pathOfElement.append(id)
            if !elements[position].hasChildElements {
                let value = values[position] ?? 0..<0
                fields.append((path: id, value: value))
                if !value.isEmpty { note(value, role: roles[Int(id)]) }
            }
            position += 1
        }
    }
}
