/// Records of a registration export held compactly: every value's bytes in one buffer, each field a path number
/// and a byte range, so reading a large export allocates per batch, not per value. ``record(_:)`` gives the
/// ordinary ``FormRecord`` of one of them.
public struct FormRecordBatch: Sendable {
    /// A field: its path (an index into ``paths``) and where its value's UTF-8 bytes are in ``bytes``.
    public struct Field: Sendable {
        public var path: Int32
        public var start: Int
        public var end: Int
    }

    /// A record: its fields (a range of ``fields``), its line, and its metadata (byte ranges in ``bytes``).
    public struct Entry: Sendable {
        public var fields: Range<Int>
        /// The line of the record's first element (XML) or the row number (spreadsheets).
        public var line: Int
        /// ``FormRecord/recordID``'s bytes.
        public var recordID: Range<Int>?
        /// ``FormRecord/submittedAt``'s bytes.
        public var submittedAt: Range<Int>?
    }

    /// The values' UTF-8 bytes, back to back.
    public internal(set) var bytes: [UInt8] = []
    public internal(set) var fields: [Field] = []
    public internal(set) var entries: [Entry] = []
    /// Field paths by number (`meta/instanceID`, `persons[2]/name`); numbers are stable within one export.
    public internal(set) var paths: [String] = []

    /// An empty batch.
    public init() {}

    /// The records given, held compactly.
    public init(_ records: some Sequence<FormRecord>) {
        var numbers: [String: Int32] = [:]
        for record in records {
            let first = fields.count
            for (path, value) in record.fields {
                let number: Int32
                if let known = numbers[path] {
                    number = known
                } else {
                    number = Int32(paths.count)
                    numbers[path] = number
                    paths.append(path)
                }
                let start = bytes.count
                bytes.append(contentsOf: value.utf8)
                fields.append(Field(path: number, start: start, end: bytes.count))
            }
            func range(of value: String?) -> Range<Int>? {
                guard let value else { return nil }
                let start = bytes.count
                bytes.append(contentsOf: value.utf8)
                return start..<bytes.count
            }
            entries.append(
                Entry(
                    fields: first..<fields.count, line: record.sourceLine, recordID: range(of: record.recordID),
                    submittedAt: range(of: record.submittedAt)))
        }
    }

    /// About how much memory the batch holds, in bytes.
    public var footprint: Int {
        bytes.capacity + fields.capacity * MemoryLayout<Field>.stride + entries.capacity * MemoryLayout<Entry>.stride
            + paths.count * 16
    }

    /// The number of records.
    public var count: Int { entries.count }

    /// The value of field `index` as text.
    public func value(of index: Int) -> String { text(fields[index].start..<fields[index].end) }

    /// The text of a range of ``bytes``.
    public func text(_ range: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// Record `index` as a ``FormRecord``.
    public func record(_ index: Int) -> FormRecord {
        let entry = entries[index]
        var result: [(path: String, value: String)] = []
        result.reserveCapacity(entry.fields.count)
        for field in entry.fields { result.append((paths[Int(fields[field].path)], value(of: field))) }
        return FormRecord(
            fields: result, sourceLine: entry.line, recordID: entry.recordID.map(text),
            submittedAt: entry.submittedAt.map(text))
    }

    /// Every record as a ``FormRecord``.
    public var records: [FormRecord] { (0..<count).map(record) }
}
