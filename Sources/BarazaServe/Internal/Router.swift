import Foundation
import HTTPTypes
import Hummingbird

/// Decides the answer to one request from the live state. Pure: no I/O, so it is the same whatever serves it.
///
/// Paths are matched exactly against what the snapshot holds (nothing is ever read from disk), after one
/// percent-decoding; a path with `..`, `.`, an empty segment, a backslash, a NUL or an encoded `/` is unknown.
/// Every unknown path, token or not, gets the same 404.
struct FeedRouter: Sendable {
    /// Longest request target accepted (414 beyond).
    static let maximumTargetLength = 2048
    /// Requests carry no body here: one announcing more than this is refused (413).
    static let maximumBodyLength = 0

    var state: LiveState
    var configuredHost: String
    var configuredPort: @Sendable () -> Int

    struct Request: Sendable {
        var method: String
        var target: String
        /// The `Host` the client sent (HTTP/1.1's Host header is the request's authority, not one of its fields).
        var host: String?
        var fields: HTTPFields

        func header(_ name: HTTPField.Name) -> String? { fields[name] }

        func header(_ name: String) -> String? { HTTPField.Name(name).flatMap { fields[$0] } }
    }

    /// The answer to `request`, whose target's decoded path (``path(of:)``) is `path`.
    func answer(_ request: Request, path: String?) -> Answer {
        Self.finish(route(request, path: path), method: request.method)
    }

    /// `answer` with the headers every answer carries, and no body for HEAD.
    static func finish(_ answer: Answer, method: String) -> Answer {
        var answer = answer
        if answer.prepared == nil {
            for (name, value) in securityHeaders + [
                ("Content-Security-Policy", ContentSecurity.none),
                ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
            ] where !answer.headers.contains(where: { $0.0 == name }) {
                answer.headers.append((name, value))
            }
        }
        if method == "HEAD" { answer.body = ByteBuffer() }
        return answer
    }

    /// The fields `finish` adds to an answer, for answers made ahead: with `policy` as the
    /// Content-Security-Policy (nothing may load or run when nil).
    static func finishing(policy: String?) -> HTTPFields {
        var fields = HTTPFields()
        for (name, value) in securityHeaders {
            if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
        }
        fields[.contentSecurityPolicy] = policy ?? ContentSecurity.none
        fields[HTTPField.Name("Permissions-Policy")!] = "camera=(), microphone=(), geolocation=()"
        return fields
    }

    private func route(_ request: Request, path: String?) -> Answer {
        guard request.target.utf8.count <= Self.maximumTargetLength else {
            return .plain(414, "request target too long", route: "refused")
        }
        if let length = request.header(.contentLength), Int(length) ?? 1 > Self.maximumBodyLength {
            return .plain(413, "request body not accepted", route: "refused")
        }
        if request.header(.transferEncoding) != nil {
            return .plain(413, "request body not accepted", route: "refused")
        }
        guard request.method == "GET" || request.method == "HEAD" else {
            return .plain(405, "method not allowed", route: "refused", extra: [("Allow", "GET, HEAD")])
        }
        guard let path else { return .notFound() }
        let served = state.served
        switch path {
        case "/": return .redirect(to: "/agenda/")
        case "/agenda", "/agenda/index.html": return .redirect(to: "/agenda/")
        case "/search":
            let query = request.target.utf8.firstIndex(of: UInt8(ascii: "?")).map {
                String(request.target[request.target.index(after: $0)...])
            }
            return served.snapshot.search.answer(queryString: query ?? "")
        case "/subscribe":
            return SubscribePage.answer(snapshot: served.snapshot, host: host(of: request))
        default: break
        }
        if let resource = served.snapshot.resources[path] { return conditional(resource, request: request) }
        if path.hasPrefix("/feeds/"), path.hasSuffix(".ics") {
            let token = path.dropFirst("/feeds/".count).dropLast(".ics".count)
            guard let person = served.snapshot.person(forToken: token), let resource = served.snapshot.personal[person]
            else {
                return .notFound()
            }
            return conditional(resource, request: request)
        }
        if path.hasPrefix("/feeds/") {
            // A person's own agenda: the page behind their calendar's address.
            let token = path.dropFirst("/feeds/".count)
            let snapshot = served.snapshot
            guard let person = snapshot.person(forToken: token), snapshot.personal[person] != nil,
                let workspace = snapshot.workspace,
                let html = ProgrammePages(workspace: workspace).myAgenda(
                    person: person, feedPath: "/feeds/\(token).ics", host: host(of: request))
            else { return .notFound() }
            return PageFrame.answer(html: html, route: "my-agenda", cache: "private, no-store")
        }
        if path.hasPrefix("/admin/") {
            let token = path.dropFirst("/admin/".count)
            let snapshot = served.snapshot
            let expected = state.keys.adminToken(event: snapshot.event)
            guard Snapshot.constantTimeEqual(Array(token.utf8), Array(expected.utf8)) else { return .notFound() }
            return AdminPage.answer(snapshot: snapshot, problem: state.problem)
        }
        return .notFound()
    }

