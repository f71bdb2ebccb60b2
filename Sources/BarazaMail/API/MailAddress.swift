/// An email address as SMTP carries it in `MAIL FROM` and `RCPT TO` (RFC 5321): `local@domain`, printable ASCII,
/// at most 254 octets, with no character that could end a command or an address early.
///
/// Internationalised addresses (SMTPUTF8) are refused rather than sent to a server that may not accept them.
public struct MailAddress: Hashable, Sendable, CustomStringConvertible {
    /// The address, `name@example.org`.
    public let address: String

    /// The longest address SMTP accepts in a path (RFC 5321 4.5.3.1.3: a path of 256 octets with `<` and `>`).
    public static let maximumLength = 254

    /// Checks `text` and wraps it; nil when it is not a plain `local@domain` address.
    public init?(_ text: String) {
        guard Self.isValid(text) else { return nil }
        address = text
    }

    /// The part after the last `@`.
    public var domain: Substring { address[address.index(after: address.lastIndex(of: "@")!)...] }

    /// The address itself.
    public var description: String { address }

    static func isValid(_ text: String) -> Bool {
        guard text.utf8.count <= maximumLength, let at = text.lastIndex(of: "@") else { return false }
        let local = text[..<at]
        let domain = text[text.index(after: at)...]
        guard !local.isEmpty, local.utf8.count <= 64, !domain.isEmpty, !domain.hasPrefix("."), !domain.hasSuffix("."),
            !domain.contains("..")
        else { return false }
        // Printable ASCII without space, and none of the characters that delimit a path or a command.
        let forbidden: Set<UInt8> = [0x3C, 0x3E, 0x28, 0x29, 0x2C, 0x3B, 0x3A, 0x5C, 0x22, 0x5B, 0x5D]
        let printable = text.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && !forbidden.contains($0) }
        let domainCharacters = domain.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2D || byte == 0x2E
        }
        return printable && domainCharacters && local.utf8.filter({ $0 == 0x40 }).isEmpty
    }
}
