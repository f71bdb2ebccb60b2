import BarazaModel

/// Everything that can go wrong while reading untrusted XML, spreadsheets and archives.
///
/// Cases carry where the problem is; ``message`` and ``description`` render them in one place.
/// Messages never quote cell or field values, so personal data stays out of logs.
public enum XMLImportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The input is not well-formed XML (libxml2's own diagnosis, e.g. truncated file, invalid UTF-8).
    case malformed(SourceLocation, message: String)
    /// The document declares or references entities (other than the five predefined ones).
    case entitiesNotAllowed(SourceLocation)
    /// The document refers to an external DTD.
    case externalDTDNotAllowed(SourceLocation)
    /// The document contains an XInclude element.
    case xincludeNotAllowed(SourceLocation)
    /// A resource limit from ``XMLLimits`` or ``ArchiveLimits`` was exceeded.
    case limitExceeded(SourceLocation, kind: XMLLimitKind, limit: Int)
    /// The file could not be opened or read.
    case unreadable(path: String, reason: String)
    /// The file is not in a format this module reads, or not the one expected.
    case unsupportedFormat(path: String, reason: String)
    /// A zip archive is unsafe to read: bad entry path, too large, suspicious compression ratio.
    case unsafeArchive(path: String, entry: String, reason: String)
    /// A part a workbook needs is missing (e.g. `xl/workbook.xml`, a named sheet).
    case missingPart(path: String, part: String)
    /// The content is well-formed XML but not the shape expected (e.g. a shared-string index out of range).
    case invalidContent(SourceLocation, message: String)
    /// An XPath expression could not be compiled or evaluated.
    case invalidXPath(expression: String, message: String)

    /// Where the problem is, when it has a place in a file.
    public var location: SourceLocation? {
        switch self {
        case .malformed(let location, _), .entitiesNotAllowed(let location), .externalDTDNotAllowed(let location),
            .xincludeNotAllowed(let location), .limitExceeded(let location, _, _),
            .invalidContent(let location, _):
            return location
        case .unreadable(let path, _), .unsupportedFormat(let path, _), .unsafeArchive(let path, _, _),
            .missingPart(let path, _):
            return SourceLocation(file: path, line: 0, column: 0)
        case .invalidXPath:
            return nil
        }
    }

    /// A human message without the location.
    public var message: String {
        switch self {
        case .malformed(_, let message):
            return "malformed XML: \(message)"
        case .entitiesNotAllowed:
            return "entity declarations and entity references are not allowed"
        case .externalDTDNotAllowed:
            return "external DTDs are not allowed"
        case .xincludeNotAllowed:
            return "XInclude is not allowed"
        case .limitExceeded(_, let kind, let limit):
            switch kind {
            case .depth: return "elements nested deeper than \(limit) levels"
            case .nameLength: return "a name longer than \(limit) bytes"
            case .textSize: return "a text node larger than \(limit) bytes"
            case .attributeCount: return "an element with more than \(limit) attributes"
            case .documentSize: return "a document larger than \(limit) bytes"
            }
        case .unreadable(_, let reason):
            return "cannot read file: \(reason)"
        case .unsupportedFormat(_, let reason):
            return "unsupported format: \(reason)"
        case .unsafeArchive(_, let entry, let reason):
            return "unsafe zip archive: entry '\(entry)': \(reason)"
        case .missingPart(_, let part):
            return "missing part: \(part)"
        case .invalidContent(_, let message):
            return message
        case .invalidXPath(let expression, let message):
            return "XPath '\(expression)': \(message)"
        }
    }

    /// `file:line:column: message`.
    public var description: String {
        guard let location else { return message }
        if location.line == 0 { return "\(location.file): \(message)" }
        return "\(location): \(message)"
    }
}
