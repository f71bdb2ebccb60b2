import BarazaCalendar
import BarazaFolder
import BarazaTestSupport
import BarazaWorkspace
import Foundation
import Testing

/// `baraza send invitations` against a real SMTP server (aiosmtpd) on loopback, run as the real executable.
@Suite(
    "baraza send invitations over SMTP", .serialized,
    .enabled(if: TestSMTPServer.isAvailable, "python3 with aiosmtpd is not installed (.ci/setup installs it)"))
struct SendTests {
    /// The messages a dry run lists (lines `session → person: ...`).
    static func planned(_ run: BarazaRun) -> [String] {
        run.stdout.split(separator: "\n").map(String.init).filter { $0.contains(" → ") }
    }

    /// RFC 5322 date of a UTC stamp, written independently of the code under test.
    static func rfc5322(_ stamp: String) -> String {
        let parser = ISO8601DateFormatter()
        let date = parser.date(from: stamp)!
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }

    @Test("Every planned message arrives once, with its envelope, every header and a calendar part ics-check accepts")
    func sendsEveryInvitation() throws {
        let scratch = try SendScratch()
        defer { scratch.cleanUp() }
        let server = try TestSMTPServer(scratch: scratch.root)
        defer { server.stop() }
        let path = try scratch.workspace()
        let dry = try runBaraza(["send", "invitations", path, "--dry-run"], environment: environment(for: server))
        #expect(dry.exitCode == 0, "\(dry.stderr)")
        let planned = Self.planned(dry)
        #expect(planned.count > 50)
        #expect(server.messages.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: path + "/invitations-outbox"), "a dry run writes nothing")

        let report = scratch.path("report.csv")
        let run = try runBaraza(
            ["send", "invitations", path, "--report", report], environment: environment(for: server))
        #expect(run.exitCode == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("Sent \(planned.count) of \(planned.count) message(s)"), "\(run.stdout)")

        let workspace = try WorkspaceLoader(knownRuleIDs: []).load(directory: path)
        let emails = Set(workspace.people.compactMap(\.email))
        let state = try #require(try WorkspaceLoader(knownRuleIDs: []).state(directory: path).publishedInvitations())
        let messages = server.messages
        #expect(messages.count == planned.count)
        var seen = Set<String>()
        for message in messages {
            let headers = message.headers
            #expect(message.mailFrom == "mailer@example.net")
            #expect(message.recipients.count == 1)
            let recipient = message.recipients.first ?? ""
            #expect(emails.contains(recipient))
            for name in [
                "Date", "From", "Sender", "Reply-To", "To", "Subject", "Message-ID", "MIME-Version", "Auto-Submitted",
                "Content-Type",
            ] {
                #expect(headers[name]?.count == 1, "\(name) appears once")
            }
            #expect(headers["Date"] == [Self.rfc5322(state.stamp)])
            #expect(headers["From"] == ["Network Secretariat <secretariat@example.org>"])
            #expect(headers["Sender"] == ["<mailer@example.net>"])
            #expect(headers["Reply-To"] == ["<programme@example.org>"])
            #expect(headers["To"]?.first?.hasSuffix("<\(recipient)>") == true)
            #expect(headers["MIME-Version"] == ["1.0"])
            #expect(headers["Auto-Submitted"] == ["auto-generated"])
            #expect(headers["Content-Type"]?.first?.hasPrefix("multipart/mixed; boundary=") == true)
            #expect(headers["Subject"]?.first?.isEmpty == false)
            let id = headers["Message-ID"]?.first ?? ""
            #expect(id.wholeMatch(of: /<baraza\.0\.request\.[0-9a-f]+@example\.org>/) != nil, "\(id)")
            #expect(message.text.contains("Content-Type: text/calendar; method=REQUEST; charset=UTF-8"))
            seen.insert(recipient + " " + id)
        }
        #expect(seen.count == planned.count, "no message arrived twice")
        #expect(messages.allSatisfy { $0.helo == "example.net" }, "EHLO names the sender's domain")
        #expect(server.connections == 1, "one connection, kept open from message to message")

        // The server got exactly the bytes kept in the outbox.
        let outbox = path + "/invitations-outbox/batch-0001/messages"
        let kept = try FileManager.default.contentsOfDirectory(atPath: outbox).map {
            try Data(contentsOf: URL(fileURLWithPath: outbox + "/" + $0))
        }
        #expect(Set(kept) == Set(messages.map(\.data)))

        // The report: one row per message, every one sent, and no address in it.
        let rows = try csvRows(report)
        #expect(rows.first == ["person", "session", "method", "sequence", "status", "time", "attempts", "reply"])
        #expect(rows.count == planned.count + 1)
        #expect(rows.dropFirst().allSatisfy { $0[4] == "sent" && $0[6] == "1" && $0[7].hasPrefix("250") })
        #expect(!(try String(contentsOfFile: report, encoding: .utf8)).contains("@"))

        // The calendar parts pass ics-check (a sample: one message per session).
        if ICSCheck.isRunnable {
            let folder = scratch.path("eml")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            var sessions = Set<String>()
            for (index, message) in messages.enumerated() {
                let subject = message.headers["Subject"]?.first ?? ""
                guard sessions.insert(subject).inserted, sessions.count <= 12 else { continue }
                try message.data.write(to: URL(fileURLWithPath: folder + "/\(index).eml"))
            }
            let check = try ICSCheck.run(["-j", "2", folder])
            #expect(check.status == 0, "\(check.output.suffix(3000))")
            #expect(check.output.contains("ics-check: \(min(sessions.count, 12)) passed, 0 failed"), "\(check.output)")
        }

        // Published: a second run has nothing to send.
        let again = try runBaraza(["send", "invitations", path], environment: environment(for: server))
        #expect(again.exitCode == 0)
        #expect(again.stdout.contains("Nothing to send"), "\(again.stdout)")
        #expect(server.messages.count == planned.count)
        #expect(!FileManager.default.fileExists(atPath: path + "/invitations-outbox/batch-0002"), "no empty batch")
    }

