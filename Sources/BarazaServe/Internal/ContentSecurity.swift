import Crypto
import Foundation

/// Content-Security-Policy headers. Nothing may run inline unless the policy names its hash: the agenda page's
/// one `<script>` block is allowed by its SHA-256, so the page served is byte for byte the exported one.
enum ContentSecurity {
    /// For anything that is not a page: nothing may load or run.
    static let none = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

    /// For pages of the server's own (no script at all; styles from the page's `<style>`).
    static let page =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; "
        + "base-uri 'none'; form-action 'none'"

    /// For the search page: as ``page``, and its form may be sent to this server.
    static let searchPage =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; "
        + "base-uri 'none'; form-action 'self'"

    /// For `html`: its inline `<script>` blocks allowed by hash, inline styles allowed (layout positions live in
    /// style attributes), nothing else from anywhere.
    static func policy(forPage html: Data) -> String {
        let hashes = scripts(in: html).map { "'sha256-" + Data(SHA256.hash(data: $0)).base64EncodedString() + "'" }
        let script = hashes.isEmpty ? "" : "script-src " + hashes.joined(separator: " ") + "; "
        return "default-src 'none'; " + script + "style-src 'unsafe-inline'; img-src 'self' data:; "
            + "connect-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    }

    /// The contents of each `<script>` element without attributes (what a browser hashes).
    static func scripts(in html: Data) -> [Data] {
        let open = Data("<script>".utf8)
        let close = Data("</script>".utf8)
        var found: [Data] = []
        var start = html.startIndex
        while let o = html.range(of: open, in: start..<html.endIndex),
            let c = html.range(of: close, in: o.upperBound..<html.endIndex)
        {
            found.append(html.subdata(in: o.upperBound..<c.lowerBound))
            start = c.upperBound
        }
        return found
    }
}
