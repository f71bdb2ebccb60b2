import BarazaTestSupport
import Foundation
import Glibc
import Testing

/// `baraza serve` end to end: a real server process on loopback, fetched with curl.
@Suite(.serialized)
struct ServeTests {
    /// Exports of the same workspace, made by `baraza export ics` then `baraza export agenda`.
    func exports(of server: ServeProcess) throws -> String {
        let out = server.root.appendingPathComponent("out").path
        for kind in ["ics", "agenda"] {
            let run = try runBaraza(["export", kind, server.workspace, "--out", out])
            #expect(run.exitCode == 0, "\(run.stderr)")
        }
        return out
    }

    /// Each person's personal feed address, by person id, from `baraza feeds links`.
    func links(of server: ServeProcess) throws -> [String: String] {
        let base = server.baseURL
        let run = try runBaraza(["feeds", "links", server.workspace, "--state", server.state, "--base-url", base])
        #expect(run.exitCode == 0, "\(run.stderr)")
        var links: [String: String] = [:]
        for line in run.stdout.split(separator: "\n") {
            let parts = line.split(separator: "\t")
            guard parts.count == 2 else { continue }
            links[String(parts[0])] = String(parts[1]).replacingOccurrences(of: "webcal://", with: "http://")
        }
        return links
    }

