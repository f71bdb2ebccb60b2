import Crypto
import Foundation
import HTTPTypes
import Hummingbird

/// One thing the server answers with: its bytes, their validator and when they last changed, and the header fields
/// of every answer about it made once, when the state is loaded, so that a request costs no formatting.
struct Resource: Sendable {
    /// The bytes, kept once and sent to every client without a copy.
    var buffer: ByteBuffer
    var contentType: String
    /// A strong ETag: the first 128 bits of the bytes' SHA-256, quoted.
    var etag: String
    /// When the server first saw these bytes (whole seconds since 1970).
    var lastModified: Int
    /// The access log's name for what this is (`feed-room`, `session-page`...).
    var route: String
    /// How long clients and caches may keep it.
    var cacheControl: String
    /// The page's own Content-Security-Policy, for HTML that carries its script inline (allowed by hash).
    var contentSecurityPolicy: String?
    /// The fields of a 200 (with Content-Type) and of a 304 (validators and caching only), security headers
    /// included.
    private(set) var full = HTTPFields()
    private(set) var notModified = HTTPFields()
    /// The bytes gzipped, for clients that accept it, when they are large enough to gain from it (feeds of a whole
    /// event or room, the agenda); compressed once per state, never per request.
    private(set) var gzipped: (buffer: ByteBuffer, etag: String, full: HTTPFields, notModified: HTTPFields)?

    /// Bytes from which a gzipped copy is kept.
    static let gzipThreshold = 32 * 1024

    init(
        bytes: Data, contentType: String, route: String, cacheControl: String, seenAt: Int, previous: Resource?,
        contentSecurityPolicy: String? = nil
    ) {
        self.route = route
        self.cacheControl = cacheControl
        self.contentSecurityPolicy = contentSecurityPolicy
        self.buffer = ByteBuffer(bytes: bytes)
        self.contentType = contentType
        self.etag = Self.etag(of: bytes)
        self.lastModified = previous?.etag == etag ? previous!.lastModified : seenAt
        var fields = HTTPFields()
        fields[.eTag] = etag
        fields[.lastModified] = HTTPDate.format(lastModified)
        fields[.cacheControl] = cacheControl
        fields.append(contentsOf: FeedRouter.finishing(policy: contentSecurityPolicy))
        if bytes.count >= Self.gzipThreshold, let packed = Gzip.compress(bytes) {
            let packedTag = String(etag.dropLast()) + "-gzip\""
            fields[.vary] = "Accept-Encoding"
            var packedFields = fields
            packedFields[.eTag] = packedTag
            let packedNotModified = packedFields
            packedFields.insert(HTTPField(name: .contentType, value: contentType), at: 0)
            packedFields[.contentEncoding] = "gzip"
            gzipped = (ByteBuffer(bytes: packed), packedTag, packedFields, packedNotModified)
        }
        notModified = fields
        fields.insert(HTTPField(name: .contentType, value: contentType), at: 0)
        full = fields
    }

    /// The answer to a GET or HEAD: 304 when the client's copy is current, else the bytes, gzipped when the client
    /// accepts it and a gzipped copy is kept.
    func answer(ifNoneMatch: String?, ifModifiedSince: String?, acceptEncoding: String?) -> Answer {
        let packed = gzipped.flatMap { Gzip.accepted(by: acceptEncoding) ? $0 : nil }
        if isCurrent(ifNoneMatch: ifNoneMatch, ifModifiedSince: ifModifiedSince) {
            return Answer(
                status: 304, headers: [], body: ByteBuffer(), route: route,
                prepared: packed?.notModified ?? notModified)
        }
        if let packed {
            return Answer(status: 200, headers: [], body: packed.buffer, route: route, prepared: packed.full)
        }
        return Answer(status: 200, headers: [], body: buffer, route: route, prepared: full)
    }

    /// Whether a client holding the copy named by `ifNoneMatch` (else dated `ifModifiedSince`) has these bytes.
    func isCurrent(ifNoneMatch: String?, ifModifiedSince: String?) -> Bool {
        if let match = ifNoneMatch {
            let packedTag = gzipped?.etag
            if match == etag || match == packedTag { return true }
            return match.split(separator: ",").contains { tag in
                let tag = tag.trimmingCharacters(in: .whitespaces)
                return tag == "*" || tag == etag || tag == "W/" + etag
                    || packedTag.map { tag == $0 || tag == "W/" + $0 } == true
            }
        }
        if let since = ifModifiedSince.flatMap(HTTPDate.parse) { return lastModified <= since }
        return false
    }

    static func etag(of bytes: Data) -> String {
        let digest = SHA256.hash(data: bytes)
        return "\"" + digest.prefix(16).map { String(format: "%02x", $0) }.joined() + "\""
    }
}
