import BarazaFolder
import Foundation
import Yams

/// The mail server a workspace sends through and how: the `smtp:` section of `event.yaml`, with the environment
/// on top (``EnvironmentName``). The password never comes from the workspace: only from
/// `BARAZA_SMTP_PASSWORD` or a file named by `BARAZA_SMTP_PASSWORD_FILE` that lies outside the workspace.
public struct SMTPSettings: Sendable {
    /// How the connection is protected.
    public enum Security: String, Sendable, CaseIterable {
        /// Plain connection upgraded with STARTTLS before anything else is said; refused if the server cannot.
        case starttls
        /// TLS from the first byte (`smtps://`, port 465).
        case tls
        /// No encryption: only for a server on the same machine or a test.
        case none

        /// The usual port for this security.
        public var defaultPort: Int {
            switch self {
            case .starttls: 587
            case .tls: 465
            case .none: 25
            }
        }
    }

    /// The server's host name or address.
    public var host: String
    /// The server's port.
    public var port: Int
    /// STARTTLS, implicit TLS or none.
    public var security: Security
    /// The user to log in as; nil: no login.
    public var user: String?
    /// The password, when there is a user.
    public var password: SMTPPassword?
    /// The mailbox that sends (`MAIL FROM`, and `Sender:` when it is not the organiser); nil: the organiser.
    public var sender: MailAddress?
    /// Where answers go (`Reply-To:`); nil: the organiser.
    public var replyTo: MailAddress?
    /// At most this many messages a minute (shared mailboxes often allow 30 to 100).
    public var ratePerMinute: Int
    /// A file of CA certificates (PEM) to trust instead of the system's, for a server with a private CA.
    public var caFile: String?
    /// Accept any certificate (self-signed, wrong host): only when asked for on the command line.
    public var insecure: Bool

    /// The rate when neither the workspace nor the environment gives one.
    public static let defaultRatePerMinute = 60
    /// The highest rate accepted.
    public static let maximumRatePerMinute = 100_000

    /// Creates settings; `port` defaults to the security's usual port.
    public init(
        host: String, port: Int? = nil, security: Security = .starttls, user: String? = nil,
        password: SMTPPassword? = nil, sender: MailAddress? = nil, replyTo: MailAddress? = nil,
        ratePerMinute: Int = defaultRatePerMinute, caFile: String? = nil, insecure: Bool = false
    ) {
        self.host = host
        self.port = port ?? security.defaultPort
        self.security = security
        self.user = user
        self.password = password
        self.sender = sender
        self.replyTo = replyTo
        self.ratePerMinute = ratePerMinute
        self.caFile = caFile
        self.insecure = insecure
    }

    /// The environment variables read, each over the workspace's value.
    public enum EnvironmentName: String, CaseIterable, Sendable {
        case host = "BARAZA_SMTP_HOST"
        case port = "BARAZA_SMTP_PORT"
        case security = "BARAZA_SMTP_SECURITY"
        case user = "BARAZA_SMTP_USER"
        case password = "BARAZA_SMTP_PASSWORD"
        case passwordFile = "BARAZA_SMTP_PASSWORD_FILE"
        case caFile = "BARAZA_SMTP_CA_FILE"
    }

    /// Keys of the `smtp:` section.
    public static let keys = ["host", "port", "security", "user", "sender", "reply-to", "rate-per-minute"]

