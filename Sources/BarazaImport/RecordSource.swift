import BarazaModel
import BarazaXML
import Foundation

/// Where form records come from: a streamed ODK submissions file, or a spreadsheet table read whole.
enum RecordSource {
    case odk(path: String, limits: XMLLimits)
    case table(FormTable)

    /// Detects the format of `path` from its first bytes and root element.
    static func open(path: String, limits: XMLLimits, archiveLimits: ArchiveLimits) throws(ImportError) -> RecordSource
    {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(path: path, reason: "no such file or not readable")
        }
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        try? handle.close()
        do {
            if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
                let table = try XLSXReader.readTable(contentsOf: path, limits: limits, archiveLimits: archiveLimits)
                if isXLSForm(table.columns) { throw ImportError.formDefinition(path: path) }
                return .table(table)
            }
            if head.count < 4096, head.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
                throw ImportError.unreadable(path: path, reason: "the file is empty")
            }
            if !startsLikeXML(head) {
                let suffix = (path as NSString).pathExtension.lowercased()
                // A file named .xml whose text is no XML is more likely damaged or misnamed than a CSV.
                if suffix == "xml" {
                    throw ImportError.unreadable(
                        path: path,
                        reason: "named .xml but not XML (it does not start with `<`); if it is a CSV export, "
                            + "name it .csv")
                }
                let named = ["csv", "tsv", "txt"].contains(suffix)
                guard named || looksLikeText(head) else {
                    throw ImportError.unreadable(
                        path: path,
                        reason: "not a registration export: expected ODK/KoBo XML submissions, an .xlsx or "
                            + "SpreadsheetML workbook, or a CSV file")
                }
                let table = try CSVTableReader.readTable(contentsOf: path, limits: limits)
                if isXLSForm(table.columns) { throw ImportError.formDefinition(path: path) }
                return .table(table)
            }
            let sniff = try XMLStreamReader(contentsOf: path, limits: limits)
            var elements = 0
            while try sniff.read() {
                guard sniff.kind == .elementStart else { continue }
                elements += 1
                let workbook = sniff.localName == "Workbook" && sniff.namespaceURI == SpreadsheetMLReader.namespace
                if elements == 1 && workbook {
                    return .table(try SpreadsheetMLReader.readTable(contentsOf: path, limits: limits))
                }
                // An encrypted submission (the root itself, or the first one under a wrapper) holds no answers.
                if sniff.namespaceURI == odkEncryptedNamespace { throw ImportError.encrypted(path: path) }
                if elements == 2 { break }
            }
            return .odk(path: path, limits: limits)
        } catch let error as XMLImportError {
            throw .source(error)
        } catch let error as ImportError {
            throw error
        } catch {
            throw .unreadable(path: path, reason: "\(error)")
        }
    }

    /// Whether a file starting with `head` is XML: its first character, after a byte-order mark and white space,
    /// is `<` (in UTF-8 or UTF-16). Anything else that is not a zip is read as CSV.
    static func startsLikeXML(_ head: Data) -> Bool {
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            // UTF-16: the first non-space code unit, with its zero byte on either side.
            bytes = bytes.dropFirst(2)
            let units = stride(from: bytes.startIndex, to: bytes.endIndex - 1, by: 2).map {
                head.first == 0xFF
                    ? UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8 : UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1])
            }
            return units.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } == 0x3C
        }
        return bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } == 0x3C
    }

    /// Whether the first bytes of a file read as text: UTF-16 with its byte-order mark, or UTF-8 without NUL bytes
    /// (a character cut by the end of `head` allowed).
    static func looksLikeText(_ head: Data) -> Bool {
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return true }
        let bytes = [UInt8](head)[...]
        guard !bytes.contains(0) else { return false }
        guard let invalid = InvalidUTF8.first(in: bytes) else { return true }
        return invalid.offset >= bytes.count - 3
    }

    /// The namespace of ODK's encrypted submission envelopes (`base64EncryptedKey`, `encryptedXmlFile`...).
    static let odkEncryptedNamespace = "http://www.opendatakit.org/xforms/encrypted"

    /// Whether a sheet's header is an XLSForm's survey sheet (`type`, `name`, `label`...): the form, not answers.
    static func isXLSForm(_ columns: [String]) -> Bool {
        let names = Set(columns.map { $0.lowercased() })
        return names.contains("type") && names.contains("name")
            && names.contains { $0 == "label" || $0.hasPrefix("label::") || $0.hasPrefix("label:") }
    }

    var format: RegistrationFormat {
        switch self {
        case .odk: .odkInstances
        case .table(let table): table.format
        }
    }

    /// The header's columns of a spreadsheet (those without any answer included); none for submissions.
    var columns: [String] {
        if case .table(let table) = self { return table.columns }
        return []
    }

    /// Whether a multi-valued answer may be split on spaces: ODK submissions, and sheets exported by KoBoToolbox
    /// or Ona (their bookkeeping columns say so), write a `select_multiple` answer as codes between spaces
    /// (`halal vegan`); other sheets (Google or Microsoft Forms) separate choices with commas.
    var spaceSeparatedLists: Bool {
        switch self {
        case .odk: true
        case .table(let table): table.columns.contains { Self.xlsFormBookkeeping.contains($0) }
        }
    }

    /// Columns only KoBoToolbox and Ona exports (of XLSForm forms) have.
    static let xlsFormBookkeeping: Set<String> = ["_uuid", "_submission_time", "meta/instanceID", "formhub/uuid"]

    var serialDates1904: Bool {
        if case .table(let table) = self { return table.serialDates1904 }
        return false
    }
}