    /// 304 when the client's copy is current (If-None-Match first, else If-Modified-Since), else the bytes; the
    /// header fields are the resource's own, made when the state was loaded.
    private func conditional(_ resource: Resource, request: Request) -> Answer {
        resource.answer(
            ifNoneMatch: request.header(.ifNoneMatch), ifModifiedSince: request.header(.ifModifiedSince),
            acceptEncoding: request.header(.acceptEncoding))
    }

    /// The Host the client used, when it is a plain host name or address with a port; else the configured one.
    private func host(of request: Request) -> String {
        if let host = request.host, !host.isEmpty, host.utf8.count <= 255,
            host.unicodeScalars.allSatisfy({
                CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]")
                    .contains($0)
            })
        {
            return host
        }
        return "\(configuredHost):\(configuredPort())"
    }

    /// The decoded path of a request target (the query left out); nil as for `decodedPath`.
    static func path(of target: String) -> String? {
        let raw = target.utf8.firstIndex(of: UInt8(ascii: "?")).map { target[..<$0] } ?? target[...]
        return decodedPath(raw)
    }

    /// The path with `%XX` decoded once; nil when it holds a segment that could name anything but a served file.
    static func decodedPath(_ raw: Substring) -> String? {
        guard raw.hasPrefix("/") else { return nil }
        if !raw.utf8.contains(UInt8(ascii: "%")) { return plainPathIsServable(raw.utf8) ? String(raw) : nil }
        var bytes: [UInt8] = []
        var iterator = raw.utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next(), let low = iterator.next(),
                    let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
                else { return nil }
                if value == UInt8(ascii: "/") || value == 0 || value == UInt8(ascii: "\\") { return nil }
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        guard let path = String(validating: bytes, as: UTF8.self), plainPathIsServable(path.utf8) else { return nil }
        return path
    }

    /// Whether a decoded path (starting with `/`) has no backslash, no NUL, no `.` or `..` segment and no empty
    /// segment but the last; one pass, nothing allocated.
    private static func plainPathIsServable(_ path: some Collection<UInt8>) -> Bool {
        var segmentLength = 0
        var dots = 0
        var first = true
        for byte in path {
            if byte == UInt8(ascii: "/") {
                if first {
                    first = false
                    continue
                }
                if segmentLength == 0 || segmentLength == dots && dots <= 2 { return false }
                segmentLength = 0
                dots = 0
                continue
            }
            if byte == UInt8(ascii: "\\") || byte == 0 { return false }
            segmentLength += 1
            if byte == UInt8(ascii: ".") { dots += 1 }
        }
        return !(segmentLength > 0 && segmentLength == dots && dots <= 2)
    }
}
