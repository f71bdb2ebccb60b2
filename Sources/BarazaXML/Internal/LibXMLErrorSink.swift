import BarazaModel
import CLibXML2

/// Collects the first error libxml2 reports through a structured error handler.
final class LibXMLErrorSink {
    let sourceName: String
    private(set) var firstError: XMLImportError?

    init(sourceName: String) {
        self.sourceName = sourceName
    }

    func record(_ error: XMLImportError) {
        if firstError == nil { firstError = error }
    }

    /// A context pointer for C callbacks; valid while `self` is alive.
    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static func from(_ context: UnsafeMutableRawPointer?) -> LibXMLErrorSink? {
        guard let context else { return nil }
        return Unmanaged<LibXMLErrorSink>.fromOpaque(context).takeUnretainedValue()
    }

    /// Converts a libxml2 error into ours; warnings are ignored.
    func record(_ error: UnsafePointer<xmlError>) {
        let raw = error.pointee
        guard raw.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        var message = raw.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        while message.last?.isWhitespace == true { message.removeLast() }
        let location = SourceLocation(file: sourceName, line: Int(raw.line), column: Int(raw.int2))
        record(Self.classify(code: raw.code, location: location, message: message))
    }

    /// libxml2 catches some entity abuse itself (loops, amplification, undeclared entities); those are
    /// reported as the entity error callers look for.
    private static func classify(code: Int32, location: SourceLocation, message: String) -> XMLImportError {
        switch code {
        case Int32(XML_ERR_ENTITY_LOOP.rawValue), Int32(XML_ERR_ENTITY_BOUNDARY.rawValue),
            Int32(XML_ERR_UNDECLARED_ENTITY.rawValue), Int32(XML_WAR_UNDECLARED_ENTITY.rawValue),
            Int32(XML_ERR_ENTITY_PE_INTERNAL.rawValue):
            return .entitiesNotAllowed(location)
        case Int32(XML_ERR_INTERNAL_ERROR.rawValue) where message.contains("Excessive depth"):
            // libxml2's xmlParserMaxDepth without XML_PARSE_HUGE.
            return .limitExceeded(location, kind: .depth, limit: 256)
        case _ where message.contains("huge text node") || message.contains("Huge input lookup"):
            return .limitExceeded(location, kind: .textSize, limit: 10_000_000)
        default:
            return .malformed(location, message: message)
        }
    }
}

/// The C callback shape libxml2 calls; `context` is a `LibXMLErrorSink`.
let libXMLErrorSinkHandler: xmlStructuredErrorFunc = { context, error in
    guard let error, let sink = LibXMLErrorSink.from(context) else { return }
    sink.record(UnsafePointer(error))
}
