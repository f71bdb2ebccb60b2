import Foundation
import Hummingbird

/// Text made safe for HTML element content and attribute values.
func escapeHTML(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
        switch character {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.append(character)
        }
    }
    return out
}

/// The frame of the server's own pages: no script, styles in the page, the security policy `ContentSecurity.page`.
enum PageFrame {
    static func answer(title: String, body: String, route: String, cache: String) -> Answer {
        answer(html: html(title: title, body: body), route: route, cache: cache)
    }

    static func answer(html: String, route: String, cache: String) -> Answer {
        Answer(
            status: 200,
            headers: [
                ("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", cache),
                ("Content-Security-Policy", ContentSecurity.page),
            ], body: ByteBuffer(string: html), route: route)
    }

    static func html(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escapeHTML(title))</title>
        <style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5}\
        pre{white-space:pre-wrap;background:#f4f4f4;padding:1rem}code{word-break:break-all}</style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }
}

/// `/subscribe`: `webcal://` links a calendar app subscribes to (it then refetches the feed itself), beside the
/// plain links.
enum SubscribePage {
    static func answer(snapshot: Snapshot, host: String) -> Answer {
        var items: [(String, String)] = [("Whole event / Tout l’événement", "/calendars/event.ics")]
        for room in snapshot.rooms {
            items.append((room.name, "/calendars/rooms/" + percentEncode(SnapshotBuilder.fileName(room.id)) + ".ics"))
        }
        var body = "<h1>\(escapeHTML(snapshot.title))</h1>\n<p>\(ProgrammePages.navigation)</p>\n"
        body += "<h2>Subscribe / S’abonner</h2>\n<ul>\n"
        for (name, path) in items {
            let webcal = escapeHTML("webcal://\(host)\(path)")
            body +=
                "<li>\(escapeHTML(name)): <a href=\"\(webcal)\">\(webcal)</a>"
                + " (<a href=\"\(escapeHTML(path))\">.ics</a>)</li>\n"
        }
        body += "</ul>\n<p>Your personal calendar's address came with your invitation; it is yours alone.</p>"
        return PageFrame.answer(title: snapshot.title, body: body, route: "subscribe", cache: "no-cache")
    }
}

/// `/admin/<token>`: what is served and, when the workspace's latest state was refused, why.
enum AdminPage {
    static func answer(snapshot: Snapshot, problem: LoadProblem?) -> Answer {
        var body = "<h1>\(escapeHTML(snapshot.title)): serving</h1>\n<ul>\n"
        body += "<li>state loaded at \(HTTPDate.format(snapshot.loadedAt)), \(snapshot.warnings) warning(s)</li>\n"
        body += "<li>\(snapshot.rooms.count) room calendar(s), \(snapshot.personal.count) personal calendar(s)</li>\n"
        if snapshot.badgeKeyProblem == nil {
            body +=
                snapshot.badges.isEmpty
                ? "<li>no badge key yet (`baraza export badges` makes one): badge scans find no one</li>\n"
                : "<li>badge key read: \(snapshot.badges.count) badge(s) known at the door</li>\n"
        }
        body += "</ul>\n"
        if let problem = snapshot.badgeKeyProblem {
            body +=
                "<h2>Badge key refused</h2>\n<p>Badge scans at the door find no one until it is fixed; door staff can "
                + "still search by name.</p>\n<pre>\(escapeHTML(problem))</pre>\n"
        }
        if let problem {
            body +=
                "<h2>Latest change refused</h2>\n<p>At \(HTTPDate.format(problem.at)) the workspace did not "
                + "load or its checks found errors; the state above is still served.</p>\n"
                + "<pre>\(escapeHTML(problem.text))</pre>\n"
        } else {
            body += "<p>The latest state of the workspace is the one served.</p>\n"
        }
        return PageFrame.answer(title: "Admin: " + snapshot.title, body: body, route: "admin", cache: "no-store")
    }
}

/// Percent-encodes everything outside RFC 3986's unreserved characters.
func percentEncode(_ segment: String) -> String {
    var out = ""
    for byte in segment.utf8 {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            out.unicodeScalars.append(Unicode.Scalar(byte))
        default:
            out += String(format: "%%%02X", byte)
        }
    }
    return out
}