    /// Reads the `smtp:` section of the workspace's `event.yaml` (inside the workspace folder only), then applies
    /// `environment`. Fails with the file, line, column and field of a bad value, or names what is missing.
    public static func load(workspace: WorkspaceFolder, environment: [String: String]) throws -> SMTPSettings {
        let file = workspace.display("event.yaml")
        let data: Data
        do { data = try workspace.contents(of: "event.yaml") } catch { throw SMTPSettingsError.unreadable(error) }
        let text = String(decoding: data, as: UTF8.self)
        var fields = Fields()
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw SMTPSettingsError.invalid(
                Place(file: file, line: 1, column: 1), field: "smtp", expected: "event.yaml that parses (\(error))")
        }
        if let smtp = root?.mapping?["smtp"] {
            fields = try Fields.read(smtp, file: file)
        }
        return try resolve(fields, environment: environment, workspace: workspace, file: file)
    }

    /// Where a value was read: a place in event.yaml or an environment variable.
    public struct Place: Sendable, CustomStringConvertible {
        /// The file as the user named it.
        public var file: String
        /// 1-based line.
        public var line: Int
        /// 1-based column.
        public var column: Int

        /// `file:line:column`.
        public var description: String { "\(file):\(line):\(column)" }
    }

    /// The section's values as written, each with where it was written.
    struct Fields {
        var values: [String: (text: String, place: Place)] = [:]
        var section: Place?

        static func read(_ node: Node, file: String) throws -> Fields {
            let place = Place(node, file: file)
            guard let mapping = node.mapping else {
                throw SMTPSettingsError.invalid(
                    place, field: "smtp",
                    expected: "a mapping with keys " + keys.map { "`\($0)`" }.joined(separator: ", "))
            }
            var fields = Fields(section: place)
            for (key, value) in mapping {
                let name = key.string ?? ""
                if name == "password" {
                    throw SMTPSettingsError.invalid(
                        Place(key, file: file), field: "smtp.password",
                        expected: "no password in the workspace: set \(EnvironmentName.password.rawValue) or "
                            + "\(EnvironmentName.passwordFile.rawValue) (a file outside the workspace) instead")
                }
                guard keys.contains(name) else {
                    throw SMTPSettingsError.invalid(
                        Place(key, file: file), field: "smtp.\(name)",
                        expected: "one of " + keys.map { "`\($0)`" }.joined(separator: ", "))
                }
                guard let scalar = value.scalar else {
                    throw SMTPSettingsError.invalid(
                        Place(value, file: file), field: "smtp.\(name)", expected: "a value")
                }
                guard scalar.string.utf8.count <= 512 else {
                    throw SMTPSettingsError.invalid(
                        Place(value, file: file), field: "smtp.\(name)", expected: "at most 512 bytes")
                }
                fields.values[name] = (scalar.string, Place(value, file: file))
            }
            return fields
        }
    }

    static func resolve(_ fields: Fields, environment: [String: String], workspace: WorkspaceFolder, file: String)
        throws -> SMTPSettings
    {
        func value(_ key: String, _ variable: EnvironmentName?) -> (text: String, origin: String)? {
            if let variable, let text = environment[variable.rawValue], !text.isEmpty {
                return (text, variable.rawValue)
            }
            return fields.values[key].map { ($0.text, "\($0.place): smtp.\(key)") }
        }
        func invalid(_ origin: String, _ expected: String, _ found: String) -> SMTPSettingsError {
            .badValue(origin: origin, expected: expected, found: found)
        }
        guard let host = value("host", .host) else {
            throw SMTPSettingsError.missing(
                field: "smtp.host", file: file,
                expected:
                    "the mail server's host name, in event.yaml (smtp: { host: ... }) or \(EnvironmentName.host.rawValue)"
            )
        }
        guard !host.text.isEmpty, host.text.utf8.count <= 253,
            host.text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-.:[]".contains($0)) })
        else { throw invalid(host.origin, "a host name such as smtp.example.org", host.text) }
        var security = Security.starttls
        if let given = value("security", .security) {
            guard let parsed = Security(rawValue: given.text.lowercased()) else {
                throw invalid(given.origin, "starttls, tls or none", given.text)
            }
            security = parsed
        }
        var port = security.defaultPort
        if let given = value("port", .port) {
            guard let parsed = Int(given.text), (1...65535).contains(parsed) else {
                throw invalid(given.origin, "a port from 1 to 65535", given.text)
            }
            port = parsed
        }
        var rate = defaultRatePerMinute
        if let given = value("rate-per-minute", nil) {
            guard let parsed = Int(given.text), (1...maximumRatePerMinute).contains(parsed) else {
                throw invalid(given.origin, "messages per minute, 1 to \(maximumRatePerMinute)", given.text)
            }
            rate = parsed
        }
        func address(_ key: String) throws -> MailAddress? {
            guard let given = value(key, nil) else { return nil }
            guard let address = MailAddress(given.text) else {
                throw invalid(given.origin, "an email address such as secretariat@example.org", given.text)
            }
            return address
        }
        var settings = SMTPSettings(
            host: host.text, port: port, security: security, sender: try address("sender"),
            replyTo: try address("reply-to"), ratePerMinute: rate)
        if let user = value("user", .user) {
            guard user.text.utf8.count <= 256, !user.text.contains(where: \.isNewline) else {
                throw invalid(
                    user.origin, "a user name of at most 256 bytes on one line", "(\(user.text.utf8.count) bytes)")
            }
            settings.user = user.text
            settings.password = try SMTPPassword.fromEnvironment(environment, workspace: workspace)
        }
        if let ca = environment[EnvironmentName.caFile.rawValue], !ca.isEmpty { settings.caFile = ca }
        return settings
    }
}

extension SMTPSettings.Place {
    init(_ node: Node, file: String) {
        self.init(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }
}
