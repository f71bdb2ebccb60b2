import Foundation
import HTTPTypes
import Hummingbird

/// A response before it becomes Hummingbird's: status, headers, body, and the route's name for the access log
/// (a name, never the path: personal paths carry tokens).
struct Answer: Sendable {
    var status: Int
    var headers: [(String, String)]
    /// Shared, not copied: a feed's buffer is built once per state and handed to every request.
    var body: ByteBuffer
    var route: String
    /// Every header field, made ahead (a resource's): sent as they are; `headers` is then unused.
    var prepared: HTTPFields?

    static func notFound() -> Answer {
        Answer(
            status: 404, headers: [("Content-Type", "text/plain; charset=utf-8"), ("Cache-Control", "no-store")],
            body: ByteBuffer(string: "not found\n"), route: "not-found")
    }

    static func plain(_ status: Int, _ text: String, route: String, extra: [(String, String)] = []) -> Answer {
        Answer(
            status: status,
            headers: [("Content-Type", "text/plain; charset=utf-8"), ("Cache-Control", "no-store")] + extra,
            body: ByteBuffer(string: text + "\n"), route: route)
    }

    static func redirect(to location: String) -> Answer {
        Answer(
            status: 302, headers: [("Location", location), ("Cache-Control", "no-store")], body: ByteBuffer(),
            route: "redirect")
    }
}

/// The headers every answer carries: nothing sniffed, framed, or leaking the address (personal URLs hold tokens).
let securityHeaders: [(String, String)] = [
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
]
