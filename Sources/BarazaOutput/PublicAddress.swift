import Foundation

/// Where exports are published or served, as people reach it: an `http(s)://host[:port][/path]` address
/// (`--public-url`, `--base-url`, `--feed-base-url`), and the `webcal://` form calendar apps subscribe to (they
/// fetch it over HTTP(S) and refetch it themselves).
public struct PublicAddress: Sendable, Hashable {
    /// `host[:port]`, an IPv6 host in brackets.
    public let authority: String
    /// The path the exports lie under, without a trailing `/` (empty at the root).
    public let path: String

    /// The address `text` names; nil unless it is `http(s)://host[:port][/path]` without a query or fragment.
    public init?(_ text: String) {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = url.host, !host.isEmpty, url.query == nil, url.fragment == nil
        else { return nil }
        var path = url.path
        while path.hasSuffix("/") { path.removeLast() }
        authority = (host.contains(":") ? "[\(host)]" : host) + (url.port.map { ":\($0)" } ?? "")
        self.path = path
    }

    /// `webcal://host[:port][/path]`: a calendar's address under it is this plus `/` and the calendar's path.
    public var webcal: String { "webcal://" + authority + path }
}
