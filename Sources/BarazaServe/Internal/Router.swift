import Foundation
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
        var headers: [(String, String)]

        func header(_ name: String) -> String? {
            headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
        }
    }

    func answer(_ request: Request) -> Answer {
        Self.finish(route(request), method: request.method)
    }

    /// `answer` with the headers every answer carries, and no body for HEAD.
    static func finish(_ answer: Answer, method: String) -> Answer {
        var answer = answer
        answer.headers += securityHeaders
        for (name, value) in [
            ("Content-Security-Policy", ContentSecurity.none),
            ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
        ] where !answer.headers.contains(where: { $0.0 == name }) {
            answer.headers.append((name, value))
        }
        if method == "HEAD" { answer.body = ByteBuffer() }
        return answer
    }

    private func route(_ request: Request) -> Answer {
        guard request.target.utf8.count <= Self.maximumTargetLength else {
            return .plain(414, "request target too long", route: "refused")
        }
        if let length = request.header("Content-Length"), Int(length) ?? 1 > Self.maximumBodyLength {
            return .plain(413, "request body not accepted", route: "refused")
        }
        if request.header("Transfer-Encoding") != nil {
            return .plain(413, "request body not accepted", route: "refused")
        }
        guard request.method == "GET" || request.method == "HEAD" else {
            return .plain(405, "method not allowed", route: "refused", extra: [("Allow", "GET, HEAD")])
        }
        let rawPath = request.target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        guard let path = Self.decodedPath(rawPath) else { return .notFound() }
        let snapshot = state.snapshot
        switch path {
        case "/": return .redirect(to: "/agenda/")
        case "/agenda", "/agenda/index.html": return .redirect(to: "/agenda/")
        case "/subscribe":
            return SubscribePage.answer(snapshot: snapshot, host: host(of: request))
        default: break
        }
        if let resource = snapshot.resources[path] { return conditional(resource, request: request) }
        if path.hasPrefix("/feeds/"), path.hasSuffix(".ics") {
            let token = path.dropFirst("/feeds/".count).dropLast(".ics".count)
            guard let person = snapshot.person(forToken: token), let resource = snapshot.personal[person] else {
                return .notFound()
            }
            return conditional(resource, request: request)
        }
        if path.hasPrefix("/feeds/") {
            // A person's own agenda: the page behind their calendar's address.
            let token = path.dropFirst("/feeds/".count)
            guard let person = snapshot.person(forToken: token), snapshot.personal[person] != nil,
                let workspace = snapshot.workspace,
                let html = ProgrammePages(workspace: workspace).myAgenda(
                    person: person, feedPath: "/feeds/\(token).ics", host: host(of: request))
            else { return .notFound() }
            return PageFrame.answer(html: html, route: "my-agenda", cache: "private, no-store")
        }
        if path.hasPrefix("/admin/") {
            let token = path.dropFirst("/admin/".count)
            let expected = state.keys.adminToken(event: snapshot.event)
            guard Snapshot.constantTimeEqual(Array(token.utf8), Array(expected.utf8)) else { return .notFound() }
            return AdminPage.answer(snapshot: snapshot, problem: state.problem)
        }
        return .notFound()
    }

    /// 304 when the client's copy is current (If-None-Match first, else If-Modified-Since), else the bytes.
    private func conditional(_ resource: Resource, request: Request) -> Answer {
        let route = resource.route
        var headers: [(String, String)] = [
            ("ETag", resource.etag), ("Last-Modified", HTTPDate.format(resource.lastModified)),
            ("Cache-Control", resource.cacheControl),
        ]
        if let policy = resource.contentSecurityPolicy { headers.append(("Content-Security-Policy", policy)) }
        let notModified: Bool
        if let match = request.header("If-None-Match") {
            notModified = match.split(separator: ",").contains { tag in
                let tag = tag.trimmingCharacters(in: .whitespaces)
                return tag == "*" || tag == resource.etag || tag == "W/" + resource.etag
            }
        } else if let since = request.header("If-Modified-Since").flatMap(HTTPDate.parse) {
            notModified = resource.lastModified <= since
        } else {
            notModified = false
        }
        if notModified { return Answer(status: 304, headers: headers, body: ByteBuffer(), route: route) }
        headers.insert(("Content-Type", resource.contentType), at: 0)
        return Answer(status: 200, headers: headers, body: resource.buffer, route: route)
    }

    /// The Host the client used, when it is a plain host name or address with a port; else the configured one.
    private func host(of request: Request) -> String {
        if let host = request.header("Host"), !host.isEmpty, host.utf8.count <= 255,
            host.unicodeScalars.allSatisfy({
                CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]")
                    .contains($0)
            })
        {
            return host
        }
        return "\(configuredHost):\(configuredPort())"
    }

    /// The path with `%XX` decoded once; nil when it holds a segment that could name anything but a served file.
    static func decodedPath(_ raw: Substring) -> String? {
        guard raw.hasPrefix("/") else { return nil }
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
        guard let path = String(validating: bytes, as: UTF8.self), !path.contains("\\") else { return nil }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for (index, segment) in segments.enumerated() {
            if segment == ".." || segment == "." { return nil }
            if segment.isEmpty && index != segments.count - 1 { return nil }
        }
        return path
    }
}
