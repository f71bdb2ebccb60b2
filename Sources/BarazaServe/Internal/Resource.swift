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

    /// The resource of `bytes`; `buffer` holds the same bytes when they are kept elsewhere already (a slice of
    /// ``packed(_:)``'s buffers).
    init(
        bytes: Data, buffer: ByteBuffer? = nil, contentType: String, route: String, cacheControl: String, seenAt: Int,
        previous: Resource?, contentSecurityPolicy: String? = nil
    ) {
        self.route = route
        self.cacheControl = cacheControl
        self.contentSecurityPolicy = contentSecurityPolicy
        self.buffer = buffer ?? ByteBuffer(bytes: bytes)
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

    /// Bytes per buffer of ``packed(_:)``: a power of two, as NIO sizes every buffer.
    static let packSize = 4 << 20

    /// `bodies` copied one after another into shared buffers of ``packSize`` bytes, each handed back as a slice
    /// (in order): one allocation per 4 MiB instead of one per body, each of which NIO would round up to a power
    /// of two (a 2.5 KB personal feed takes 4 KB alone). A body larger than a quarter of a buffer keeps its own.
    static func packed(_ bodies: [Data]) -> [ByteBuffer] {
        var slices: [ByteBuffer] = []
        slices.reserveCapacity(bodies.count)
        var start = 0
        while start < bodies.count {
            guard bodies[start].count <= packSize / 4 else {
                slices.append(ByteBuffer(bytes: bodies[start]))
                start += 1
                continue
            }
            var end = start
            var size = 0
            while end < bodies.count, bodies[end].count <= packSize / 4, size + bodies[end].count <= packSize {
                size += bodies[end].count
                end += 1
            }
            // Written whole before any slice is taken: a slice shares the storage, and a write to shared storage
            // would copy it.
            var buffer = ByteBufferAllocator().buffer(capacity: size)
            var offsets: [Int] = []
            for body in bodies[start..<end] {
                offsets.append(buffer.writerIndex)
                buffer.writeBytes(body)
            }
            for (offset, body) in zip(offsets, bodies[start..<end]) {
                slices.append(buffer.getSlice(at: offset, length: body.count)!)
            }
            start = end
        }
        return slices
    }

    static func etag(of bytes: Data) -> String {
        let digest = SHA256.hash(data: bytes)
        return "\"" + digest.prefix(16).map { String(format: "%02x", $0) }.joined() + "\""
    }
}