    /// The text part of a message: the base64 lines after its `text/plain` header, decoded.
    static func plainText(_ message: String) -> String? {
        guard let header = message.range(of: "Content-Type: text/plain; charset=UTF-8\r\n") else { return nil }
        let rest = message[header.upperBound...]
        guard let start = rest.range(of: "\r\n\r\n") else { return nil }
        let lines = rest[start.upperBound...].split(separator: "\r\n", omittingEmptySubsequences: false)
        let encoded = lines.prefix { !$0.isEmpty && !$0.hasPrefix("--") }.joined()
        return Data(base64Encoded: encoded).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test("With --feed-base-url each message gives its person's own feed address, the one `baraza feeds links` prints")
    func invitationsCarryThePersonalFeedAddress() throws {
        let scratch = try SendScratch()
        defer { scratch.cleanUp() }
        let server = try TestSMTPServer(scratch: scratch.root)
        defer { server.stop() }
        let path = try scratch.workspace()
        let state = scratch.path("serve-state")
        let dry = try runBaraza(["send", "invitations", path, "--dry-run"], environment: environment(for: server))
        let person = try #require(Self.planned(dry).first?.split(separator: " ")[2].dropLast()).description
        // A dry run writes nothing, the feed secret included.
        let dryFeeds = try runBaraza(
            [
                "send", "invitations", path, "--dry-run", "--feed-base-url", "https://agenda.example.org", "--state",
                state,
            ],
            environment: environment(for: server))
        #expect(dryFeeds.exitCode == 0, "\(dryFeeds.stderr)")
        #expect(!FileManager.default.fileExists(atPath: state + "/feed-keys.json"))
        let run = try runBaraza(
            [
                "send", "invitations", path, "--only", person, "--feed-base-url", "https://agenda.example.org",
                "--state", state,
            ], environment: environment(for: server))
        #expect(run.exitCode == 0, "\(run.stdout)\n\(run.stderr)")
        let links = try runBaraza([
            "feeds", "links", path, "--state", state, "--base-url", "https://agenda.example.org", "--person", person,
        ])
        let address = try #require(links.stdout.split(separator: "\t").last?.trimmingCharacters(in: .newlines))
        #expect(address.hasPrefix("webcal://agenda.example.org/feeds/") && address.hasSuffix(".ics"), "\(address)")
        #expect(!server.messages.isEmpty)
        for message in server.messages {
            let text = try #require(Self.plainText(message.text))
            #expect(text.contains("\r\n" + address + "\r\n"), "\(text)")
            #expect(text.contains("Your own calendar of the event") || text.contains("Votre calendrier"))
        }
        let bad = try runBaraza(["send", "invitations", path, "--dry-run", "--feed-base-url", "agenda.example.org"])
        #expect(bad.exitCode == 64)
        #expect(bad.stderr.contains("expected http(s)://host[:port]"))
    }

    @Test("kill -9 in the middle of a batch, then resume: every message arrives exactly once")
    func resumesAfterKill() throws {
        let scratch = try SendScratch()
        defer { scratch.cleanUp() }
        let path = try scratch.workspace()
        let slow = try TestSMTPServer(["--mail-delay", "0.3"], scratch: scratch.root)
        defer { slow.stop() }
        let planned = Self.planned(
            try runBaraza(["send", "invitations", path, "--dry-run"], environment: environment(for: slow)))

        let process = Process()
        process.executableURL = barazaExecutable
        process.arguments = ["send", "invitations", path]
        var environment = ProcessInfo.processInfo.environment
        for (name, value) in BarazaSendTests.environment(for: slow) { environment[name] = value }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The 7th MAIL command means the 6th message's 250 was read and logged; the server holds its reply to
        // this one for 0.3 s, so the kill lands between two messages' exchanges, as a real crash may.
        let deadline = Date().addingTimeInterval(60)
        while slow.mailCommands < 7 && Date() < deadline { usleep(20_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let before = slow.messages
        #expect(before.count >= 6 && before.count < planned.count, "\(before.count) of \(planned.count)")
        #expect(
            try WorkspaceLoader(knownRuleIDs: []).state(directory: path).publishedInvitations() == nil,
            "nothing is recorded before the batch ends")
        let publish = try runBaraza(["export", "invitations", path, "--out", scratch.path("exported")])
        #expect(publish.exitCode == 2, "export invitations refuses while the batch is open")
        #expect(publish.stderr.contains("an interrupted `baraza send invitations` batch is open"), "\(publish.stderr)")

        let fast = try TestSMTPServer(scratch: scratch.root)
        defer { fast.stop() }
        let resumed = try runBaraza(["send", "invitations", path], environment: BarazaSendTests.environment(for: fast))
        #expect(resumed.exitCode == 0, "\(resumed.stdout)\n\(resumed.stderr)")
        #expect(resumed.stdout.contains("Resuming the interrupted batch"), "\(resumed.stdout)")
        #expect(resumed.stdout.contains("(\(before.count) in the interrupted run)"), "\(resumed.stdout)")
        let all = before + fast.messages
        let keys = all.map { ($0.recipients.first ?? "") + " " + ($0.headers["Message-ID"]?.first ?? "") }
        #expect(all.count == planned.count)
        #expect(Set(keys).count == planned.count, "no participant got the same message twice")
        let log = try String(contentsOfFile: path + "/invitations-outbox/batch-0001/sent.log", encoding: .utf8)
        #expect(log.split(separator: "\n").filter { $0.hasPrefix("sent\t") }.count == planned.count)
        #expect(log.hasSuffix("\n") && log.split(separator: "\n").last?.hasPrefix("closed\t") == true)
    }

    @Test("A 451 is tried again after the back-off and delivered once")
    func retriesTemporaryFailure() throws {
        let scratch = try SendScratch()
        defer { scratch.cleanUp() }
        let path = try scratch.workspace()
        let server = try TestSMTPServer(["--temp-fail", "oumar.keita@example.org=1"], scratch: scratch.root)
        defer { server.stop() }
        let report = scratch.path("report.csv")
        let run = try runBaraza(
            ["send", "invitations", path, "--only", "oumar-keita", "--retry-delays", "0.2,0.4", "--report", report],
            environment: environment(for: server))
        #expect(run.exitCode == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("Sent 2 of 2 message(s), 0 refused, 0 left for the next run, 1 retries"))
        #expect(server.messages.count == 2)
        #expect(server.mailCommands == 3)
        #expect(Set(server.messages.compactMap { $0.headers["Message-ID"]?.first }).count == 2)
        let rows = try csvRows(report).dropFirst()
        #expect(rows.map { $0[6] }.sorted() == ["1", "2"])
        #expect(rows.allSatisfy { $0[4] == "sent" })
    }

    @Test("A 451 that lasts leaves the message for the next run, which sends it")
    func leavesLastingTemporaryFailure() throws {
        let scratch = try SendScratch()
        defer { scratch.cleanUp() }
        let path = try scratch.workspace()
        let server = try TestSMTPServer(["--temp-fail", "oumar.keita@example.org=3"], scratch: scratch.root)
        defer { server.stop() }
        let run = try runBaraza(
            ["send", "invitations", path, "--only", "oumar-keita", "--retry-delays", "0.1"],
            environment: environment(for: server))
        #expect(run.exitCode == 1)
        #expect(run.stdout.contains("not sent: oumar-keita"), "\(run.stdout)")
        #expect(run.stdout.contains("451 4.3.0 try again later"))
        let accepted = server.messages.count
        #expect(accepted == 1)
        let next = try runBaraza(
            ["send", "invitations", path, "--only", "oumar-keita"], environment: environment(for: server))
        #expect(next.exitCode == 0, "\(next.stdout)")
        #expect(server.messages.count == 2)
        #expect(Set(server.messages.compactMap { $0.headers["Message-ID"]?.first }).count == 2)
    }

    @Test("A 550 is reported for that person without an address; the others are sent; the next run tries it again")
    func reportsPermanentFailure() throws {
        let scratch = try SendScratch()
        defer { scratch.cleanUp() }
        let path = try scratch.workspace()
        let server = try TestSMTPServer(["--perm-fail", "oumar.keita@example.org"], scratch: scratch.root)
        defer { server.stop() }
        let report = scratch.path("report.csv")
        let run = try runBaraza(
            ["send", "invitations", path, "--only", "oumar-keita", "aline-uwimana", "--report", report],
            environment: environment(for: server))
        #expect(run.exitCode == 1)
        #expect(run.stdout.contains("failed: oumar-keita (ws-flood-mapping): 550 5.1.1 <address>: mailbox unknown"))
        #expect(!run.stdout.contains("oumar.keita@"))
        let rows = try csvRows(report).dropFirst()
        #expect(
            rows.filter { $0[0] == "oumar-keita" }.allSatisfy {
                $0[4] == "failed" && $0[7] == "550 5.1.1 <address>: mailbox unknown"
            })
        #expect(rows.filter { $0[0] == "aline-uwimana" }.allSatisfy { $0[4] == "sent" })
        #expect(rows.count == 4)
        #expect(!(try String(contentsOfFile: report, encoding: .utf8)).contains("@"))
        #expect(
            server.messages.map { $0.recipients } == [["aline.uwimana@example.org"], ["aline.uwimana@example.org"]])

        // The state records only what was accepted: the next run plans Oumar's messages again, not Aline's.
        let dry = try runBaraza(["send", "invitations", path, "--dry-run"], environment: environment(for: server))
        let next = Self.planned(dry)
        #expect(next.filter { $0.contains("→ oumar-keita:") }.count == 2)
        #expect(next.filter { $0.contains("→ aline-uwimana:") }.isEmpty)
    }

