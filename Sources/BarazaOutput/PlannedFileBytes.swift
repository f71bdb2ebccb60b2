import Foundation

extension PlannedFile {
    /// The file's bytes, produced in memory without touching the file system (a `.stream` producer writes into
    /// a buffer in memory), for a server answering with the file; nil for a `.file`
    /// producer, which only writes files of its own.
    /// - Throws: the producer's errors, naming `path`.
    public func producedBytes() throws -> Data? {
        switch bytes {
        case .data(let produce):
            return try produce()
        case .file:
            return nil
        case .stream(let produce):
            var writer = BufferedFileWriter(inMemoryFor: path)
            try produce(&writer)
            return Data(writer.memory ?? [])
        }
    }
}
