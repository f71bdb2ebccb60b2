import BarazaFolder
import BarazaMail
import BarazaTestSupport
import Foundation
import Testing

@Suite("SMTP settings from event.yaml and the environment")
struct SettingsTests {
    func settings(_ smtp: String, environment: [String: String] = [:]) throws -> SMTPSettings {
        let folder = ScratchFolders.url("baraza-smtp")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try ("event:\n  id: x\n" + smtp).write(
            to: folder.appendingPathComponent("event.yaml"), atomically: true, encoding: .utf8)
        return try SMTPSettings.load(workspace: try WorkspaceFolder(folder.path), environment: environment)
    }

    func error(_ smtp: String, environment: [String: String] = [:]) -> String {
        do {
            _ = try settings(smtp, environment: environment)
            return ""
        } catch { return "\(error)" }
    }

    @Test("Values from the section, defaults by security, and the environment on top")
    func values() throws {
        let s = try settings(
            "smtp:\n  host: smtp.example.org\n  security: tls\n  sender: a@example.org\n  rate-per-minute: 30\n")
        #expect(s.host == "smtp.example.org" && s.port == 465 && s.security == .tls && s.ratePerMinute == 30)
        #expect(s.sender == MailAddress("a@example.org") && s.replyTo == nil && s.user == nil)
        let e = try settings(
            "smtp:\n  host: smtp.example.org\n",
            environment: ["BARAZA_SMTP_HOST": "127.0.0.1", "BARAZA_SMTP_PORT": "2525", "BARAZA_SMTP_SECURITY": "none"])
        #expect(e.host == "127.0.0.1" && e.port == 2525 && e.security == .none)
        let plain = try settings("smtp:\n  host: h\n")
        #expect(plain.port == 587)
    }

    @Test(
        "Bad values name file, line, column and field",
        arguments: [
            ("smtp:\n  host: h\n  port: 70000\n", "event.yaml:5:9: smtp.port: expected a port from 1 to 65535"),
            (
                "smtp:\n  host: h\n  password: x\n",
                "event.yaml:5:3: smtp.password: expected no password in the workspace"
            ),
            ("smtp:\n  host: h\n  sender: not-an-address\n", "event.yaml:5:11: smtp.sender: expected an email address"),
            ("smtp:\n  hots: h\n", "event.yaml:4:3: smtp.hots: expected one of `host`"),
            ("smtp:\n  port: 25\n", "smtp.host is missing"),
            ("smtp:\n  host: h\n  security: ssl\n", "smtp.security: expected starttls, tls or none"),
            ("smtp:\n  host: h\n  user: u\n", "a password is needed"),
        ])
    func badValues(smtp: String, expected: String) {
        let message = error(smtp)
        #expect(message.contains(expected), "\(message)")
    }

    @Test("The password comes from the environment and is never shown")
    func password() throws {
        let s = try settings("smtp:\n  host: h\n  user: u\n", environment: ["BARAZA_SMTP_PASSWORD": "secret-1"])
        #expect("\(s.password!)" == "(hidden)")
        #expect(!String(reflecting: s).contains("secret-1"))
    }

    @Test(
        "Addresses: plain local@domain only",
        arguments: [
            ("a@example.org", true), ("first.last+tag@sub.example.org", true), ("a@b", true), ("no-at", false),
            ("a@b..c", false), ("a b@c.org", false), ("a@c.org>", false), ("<a@c.org>", false), ("é@c.org", false),
            ("a@c.org\r\nRCPT TO:<x@y>", false), (String(repeating: "a", count: 65) + "@c.org", false),
        ])
    func addresses(text: String, valid: Bool) {
        #expect((MailAddress(text) != nil) == valid)
    }
}