    @Test("A host that does not resolve stops the run at once (exit 2), records nothing, and leaves no open batch")
    func unknownHostStops() throws {
        let scratch = try SendScratch()
        defer { scratch.cleanUp() }
        let path = try scratch.workspace()
        let run = try runBaraza(
            ["send", "invitations", path, "--only", "aline-uwimana"],
            environment: ["BARAZA_SMTP_HOST": "no-such-host.invalid", "BARAZA_SMTP_SECURITY": "none"])
        #expect(run.exitCode == 2)
        #expect(run.stderr.contains("stopped: the server cannot be used"), "\(run.stderr)")
        #expect(run.stdout.contains("0 retries"))
        #expect(try WorkspaceLoader(knownRuleIDs: []).state(directory: path).publishedInvitations() == nil)
        let log = try String(
            contentsOfFile: path + "/invitations-outbox/batch-0001/sent.log", encoding: .utf8)
        #expect(log.hasPrefix("closed\t"), "the batch is closed: the next run plans afresh")
    }

    @Test("An address SMTP cannot carry (non-ASCII, no SMTPUTF8) is reported as failed, never sent")
    func nonASCIIAddressIsReported() throws {
        let scratch = try SendScratch()
        defer { scratch.cleanUp() }
        let path = try scratch.workspace()
        let people = path + "/people.yaml"
        let text = try String(contentsOfFile: people, encoding: .utf8)
        try text.replacingOccurrences(of: "aline.uwimana@example.org", with: "alîne@example.org")
            .write(toFile: people, atomically: true, encoding: .utf8)
        let server = try TestSMTPServer(scratch: scratch.root)
        defer { server.stop() }
        let run = try runBaraza(
            ["send", "invitations", path, "--only", "aline-uwimana"], environment: environment(for: server))
        #expect(run.exitCode == 1)
        #expect(run.stdout.contains("failed: aline-uwimana (closing-ceremony): not sent: the address is not a plain"))
        #expect(server.messages.isEmpty && server.mailCommands == 0)
    }

