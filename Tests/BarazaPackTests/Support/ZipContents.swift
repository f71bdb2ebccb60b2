import Foundation
import ZIPFoundation

/// Every entry of a zip, read back with ZIPFoundation, in archive order.
struct ZipContents {
    var names: [String]
    var data: [String: Data]
    var dates: Set<Date>

    init(_ path: String) throws {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        names = []
        data = [:]
        dates = []
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry, skipCRC32: false) { bytes.append($0) }
            names.append(entry.path)
            data[entry.path] = bytes
            if let d = entry.fileAttributes[.modificationDate] as? Date { dates.insert(d) }
        }
    }

    func text(_ name: String) -> String { String(decoding: data[name] ?? Data(), as: UTF8.self) }
}
