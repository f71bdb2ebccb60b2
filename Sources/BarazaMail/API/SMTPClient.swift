import CCurl
import Foundation

/// Submits messages to one SMTP server through libcurl, over one connection kept open between messages.
///
/// Each ``send(_:from:to:)`` is one SMTP transaction: `MAIL FROM`, `RCPT TO` per recipient, `DATA`. libcurl speaks
/// the protocol, TLS (STARTTLS required when the settings say so, or TLS from the first byte) and login; this type
/// sorts the result into accepted, temporary, permanent, or settings that cannot work. Not thread-safe: one
/// client per sending loop.
public final class SMTPClient {
    private let settings: SMTPSettings
    private let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private let url: String

    /// Prepares a client for `settings`; no connection is made before the first message. `heloDomain` is the name
    /// the client gives in `EHLO` (the sender's domain is a good choice).
    public init(settings: SMTPSettings, heloDomain: String) throws {
        _ = Self.globalInitialisation
        guard let handle = curl_easy_init() else { throw SMTPClientError.unavailable("curl_easy_init failed") }
        self.settings = settings
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let scheme = settings.security == .tls ? "smtps" : "smtp"
        let host = settings.host.contains(":") && !settings.host.hasPrefix("[") ? "[\(settings.host)]" : settings.host
        let domain =
            heloDomain.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-.".contains($0)) }
            ? heloDomain : "localhost"
        url = "\(scheme)://\(host):\(settings.port)/\(domain)"
        try configure()
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    private static let globalInitialisation: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    /// The libcurl version and its TLS library, for `--version`-style notes.
    public static var libraryVersion: String { String(cString: curl_version()) }

    private func configure() throws {
        var failures: [CURLcode] = []
        func check(_ code: CURLcode) { if code != CURLE_OK { failures.append(code) } }
        check(baraza_curl_set_string(handle, CURLOPT_URL, url))
        check(baraza_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
        check(baraza_curl_set_long(handle, CURLOPT_NOSIGNAL, 1))
        check(baraza_curl_set_long(handle, CURLOPT_UPLOAD, 1))
        check(baraza_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT, 30))
        // A transaction that stalls for a minute is treated as a dropped connection (and retried).
        check(baraza_curl_set_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1))
        check(baraza_curl_set_long(handle, CURLOPT_LOW_SPEED_TIME, 60))
        check(baraza_curl_set_long(handle, CURLOPT_TIMEOUT, 300))
        let ssl: curl_usessl = settings.security == .none ? CURLUSESSL_NONE : CURLUSESSL_ALL
        check(baraza_curl_set_long(handle, CURLOPT_USE_SSL, Int(ssl.rawValue)))
        if let caFile = settings.caFile { check(baraza_curl_set_string(handle, CURLOPT_CAINFO, caFile)) }
        if settings.insecure {
            check(baraza_curl_set_long(handle, CURLOPT_SSL_VERIFYPEER, 0))
            check(baraza_curl_set_long(handle, CURLOPT_SSL_VERIFYHOST, 0))
        }
        if let user = settings.user {
            check(baraza_curl_set_string(handle, CURLOPT_USERNAME, user))
            check(baraza_curl_set_string(handle, CURLOPT_PASSWORD, settings.password?.text ?? ""))
        }
        // The debug callback sees the server's replies (never what the client sends, which holds the login).
        check(baraza_curl_set_long(handle, CURLOPT_VERBOSE, 1))
        check(
            baraza_curl_set_debug_function(handle) { _, kind, data, size, context in
                guard kind == CURLINFO_HEADER_IN, let data, let context else { return 0 }
                let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
                transfer.received(UnsafeRawBufferPointer(start: data, count: size))
                return 0
            })
        check(
            baraza_curl_set_read_function(handle) { buffer, size, count, context in
                guard let buffer, let context else { return 0 }
                let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
                return transfer.read(into: buffer, capacity: size * count)
            })
        if let failure = failures.first {
            throw SMTPClientError.unavailable(String(cString: curl_easy_strerror(failure)))
        }
    }