    @Test("A cancellation the server refuses is planned again; the others' state moves on")
    func refusedCancellationIsPlannedAgain() throws {
        let scratch = try SendScratch()
        defer { scratch.cleanUp() }
        let path = try scratch.workspace()
        let server = try TestSMTPServer(scratch: scratch.root)
        defer { server.stop() }
        #expect(try runBaraza(["send", "invitations", path], environment: environment(for: server)).exitCode == 0)
        let sessions = path + "/sessions.yaml"
        let text = try String(contentsOfFile: sessions, encoding: .utf8)
        try text.replacingOccurrences(
            of: "speakers: [leila-ben-salah, chidinma-okafor, hadiza-issoufou]",
            with: "speakers: [leila-ben-salah, chidinma-okafor]"
        ).write(toFile: sessions, atomically: true, encoding: .utf8)
        let refusing = try TestSMTPServer(["--perm-fail", "hadiza.issoufou@example.org"], scratch: scratch.root)
        defer { refusing.stop() }
        let run = try runBaraza(["send", "invitations", path], environment: environment(for: refusing))
        #expect(run.exitCode == 1)
        #expect(run.stdout.contains("failed: hadiza-issoufou (plenary-resilient-neighbourhoods): 550"), "\(run.stdout)")
        let state = try #require(try WorkspaceLoader(knownRuleIDs: []).state(directory: path).publishedInvitations())
        let entry = try #require(state.sessions["plenary-resilient-neighbourhoods"])
        #expect(entry.attendees.contains("hadiza-issoufou"), "not cancelled yet, so still an attendee")
        let next = Self.planned(
            try runBaraza(["send", "invitations", path, "--dry-run"], environment: environment(for: refusing)))
        #expect(next.count == 1)
        #expect(next.first?.hasPrefix("plenary-resilient-neighbourhoods → hadiza-issoufou: CANCEL") == true)
    }

