import Crypto
import Foundation
import Hummingbird

/// One thing the server answers with: its bytes, their validator and when they last changed.
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

    init(
        bytes: Data, contentType: String, route: String, cacheControl: String, seenAt: Int, previous: Resource?,
        contentSecurityPolicy: String? = nil
    ) {
        self.route = route
        self.cacheControl = cacheControl
        self.contentSecurityPolicy = contentSecurityPolicy
        self.buffer = ByteBuffer(bytes: bytes)
        self.contentType = contentType
        let digest = SHA256.hash(data: bytes)
        self.etag = "\"" + digest.prefix(16).map { String(format: "%02x", $0) }.joined() + "\""
        self.lastModified = previous?.etag == etag ? previous!.lastModified : seenAt
    }
}