/// The records of a source in compact batches (``FormRecordBatch``), in file order. A submissions file is parsed
/// on a thread of its own, started at once and at most ``byteBudget`` bytes of batches ahead of the caller, so
/// memory stays bounded; a parse error comes after the records read before it, as when reading in one thread.
/// ``close()`` (or the end of the stream's life) stops the reader and waits for it.
final class RecordStream {
    /// Batches the reader may hold ready, and the memory they may take: enough to read on while the workspace
    /// loads (the records are normalised only then), not so much that a large export fills memory.
    static let capacity = 1_024
    static let byteBudget = 32 << 20

    private var table: [FormRecord]?
    private var tableOffset = 0
    private let pipe = RecordPipe(capacity: RecordStream.capacity, byteBudget: RecordStream.byteBudget)
    private var done: DispatchSemaphore?
    private let path: String

    init(_ source: RecordSource) {
        switch source {
        case .table(let table):
            self.table = table.records
            path = ""
        case .odk(let path, let limits):
            self.path = path
            let pipe = pipe
            let done = DispatchSemaphore(value: 0)
            self.done = done
            Thread {
                defer { done.signal() }
                do {
                    let reader = try ODKSubmissionReader(contentsOf: path, limits: limits)
                    while let batch = try reader.nextBatch(limit: RecordPipe.batchSize) {
                        guard pipe.put(batch) else { return }
                    }
                    pipe.finish(nil)
                } catch {
                    pipe.finish(error)
                }
            }.start()
        }
    }

    deinit { close() }

    /// Between 1 and `count` batches, as many as are ready; none at the end of the records.
    func take(upTo count: Int) throws(ImportError) -> [FormRecordBatch] {
        if let table {
            var batches: [FormRecordBatch] = []
            while batches.count < count && tableOffset < table.count {
                let end = min(tableOffset + RecordPipe.batchSize, table.count)
                batches.append(FormRecordBatch(table[tableOffset..<end]))
                tableOffset = end
            }
            return batches
        }
        do {
            return try pipe.take(upTo: count)
        } catch let error as XMLImportError {
            throw .source(error)
        } catch let error as ImportError {
            throw error
        } catch {
            throw .unreadable(path: path, reason: "\(error)")
        }
    }

    /// Stops the reader (if any) and waits until it is gone.
    func close() {
        guard let done else { return }
        pipe.cancel()
        done.wait()
        self.done = nil
    }
}

/// Batches of records passed from the thread that parses to the one that imports. At most `capacity` batches wait,
/// so memory stays bounded whichever side is faster.
final class RecordPipe: @unchecked Sendable {
    static let batchSize = 256

    private let condition = NSCondition()
    private let capacity: Int
    private let byteBudget: Int
    private var batches: [FormRecordBatch] = []
    private var bufferedBytes = 0
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false

    /// A pipe holding at most `capacity` batches and, beyond its first batch, at most `byteBudget` bytes of them.
    init(capacity: Int, byteBudget: Int = .max) {
        self.capacity = capacity
        self.byteBudget = byteBudget
    }

    /// Hands over a batch, waiting while the pipe is full; false when the importer has stopped listening.
    func put(_ batch: FormRecordBatch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while (batches.count >= capacity || !batches.isEmpty && bufferedBytes >= byteBudget) && !cancelled {
            condition.wait()
        }
        guard !cancelled else { return false }
        batches.append(batch)
        bufferedBytes += batch.footprint
        condition.broadcast()
        return true
    }

    /// The reader is done: `error` (if any) is thrown after the batches already handed over.
    func finish(_ error: (any Error)?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// Between 1 and `count` batches as soon as any is ready; none after the last; throws the reader's error once
    /// the batches before it are taken.
    func take(upTo count: Int) throws -> [FormRecordBatch] {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished { condition.wait() }
        if !batches.isEmpty {
            let taken = Array(batches.prefix(count))
            batches.removeFirst(taken.count)
            bufferedBytes -= taken.reduce(0) { $0 + $1.footprint }
            condition.broadcast()
            return taken
        }
        if let failure { throw failure }
        return []
    }

    /// The importer stops listening: a waiting or later `put` returns false.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
