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
        let head = (try? handle.read(upToCount: 4)) ?? Data()
        try? handle.close()
        do {
            if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
                return .table(try XLSXReader.readTable(contentsOf: path, limits: limits, archiveLimits: archiveLimits))
            }
            let sniff = try XMLStreamReader(contentsOf: path, limits: limits)
            while try sniff.read() {
                guard sniff.kind == .elementStart else { continue }
                if sniff.localName == "Workbook" && sniff.namespaceURI == SpreadsheetMLReader.namespace {
                    return .table(try SpreadsheetMLReader.readTable(contentsOf: path, limits: limits))
                }
                break
            }
            return .odk(path: path, limits: limits)
        } catch let error as XMLImportError {
            throw .source(error)
        } catch {
            throw .unreadable(path: path, reason: "\(error)")
        }
    }

    var format: RegistrationFormat {
        switch self {
        case .odk: .odkInstances
        case .table(let table): table.format
        }
    }

    var serialDates1904: Bool {
        if case .table(let table) = self { return table.serialDates1904 }
        return false
    }

    /// Calls `body` with each record in file order (records are numbered from 1).
    func eachRecord(_ body: (Int, FormRecord) throws(ImportError) -> Void) throws(ImportError) {
        switch self {
        case .odk(let path, let limits):
            do {
                let reader = try ODKSubmissionReader(contentsOf: path, limits: limits)
                var ordinal = 0
                while let record = try reader.next() {
                    ordinal += 1
                    try body(ordinal, record)
                }
            } catch let error as XMLImportError {
                throw .source(error)
            } catch let error as ImportError {
                throw error
            } catch {
                throw .unreadable(path: path, reason: "\(error)")
            }
        case .table(let table):
            for (index, record) in table.records.enumerated() { try body(index + 1, record) }
        }
    }
}
