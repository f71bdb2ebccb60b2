import Foundation

/// Collects bytes and hands them to an open file `capacity` bytes at a time: the one buffered file writer, behind
/// both an export's files (`BufferedFileWriter`, BarazaOutput) and a transaction's staged files
/// (``StagedWriter``). A failure comes back as the system's error number, for each of those to name its file in
/// its own error type. Inlinable: exports call it for every line of every calendar, from another module.
public struct FileBuffer {
    /// The open file.
    public let descriptor: Int32
    @usableFromInline let capacity: Int
    @usableFromInline var buffer: [UInt8] = []

    /// A buffer for the open file `descriptor`, written out whenever it holds `capacity` bytes.
    public init(descriptor: Int32, capacity: Int) {
        self.descriptor = descriptor
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    /// Appends `bytes` (written at once when the buffer is empty and they would fill it); the error number of a
    /// failed write, else nil.
    @inlinable public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        if buffer.isEmpty && bytes.count >= capacity { return Self.writeAll(bytes, to: descriptor) }
        buffer.append(contentsOf: bytes)
        return buffer.count >= capacity ? flush() : nil
    }

    /// Writes out what is buffered; the error number of a failed write, else nil.
    @inlinable public mutating func flush() -> Int32? {
        guard !buffer.isEmpty else { return nil }
        let failure = buffer.withUnsafeBufferPointer { Self.writeAll($0, to: descriptor) }
        buffer.removeAll(keepingCapacity: true)
        return failure
    }

    /// Writes `bytes` whole (write(2) may take fewer at a time); the error number when it cannot (EIO when the
    /// system writes nothing without saying why), else nil.
    @inlinable public static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written <= 0 {
                if written < 0 && errno == EINTR { continue }
                return written < 0 ? errno : EIO
            }
            offset += written
        }
        return nil
    }
}
