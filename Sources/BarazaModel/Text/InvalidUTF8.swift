/// Where text stops being UTF-8: the first byte that does not begin or continue a valid sequence (overlong forms
/// and surrogates included, as Swift's own validation refuses them), and its line and column as an editor shows
/// them (columns in characters). For errors that send the user to the byte Windows-1252 or Latin-1 wrote.
public struct InvalidUTF8: Hashable, Sendable {
    /// The byte's offset in the text.
    public let offset: Int
    /// Its line, from 1.
    public let line: Int
    /// Its column on that line, from 1, counting each valid character before it once.
    public let column: Int
    /// The byte itself.
    public let byte: UInt8

    /// The first invalid byte of `bytes`, or nil when all of it is UTF-8.
    public static func first<Bytes: Collection<UInt8>>(in bytes: Bytes) -> InvalidUTF8? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        var line = 1
        var column = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                offset += encoded.count
                if encoded.count == 1 && encoded.first == 0x0A {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput:
                return nil
            case .error:
                let byte = bytes[bytes.index(bytes.startIndex, offsetBy: offset)]
                return InvalidUTF8(offset: offset, line: line, column: column, byte: byte)
            }
        }
    }
}