    @Test("STARTTLS with a self-signed certificate: refused, then trusted through a CA file or --insecure; login works")
    func startTLS() throws {
        let scratch = try SendScratch()
        defer { scratch.cleanUp() }
        let path = try scratch.workspace()
        let cert = scratch.path("cert.pem")
        let key = scratch.path("key.pem")
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
        ]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        try #require(openssl.terminationStatus == 0)
        let password = "pw-\(UUID().uuidString)"
        let server = try TestSMTPServer(
            ["--tls-cert", cert, "--tls-key", key, "--login", "baraza:\(password)"], scratch: scratch.root)
        defer { server.stop() }
        let passwordFile = scratch.path("smtp-password")
        try (password + "\n").write(toFile: passwordFile, atomically: true, encoding: .utf8)
        var env = environment(for: server, security: "starttls")
        env["BARAZA_SMTP_USER"] = "baraza"
        env["BARAZA_SMTP_PASSWORD_FILE"] = passwordFile

        let untrusted = try runBaraza(["send", "invitations", path, "--only", "aline-uwimana"], environment: env)
        #expect(untrusted.exitCode == 2)
        #expect(untrusted.stderr.contains("stopped: the server cannot be used"), "\(untrusted.stderr)")
        #expect(server.messages.isEmpty)
        #expect(try WorkspaceLoader(knownRuleIDs: []).state(directory: path).publishedInvitations() == nil)

