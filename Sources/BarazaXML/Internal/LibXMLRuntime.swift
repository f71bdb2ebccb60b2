import CLibXML2

/// Process-wide libxml2 set-up and the parser options every parse in this module uses.
enum LibXMLRuntime {
    /// Options for untrusted input. Deliberately absent: NOENT (entity substitution), DTDLOAD, DTDATTR,
    /// DTDVALID, XINCLUDE and HUGE (which would lift libxml2's own depth and size caps).
    static let parseOptions: Int32 = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_COMPACT.rawValue
    )

    static func options(dropsBlankText: Bool) -> Int32 {
        dropsBlankText ? parseOptions | Int32(XML_PARSE_NOBLANKS.rawValue) : parseOptions
    }

    private static let initialised: Bool = {
        xmlInitParser()
        // Defence in depth: even if some code path asked for an external entity or DTD, nothing is loaded.
        xmlSetExternalEntityLoader { _, _, _ in nil }
        return true
    }()

    /// Initialises libxml2 once and silences its default stderr reporting on the calling thread
    /// (libxml2 keeps those handlers per thread). Errors reach callers through per-parse structured handlers.
    static func prepare() {
        _ = initialised
        // `xmlGenericErrorFunc` is variadic in C and imports as an opaque pointer; a no-op C function
        // with no parameters is a valid callee for it on the platforms Swift supports.
        let silentGenericError = unsafeBitCast(
            { () in } as @convention(c) () -> Void, to: xmlGenericErrorFunc.self)
        xmlSetGenericErrorFunc(nil, silentGenericError)
        xmlSetStructuredErrorFunc(nil, silentStructuredError)
    }
}

/// libxml2 falls back to these when no per-parse handler applies; they drop the message.
private let silentStructuredError: xmlStructuredErrorFunc = { _, _ in }
