/// Why a payload could not be turned into a QR code.
public enum QRCodeError: Error, Sendable, Hashable {
    /// The payload's UTF-8 form is longer than the largest symbol holds at level M.
    case payloadTooLong(byteCount: Int)
    /// libqrencode refused the input for another reason (for example, out of memory).
    case encodingFailed
}