    @Test func feedsAndAgendaAreTheExportsBytesWithValidators() throws {
        let server = try ServeProcess()
        let out = try exports(of: server)
        for (path, file) in [
            ("/calendars/event.ics", "calendars/event.ics"),
            ("/calendars/rooms/auditorium.ics", "calendars/rooms/auditorium.ics"),
            ("/agenda/", "agenda/index.html"),
        ] {
            let answer = try curl(server.baseURL + path)
            #expect(answer.status == 200, "\(path)")
            #expect(
                answer.body == FileManager.default.contents(atPath: out + "/" + file), "\(path) differs from \(file)")
            let etag = try #require(answer.headers["etag"])
            let modified = try #require(answer.headers["last-modified"])
            #expect(answer.headers["cache-control"] != nil)
            #expect(try curl(server.baseURL + path, ["-H", "If-None-Match: \(etag)"]).status == 304)
            #expect(try curl(server.baseURL + path, ["-H", "If-None-Match: \"other\", \(etag)"]).status == 304)
            #expect(try curl(server.baseURL + path, ["-H", "If-Modified-Since: \(modified)"]).status == 304)
            #expect(try curl(server.baseURL + path, ["-H", "If-None-Match: \"stale\""]).status == 200)
            #expect(
                try curl(server.baseURL + path, ["-H", "If-Modified-Since: Thu, 01 Jan 1998 00:00:00 GMT"]).status
                    == 200)
        }
        #expect(
            try curl(server.baseURL + "/calendars/event.ics").headers["content-type"]?.hasPrefix("text/calendar")
                == true)

        // Files of 32 KiB or more go gzipped to clients that ask: the same bytes once decoded (curl checks the
        // gzip member), an ETag of their own, a 304 to either; a client refusing gzip, or a small file, gets bytes.
        let plain = try curl(server.baseURL + "/agenda/")
        let packed = try curl(server.baseURL + "/agenda/", ["--compressed"])
        #expect(packed.headers["content-encoding"] == "gzip")
        #expect(packed.headers["vary"] == "Accept-Encoding" && plain.headers["vary"] == "Accept-Encoding")
        #expect(packed.body == plain.body)
        let packedTag = try #require(packed.headers["etag"])
        #expect(packedTag.hasSuffix("-gzip\"") && packedTag != plain.headers["etag"])
        #expect(
            try curl(server.baseURL + "/agenda/", ["--compressed", "-H", "If-None-Match: \(packedTag)"]).status == 304)
        #expect(
            try curl(server.baseURL + "/agenda/", ["-H", "Accept-Encoding: gzip;q=0"]).headers["content-encoding"]
                == nil)
        let head = try curl(server.baseURL + "/agenda/", ["-I", "--compressed"])
        #expect(head.headers["content-encoding"] == "gzip")
        #expect(try curl(server.baseURL + "/subscribe", ["--compressed"]).headers["content-encoding"] == nil)

        // Every personal calendar the export wrote is served at its person's token address, and nowhere else.
        let people = try FileManager.default.contentsOfDirectory(atPath: out + "/calendars/people").sorted()
        #expect(people.count > 10)
        let links = try links(of: server)
        for file in people {
            let person = String(file.dropLast(4))
            let url = try #require(links[person], "no link for \(person)")
            #expect(url.count - url.replacingOccurrences(of: "/feeds/", with: "").count == 7)
            let answer = try curl(url)
            #expect(answer.status == 200)
            #expect(answer.body == FileManager.default.contents(atPath: out + "/calendars/people/" + file))
            #expect(answer.headers["cache-control"]?.contains("private") == true)
        }
        #expect(try curl(server.baseURL + "/calendars/people/" + people[0]).status == 404)

        // The subscribe page offers webcal:// links to the event and every room.
        let subscribe = try curl(server.baseURL + "/subscribe")
        #expect(subscribe.text.contains("webcal://\(server.baseURL.dropFirst("http://".count))/calendars/event.ics"))
        #expect(server.stop() == 0)
    }

    /// With `--public-url`, the served agenda links each calendar's `webcal://` address there, and is byte for
    /// byte `export agenda --public-url` with the same address.
    @Test func thePublicAddressGivesTheAgendaWebcalLinks() throws {
        let server = try ServeProcess(arguments: ["--public-url", "https://agenda.example.org"])
        let out = server.root.appendingPathComponent("public").path
        for command in [["ics"], ["agenda", "--public-url", "https://agenda.example.org"]] {
            let run = try runBaraza(["export", command[0], server.workspace, "--out", out] + command.dropFirst())
            #expect(run.exitCode == 0, "\(run.stderr)")
        }
        let agenda = try curl(server.baseURL + "/agenda/")
        let page = String(decoding: agenda.body, as: UTF8.self)
        #expect(page.contains(#"href="webcal://agenda.example.org/calendars/event.ics""#))
        #expect(page.contains(#"href="webcal://agenda.example.org/calendars/rooms/auditorium.ics""#))
        #expect(agenda.body == FileManager.default.contents(atPath: out + "/agenda/index.html"))
        let bad = try runBaraza(["serve", server.workspace, "--public-url", "agenda.example.org"])
        #expect(bad.exitCode == 64)
        #expect(bad.stderr.contains("--public-url agenda.example.org: expected http(s)://host[:port]"))
    }

    @Test func aChangedSessionShowsItsNewTimeWithSequencePlusOneInTheAffectedFeedsOnly() throws {
        let server = try ServeProcess()
        let links = try links(of: server)
        let uid = "UID:session-ws-flood-mapping@"
        var before: [String: (etag: String, affected: Bool)] = [:]
        for (person, url) in links {
            let answer = try curl(url)
            guard answer.status == 200 else { continue }
            before[person] = (answer.headers["etag"] ?? "", answer.text.contains(uid))
        }
        #expect(before.values.filter(\.affected).count >= 3)
        let event = try curl(server.baseURL + "/calendars/event.ics")
        #expect(!event.text.contains("SEQUENCE:"))

        try server.edit("sessions.yaml") { text in
            let block = try! #require(text.range(of: "  - id: ws-flood-mapping\n"))
            let start = try! #require(
                text.range(of: "start: 2027-03-23T14:00", range: block.upperBound..<text.endIndex))
            return text.replacingCharacters(in: start, with: "start: 2027-03-23T14:15")
        }
        let changed = try server.poll("/calendars/event.ics") { $0.headers["etag"] != event.headers["etag"] }
        let entry = try #require(Self.event(containing: uid, in: changed.text))
        #expect(entry.contains("SEQUENCE:1\r\n"))
        #expect(entry.contains("DTSTART;TZID=Africa/Kigali:20270323T141500"), "new start missing in \(entry)")
        #expect(changed.text.components(separatedBy: "SEQUENCE:").count == 2, "only the changed session has one")

        for (person, old) in before {
            let answer = try curl(links[person]!)
            #expect((answer.headers["etag"] != old.etag) == old.affected, "\(person): affected \(old.affected)")
            if old.affected {
                #expect(Self.event(containing: uid, in: answer.text)?.contains("SEQUENCE:1\r\n") == true)
            }
        }

        // The served sequence survives a restart of the server.
        #expect(server.stop() == 0)
        try server.restart()
        let again = try curl(server.baseURL + "/calendars/event.ics")
        #expect(again.body == changed.body)
        #expect(server.stop() == 0)
    }

    @Test func vdirsyncerSubscribedToAPersonalFeedTakesTheEdit() throws {
        let server = try ServeProcess()
        let person = "senan-hounkpatin"
        let url = try #require(try links(of: server)[person])
        let local = server.root.appendingPathComponent("vdir/calendar").path
        let status = server.root.appendingPathComponent("vdir/status").path
        try FileManager.default.createDirectory(atPath: local, withIntermediateDirectories: true)
        let config = server.root.appendingPathComponent("vdir/config").path
        try """
        [general]
        status_path = "\(status)/"

        [pair feed]
        a = "remote"
        b = "local"
        collections = null
        conflict_resolution = "a wins"

        [storage remote]
        type = "http"
        url = "\(url)"

        [storage local]
        type = "filesystem"
        path = "\(local)/"
        fileext = ".ics"

        """.write(toFile: config, atomically: true, encoding: .utf8)
        func vdirsyncer(_ command: String) throws -> Int32 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["vdirsyncer", "-c", config, command]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        }
        // vdirsyncer's http storage names items by a hash of their content (it replaces their UIDs), so the
        // session is found by its title, whichever language the person reads.
        let title = "Community flood mapping"
        let french = "Cartographie communautaire des inondations"
        func item(holding line: String) throws -> String? {
            let items = try FileManager.default.contentsOfDirectory(atPath: local).map {
                try String(contentsOfFile: local + "/" + $0, encoding: .utf8)
            }
            let found = items.filter { $0.contains(line) || $0.contains(french) }
            #expect(found.count <= 1, "one item per session")
            return found.first
        }
        #expect(try vdirsyncer("discover") == 0)
        #expect(try vdirsyncer("sync") == 0)
        let count = try FileManager.default.contentsOfDirectory(atPath: local).count
        #expect(count >= 1)
        let before = try #require(try item(holding: title))
        #expect(before.contains("DTSTART;TZID=Africa/Kigali:20270323T140000"))

        let event = try curl(server.baseURL + "/calendars/event.ics")
        try server.edit("sessions.yaml") { text in
            let block = try! #require(text.range(of: "  - id: ws-flood-mapping\n"))
            let start = try! #require(
                text.range(of: "start: 2027-03-23T14:00", range: block.upperBound..<text.endIndex))
            return text.replacingCharacters(in: start, with: "start: 2027-03-23T14:15")
        }
        _ = try server.poll("/calendars/event.ics") { $0.headers["etag"] != event.headers["etag"] }
        #expect(try vdirsyncer("sync") == 0)
        let after = try #require(try item(holding: title))
        #expect(after.contains("DTSTART;TZID=Africa/Kigali:20270323T141500"))
        #expect(after.contains("SEQUENCE:1"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: local).count == count)
        #expect(server.stop() == 0)
    }

    @Test func aBrokenChangeKeepsTheLastGoodStateAndTheAdminPageSaysWhy() throws {
        let server = try ServeProcess()
        let event = try curl(server.baseURL + "/calendars/event.ics")
        #expect(try curl(server.baseURL + server.adminPath).text.contains("latest state of the workspace is the one"))
        try server.edit("sessions.yaml") {
            $0.replacingOccurrences(
                of: "  - id: ws-flood-mapping\n", with: "  - id: ws-flood-mapping\n    colour: red\n")
        }
        let admin = try server.poll(server.adminPath) { $0.text.contains("Latest change refused") }
        #expect(admin.text.contains("sessions.yaml"), "\(admin.text)")
        #expect(admin.text.contains("colour"))
        #expect(admin.headers["cache-control"] == "no-store")
        let still = try curl(server.baseURL + "/calendars/event.ics")
        #expect(still.status == 200)
        #expect(still.body == event.body)
        #expect(server.stop() == 0)
    }

    @Test func securityHeadersTraversalOversizedRequestsAndUnknownTokens() throws {
        let server = try ServeProcess()
        let agenda = try curl(server.baseURL + "/agenda/")
        let policy = try #require(agenda.headers["content-security-policy"])
        #expect(policy.contains("script-src 'sha256-"))
        #expect(!policy.contains("unsafe-inline'; script") && !policy.contains("script-src 'unsafe"))
        #expect(agenda.headers["x-content-type-options"] == "nosniff")
        #expect(agenda.headers["referrer-policy"] == "no-referrer")
        #expect(agenda.headers["x-frame-options"] == "DENY")

        let notFound = try curl(server.baseURL + "/nothing-here")
        #expect(notFound.status == 404)
        for path in [
            "/calendars/../../../../etc/passwd", "/calendars/rooms/..%2f..%2fevent.yaml", "/%2e%2e/%2e%2e/etc/passwd",
            "/calendars/rooms/%2E%2E/event.ics", "//etc/passwd", "/calendars//event.ics", "/agenda/../event.yaml",
            "/calendars/rooms/auditorium.ics%00", "/event.yaml", "/sessions.yaml", "/calendars\\event.ics",
        ] {
            let answer = try curl(server.baseURL + path)
            #expect(answer.status == 404, "\(path)")
            #expect(answer.body == notFound.body, "\(path)")
            #expect(!answer.text.contains("root:"))
        }

        // Tokens: unknown, one character off, too short or too long all get the same 404.
        let links = try links(of: server)
        let (person, url) = try #require(links.sorted { $0.key < $1.key }.first { (try? curl($0.value).status) == 200 })
        let token = String(url.split(separator: "/").last!.dropLast(4))
        var flipped = Array(token)
        flipped[31] = flipped[31] == "A" ? "B" : "A"
        for guess in [String(flipped), String(token.prefix(31)), token + "A", String(repeating: "A", count: 32), ""] {
            let answer = try curl(server.baseURL + "/feeds/\(guess).ics")
            #expect(answer.status == 404)
            #expect(answer.body == notFound.body)
        }
        #expect(try curl(server.baseURL + "/admin/" + String(repeating: "A", count: 32)).status == 404)

        // Oversized and unexpected requests.
        #expect(try curl(server.baseURL + "/agenda/?" + String(repeating: "q", count: 3000)).status == 414)
        #expect(
            try curl(server.baseURL + "/agenda/", ["--data-binary", String(repeating: "x", count: 100_000)]).status
                == 413)
        #expect(try curl(server.baseURL + "/agenda/", ["-X", "DELETE"]).status == 405)

        // Revoking one person kills their address only; the new one works once the server has seen the change.
        let other = try #require(links.first { $0.key != person && (try? curl($0.value).status) == 200 })
        let revoke = try runBaraza(["feeds", "revoke", server.workspace, "--state", server.state, "--person", person])
        #expect(revoke.exitCode == 0, "\(revoke.stderr)")
        #expect(try server.poll(String(url.dropFirst(server.baseURL.count))) { $0.status == 404 }.status == 404)
        #expect(try curl(other.value).status == 200)
        let renewed = try #require(try self.links(of: server)[person])
        #expect(renewed != url)
        #expect(try curl(renewed).status == 200)

        // Rotating the secret kills every address.
        #expect(try runBaraza(["feeds", "rotate", server.workspace, "--state", server.state]).exitCode == 0)
        #expect(try server.poll(String(other.value.dropFirst(server.baseURL.count))) { $0.status == 404 }.status == 404)
        #expect(server.stop() == 0)
    }

    @Test func aSilentClientIsDisconnectedWhileOthersAreServed() throws {
        let server = try ServeProcess(arguments: ["--idle-timeout", "1"])
        let port = try #require(UInt16(server.baseURL.split(separator: ":").last ?? ""))
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(socket >= 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        #expect(connected == 0)
        var timeout = timeval(tv_sec: 15, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        // Half a request, then silence.
        let partial = Array("GET /agenda/ HTTP/1.1\r\nHost: 127.0.0.1\r\n".utf8)
        #expect(send(socket, partial, partial.count, 0) == partial.count)
        let started = Date()
        #expect(try curl(server.baseURL + "/calendars/event.ics").status == 200)
        var buffer = [UInt8](repeating: 0, count: 4096)
        var received = 1
        while received > 0 { received = recv(socket, &buffer, buffer.count, 0) }
        #expect(received == 0, "the server closes the connection (recv: \(received), errno \(errno))")
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(server.stop() == 0)
    }

    @Test func sessionSpeakerAndMyAgendaPages() throws {
        let server = try ServeProcess()
        let session = try curl(server.baseURL + "/sessions/ws-flood-mapping")
        #expect(session.status == 200)
        #expect(session.text.contains("Community flood mapping"))
        #expect(session.text.contains("2027-03-23 14:00–15:30 Africa/Kigali"))
        #expect(session.text.contains("href=\"/speakers/senan-hounkpatin\""))
        #expect(!session.text.contains("<script"))
        #expect(session.headers["content-security-policy"]?.contains("script-src") == false)
        #expect(session.headers["etag"] != nil)
        let speaker = try curl(server.baseURL + "/speakers/senan-hounkpatin")
        #expect(speaker.status == 200)
        #expect(speaker.text.contains("href=\"/sessions/ws-flood-mapping\""))
        #expect(!speaker.text.contains("@"), "no email address on a public page")
        // Participants are not presenters: no public page names them.
        #expect(try curl(server.baseURL + "/speakers/fatimetou-mint-cheikh").status == 404)
        #expect(try curl(server.baseURL + "/sessions/no-such-session").status == 404)

        // A person's own agenda sits behind their calendar's token address, never cached.
        let url = try #require(try links(of: server)["senan-hounkpatin"])
        let mine = try curl(String(url.dropLast(".ics".count)))
        #expect(mine.status == 200)
        #expect(mine.headers["cache-control"] == "private, no-store")
        #expect(mine.text.contains("Community flood mapping"))
        #expect(mine.text.contains("webcal://"))
        #expect(try curl(server.baseURL + "/feeds/" + String(repeating: "A", count: 32)).status == 404)
        #expect(server.stop() == 0)
    }

    @Test func searchFindsSessionsAndPresentersButNoParticipant() throws {
        let server = try ServeProcess()
        let empty = try curl(server.baseURL + "/search")
        #expect(empty.status == 200)
        #expect(empty.text.contains("<form method=\"get\" action=\"/search\""))
        // The form is sent to this server, nothing runs.
        let policy = try #require(empty.headers["content-security-policy"])
        #expect(policy.contains("form-action 'self'"))
        #expect(!policy.contains("script-src"))

        // Words anywhere in a session's public text, case and accents folded, every word needed.
        let flood = try curl(server.baseURL + "/search?q=Cartographie+INONDATIONS")
        #expect(flood.status == 200)
        #expect(flood.text.contains("href=\"/sessions/ws-flood-mapping\""))
        #expect(flood.text.contains("1 result"))
        #expect(try curl(server.baseURL + "/search?q=cartographie+nothing-like-this").text.contains("0 results"))
        // A presenter by name (the accent left out): their page and their sessions.
        let leila = try curl(server.baseURL + "/search?q=leila")
        #expect(leila.text.contains("href=\"/speakers/leila-ben-salah\""))
        #expect(leila.text.contains("href=\"/sessions/"))
        #expect(
            try curl(server.baseURL + "/search?q=Le%C3%AFla").text
                == leila.text.replacingOccurrences(
                    of: "value=\"leila\"", with: "value=\"Leïla\""))
        // A participant who presents nothing is not found; no address of anyone is shown.
        let participant = try curl(server.baseURL + "/search?q=Fatimetou")
        #expect(participant.text.contains("0 results"))
        #expect(!participant.text.contains("fatimetou-mint-cheikh"))
        for answer in [flood, leila] { #expect(!answer.text.contains("@")) }

        // The query is shown back escaped; too long a query is refused.
        let hostile = try curl(server.baseURL + "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
        #expect(hostile.status == 200)
        #expect(!hostile.text.contains("<script"))
        #expect(hostile.text.contains("&lt;script&gt;"))
        #expect(try curl(server.baseURL + "/search?q=" + String(repeating: "a", count: 300)).status == 400)
        // Reached from the programme's pages.
        #expect(try curl(server.baseURL + "/sessions/ws-flood-mapping").text.contains("href=\"/search\""))
        #expect(server.stop() == 0)
    }

    @Test func aWorkspaceThatCannotBeServedExitsWithItsErrors() throws {
        let root = ScratchFolders.url("serve-bad")
        defer { try? FileManager.default.removeItem(at: root) }
        let workspace = root.appendingPathComponent("ws").path
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try ScratchFolders.copyWorkspace(
            at: packageRoot.appendingPathComponent("events/final-kigali-2027"), to: URL(fileURLWithPath: workspace))
        let state = root.appendingPathComponent("state").path

        // Two sessions in one room at once: the checks find an error, so there is no good state to serve.
        let sessions = workspace + "/sessions.yaml"
        let text = try String(contentsOfFile: sessions, encoding: .utf8)
        let block = try #require(text.range(of: "  - id: ws-heat-schools\n"))
        let start = try #require(text.range(of: "start: 2027-03-23T16:00", range: block.upperBound..<text.endIndex))
        try text.replacingCharacters(in: start, with: "start: 2027-03-23T09:00").write(
            toFile: sessions, atomically: true, encoding: .utf8)
        let refused = try runBaraza(["serve", workspace, "--port", "0", "--state", state])
        #expect(refused.exitCode == 2)
        #expect(refused.stderr.contains("nothing to serve yet"), "\(refused.stderr)")

        // A file that does not load: its file:line:column, exit 2.
        try "event: [".write(toFile: workspace + "/event.yaml", atomically: true, encoding: .utf8)
        let unreadable = try runBaraza(["serve", workspace, "--port", "0", "--state", state])
        #expect(unreadable.exitCode == 2)
        #expect(unreadable.stderr.contains("event.yaml:"))

        #expect(try runBaraza(["serve", workspace, "--port", "70000"]).exitCode == 64)
        #expect(try runBaraza(["serve", workspace, "--poll", "0"]).exitCode == 64)
    }

    /// The VEVENT of `calendar` holding `line`.
    static func event(containing line: String, in calendar: String) -> String? {
        calendar.components(separatedBy: "BEGIN:VEVENT").dropFirst().first { $0.contains(line) }
    }
}
