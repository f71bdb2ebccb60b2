import BarazaOutput

/// A `TextOutputStream` over an ``AtomicFile`` stream writer; the first write error is kept for the caller to throw.
struct FileTextOutput: TextOutputStream {
    var writer: BufferedFileWriter
    var error: (any Error)?

    mutating func write(_ string: String) {
        guard error == nil else { return }
        do { try writer.write(string) } catch { self.error = error }
    }
}
