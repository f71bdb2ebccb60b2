import CQREncode

/// A QR code symbol as a square matrix of modules, encoded with error-correction level M in 8-bit mode.
///
/// The matrix holds only the symbol; the quiet zone (blank margin) around it is the drawer's business.
/// Encoding is deterministic: the same payload always gives the same matrix.
public struct QRCode: Sendable, Hashable {
    /// Number of modules along one side of the symbol (21 for version 1, plus 4 per version).
    public let size: Int
    /// QR version chosen by libqrencode, the smallest that holds the payload (1...40).
    public let version: Int
    /// Row-major dark flags, `size * size` entries.
    private let modules: [Bool]

    /// Encodes `payload`'s UTF-8 bytes.
    /// - Throws: `QRCodeError.payloadTooLong` when no version can hold the bytes at level M,
    ///   `QRCodeError.encodingFailed` for any other libqrencode failure.
    public init(encoding payload: String) throws(QRCodeError) {
        let bytes = Array(payload.utf8)
        // Level M in byte mode holds at most 2,331 bytes (version 40).
        guard bytes.count <= 2_331 else { throw .payloadTooLong(byteCount: bytes.count) }
        let symbol = bytes.withUnsafeBufferPointer { buffer in
            QRcode_encodeData(Int32(buffer.count), buffer.baseAddress, 0, QR_ECLEVEL_M)
        }
        guard let symbol else { throw .encodingFailed }
        defer { QRcode_free(symbol) }
        let width = Int(symbol.pointee.width)
        var modules = [Bool](repeating: false, count: width * width)
        for index in 0..<(width * width) {
            // Bit 0 of each byte is the module colour; the other bits describe the module's function.
            modules[index] = symbol.pointee.data[index] & 1 == 1
        }
        self.size = width
        self.version = Int(symbol.pointee.version)
        self.modules = modules
    }

    /// Whether the module at `row`, `column` (both zero-based from the top-left corner) is dark.
    public subscript(row: Int, column: Int) -> Bool {
        precondition((0..<size).contains(row) && (0..<size).contains(column), "module outside the symbol")
        return modules[row * size + column]
    }
}
