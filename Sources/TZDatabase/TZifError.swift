/// Why bytes could not be read as a TZif file (RFC 8536).
public enum TZifError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file does not start with the `TZif` magic.
    case notTZif
    /// The version byte is none of NUL, `2`, `3`, `4`.
    case unsupportedVersion(UInt8)
    /// The file ends before `needed` bytes that the header announces at byte `offset`.
    case truncated(offset: Int, needed: Int)
    /// The file is larger than `limit` bytes, far beyond any real zone.
    case tooLarge(size: Int, limit: Int)
    /// A header count, transition, type or abbreviation breaks the format's rules.
    case invalid(String)
    /// The footer is not a valid POSIX TZ string.
    case invalidFooter(String)

    /// One line for a person.
    public var description: String {
        switch self {
        case .notTZif: return "not a TZif file (no `TZif` magic)"
        case .unsupportedVersion(let v): return "unsupported TZif version byte \(v)"
        case .truncated(let offset, let needed):
            return "TZif data truncated: \(needed) bytes expected at byte \(offset)"
        case .tooLarge(let size, let limit): return "TZif file of \(size) bytes exceeds the \(limit)-byte limit"
        case .invalid(let why): return "invalid TZif data: \(why)"
        case .invalidFooter(let footer): return "invalid TZ string in TZif footer: `\(footer)`"
        }
    }
}