    /// Sends `message` (the RFC 5322 octets, CRLF line ends) with envelope sender `from` to `recipients`.
    public func send(_ message: Data, from sender: MailAddress, to recipients: [MailAddress]) -> SMTPOutcome {
        let transfer = Transfer(body: message)
        let context = Unmanaged.passUnretained(transfer).toOpaque()
        var list: UnsafeMutablePointer<curl_slist>?
        for recipient in recipients { list = curl_slist_append(list, "<\(recipient.address)>") }
        defer { curl_slist_free_all(list) }
        errorBuffer[0] = 0
        var setup = baraza_curl_set_string(handle, CURLOPT_MAIL_FROM, "<\(sender.address)>")
        if setup == CURLE_OK { setup = baraza_curl_set_list(handle, CURLOPT_MAIL_RCPT, list) }
        if setup == CURLE_OK { setup = baraza_curl_set_pointer(handle, CURLOPT_READDATA, context) }
        if setup == CURLE_OK { setup = baraza_curl_set_pointer(handle, CURLOPT_DEBUGDATA, context) }
        if setup == CURLE_OK { setup = baraza_curl_set_long(handle, CURLOPT_INFILESIZE, message.count) }
        guard setup == CURLE_OK else {
            return .unusable(SMTPReply(code: 0, text: String(cString: curl_easy_strerror(setup))))
        }
        let result = withExtendedLifetime(transfer) { curl_easy_perform(handle) }
        baraza_curl_set_list(handle, CURLOPT_MAIL_RCPT, nil)
        var code = 0
        baraza_curl_response_code(handle, &code)
        let replyText = transfer.lastReply.isEmpty ? "\(code)" : transfer.lastReply
        if result == CURLE_OK {
            return code == 250
                ? .accepted(SMTPReply(code: code, text: replyText))
                : .temporaryFailure(SMTPReply(code: code, text: "unexpected reply: " + replyText))
        }
        let detail = errorBuffer[0] != 0 ? String(cString: errorBuffer) : String(cString: curl_easy_strerror(result))
        switch result {
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_LOGIN_DENIED, CURLE_USE_SSL_FAILED,
            CURLE_UNSUPPORTED_PROTOCOL, CURLE_SSL_CONNECT_ERROR, CURLE_AUTH_ERROR, CURLE_URL_MALFORMAT,
            CURLE_COULDNT_RESOLVE_HOST:
            return .unusable(SMTPReply(code: code, text: detail))
        default:
            break
        }
        // A reply that ended the transaction decides; without one (connection refused, dropped) it is temporary.
        let last = transfer.failure?.code ?? code
        let text = transfer.failure?.text ?? "\(last) (\(detail))"
        switch last {
        case 400..<500: return .temporaryFailure(SMTPReply(code: last, text: text))
        case 500..<600: return .permanentFailure(SMTPReply(code: last, text: text))
        default: return .temporaryFailure(SMTPReply(code: 0, text: detail))
        }
    }
}

/// One message on its way: the octets libcurl reads, and the server's replies as they come.
private final class Transfer {
    let body: Data
    var offset = 0
    var pending = ""
    var lastReply = ""
    var replyCode = 0
    /// The first 4xx or 5xx reply (libcurl may say QUIT afterwards, whose 221 must not hide it).
    var failure: (code: Int, text: String)?

    init(body: Data) { self.body = body }

    func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
        let count = min(capacity, body.count - offset)
        guard count > 0 else { return 0 }
        body.withUnsafeBytes { raw in
            UnsafeMutableRawPointer(buffer).copyMemory(from: raw.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }

    /// Replies arrive line by line; `250-` continues a reply, `250 ` ends it.
    func received(_ bytes: UnsafeRawBufferPointer) {
        pending += String(decoding: bytes, as: UTF8.self)
        while let end = pending.firstIndex(where: \.isNewline) {
            let line = String(pending[..<end]).trimmingCharacters(in: .whitespacesAndNewlines)
            pending = String(pending[pending.index(after: end)...])
            let utf8 = Array(line.utf8)
            guard utf8.count >= 3, let code = Int(String(line.prefix(3))) else { continue }
            if utf8.count == 3 || utf8[3] == 0x20 {
                lastReply = String(line.prefix(512))
                replyCode = code
                if code >= 400, failure == nil { failure = (code, lastReply) }
            }
        }
    }
}
