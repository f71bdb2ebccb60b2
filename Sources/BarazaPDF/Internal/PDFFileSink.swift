import CCairo
import Foundation

/// The file a PDF surface writes to, through a write callback rather than by path: Cairo 1.16 does not report a
/// write that fails while the surface is finished (fonts and the trailer are written then), so a full disk would
/// leave a truncated PDF behind a successful export. Every write goes through `write(2)` here, and the first
/// failure's error number is kept for the canvas to throw.
final class PDFFileSink {
    let path: String
    private var descriptor: Int32
    /// The system error number of the first failed write or close; 0 while all is well.
    private(set) var errorNumber: Int32 = 0

    /// Creates (or truncates) the file at `path`.
    init(path: String) throws(PDFError) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .couldNotWrite(path: path, errno: errno) }
    }

    deinit { if descriptor >= 0 { Foundation.close(descriptor) } }

    /// Cairo's write function: `closure` is an unretained `PDFFileSink`.
    static let write: cairo_write_func_t = { closure, data, length in
        let sink = Unmanaged<PDFFileSink>.fromOpaque(closure!).takeUnretainedValue()
        return sink.write(data, count: Int(length)) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR
    }

    private func write(_ data: UnsafePointer<UInt8>?, count: Int) -> Bool {
        guard errorNumber == 0, descriptor >= 0 else { return false }
        guard let data else { return count == 0 }
        var offset = 0
        while offset < count {
            let written = Foundation.write(descriptor, data + offset, count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                errorNumber = errno
                return false
            }
            offset += written
        }
        return true
    }

    /// Closes the file; throws the first failure of any write or of the close itself.
    func close() throws(PDFError) {
        if descriptor >= 0 {
            if Foundation.close(descriptor) != 0 && errorNumber == 0 { errorNumber = errno }
            descriptor = -1
        }
        if errorNumber != 0 { throw .couldNotWrite(path: path, errno: errorNumber) }
    }
}