        var trusted = env
        trusted["BARAZA_SMTP_CA_FILE"] = cert
        let viaCA = try runBaraza(["send", "invitations", path, "--only", "aline-uwimana"], environment: trusted)
        #expect(viaCA.exitCode == 0, "\(viaCA.stdout)\n\(viaCA.stderr)")
        let insecure = try runBaraza(
            ["send", "invitations", path, "--only", "eric-habimana", "--insecure"], environment: env)
        #expect(insecure.exitCode == 0, "\(insecure.stdout)\n\(insecure.stderr)")
        let sent = [viaCA, insecure].map { Int($0.stdout.firstMatch(of: /Sent ([0-9]+) of/)?.1 ?? "") ?? 0 }
        #expect(sent.allSatisfy { $0 > 0 })
        #expect(server.messages.count == sent.reduce(0, +))
        #expect(server.messages.allSatisfy { $0.tls }, "\(server.messages.map(\.tls))")
        #expect(server.messages.allSatisfy { $0.login == "baraza" }, "\(server.messages.map(\.login))")

        // The password is never printed nor written into the workspace.
        for run in [untrusted, viaCA, insecure] {
            #expect(!run.stdout.contains(password) && !run.stderr.contains(password))
        }
        let walker = FileManager.default.enumerator(atPath: path)
        while let file = walker?.nextObject() as? String {
            let data = FileManager.default.contents(atPath: path + "/" + file) ?? Data()
            #expect(!String(decoding: data, as: UTF8.self).contains(password), "\(file)")
        }

        // A password file inside the workspace is refused.
        try (password + "\n").write(toFile: path + "/password.txt", atomically: true, encoding: .utf8)
        var inside = trusted
        inside["BARAZA_SMTP_PASSWORD_FILE"] = path + "/password.txt"
        let refused = try runBaraza(["send", "invitations", path], environment: inside)
        #expect(refused.exitCode == 2)
        #expect(refused.stderr.contains("the password file is inside the workspace"), "\(refused.stderr)")
        #expect(!refused.stderr.contains(password))
    }
}
