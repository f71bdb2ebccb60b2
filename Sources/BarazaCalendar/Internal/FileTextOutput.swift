import BarazaOutput

/// A `TextOutputStream` over an ``AtomicFile`` stream writer; the first write error is kept and rethrown.
struct FileTextOutput: TextOutputStream {
    var writer: BufferedFileWriter
    var error: (any Error)?

    mutating func write(_ string: String) {
        guard error == nil else { return }
        do { try writer.write(string) } catch { self.error = error }
    }

    /// Streams a file to `path` through `body`, atomically.
    static func stream(to path: String, _ body: (inout FileTextOutput) -> Void) throws {
        try AtomicFile.stream(to: path) { writer in
            var output = FileTextOutput(writer: writer)
            body(&output)
            if let error = output.error { throw error }
            writer = output.writer
        }
    }
}
