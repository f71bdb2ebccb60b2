import BarazaTestSupport
import Foundation
import Testing

/// The test SMTP server (`smtp_server.py`, aiosmtpd) on a free loopback port, started for one test and stopped by
/// `stop()`. What it accepted is read back from its record file.
final class TestSMTPServer: @unchecked Sendable {
    let port: Int
    let recordPath: String
    private let process: Process

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("smtp_server.py").path

    /// Whether python3 with aiosmtpd is installed (`.ci/setup` installs it).
    static let isAvailable: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import aiosmtpd"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// Starts the server with `arguments` (see the script: --temp-fail, --perm-fail, --drop-every, --tls-cert...).
    init(_ arguments: [String] = [], scratch: URL) throws {
        recordPath = scratch.appendingPathComponent("smtp-\(UUID().uuidString).jsonl").path
        _ = FileManager.default.createFile(atPath: recordPath, contents: nil)
        process = Process()
        // The test runner's threads block signals and a child inherits the mask: clear it, as ics-check's runner does.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            [
                "python3", "-c",
                "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); os.execv(sys.executable, [sys.executable] + sys.argv[1:])",
                Self.script, "--record", recordPath,
            ] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5)) else {
            process.terminate()
            throw ServerError.didNotStart(text)
        }
        self.port = port
    }

    enum ServerError: Error { case didNotStart(String) }

    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// One accepted message.
    struct Message {
        var mailFrom: String
        var recipients: [String]
        var data: Data
        var tls: Bool
        var login: String?
        /// The name the client gave in EHLO.
        var helo: String?

        var text: String { String(decoding: data, as: UTF8.self) }

        /// The header block, unfolded, as name → values.
        var headers: [String: [String]] {
            let head = text.components(separatedBy: "\r\n\r\n").first ?? ""
            let unfolded = head.replacingOccurrences(of: "\r\n ", with: " ")
            var result: [String: [String]] = [:]
            for line in unfolded.components(separatedBy: "\r\n") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                let name = String(line[..<colon])
                result[name, default: []].append(
                    String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
            }
            return result
        }
    }

    /// The messages accepted so far.
    var messages: [Message] {
        records.compactMap { record in
            guard record["kind"] as? String == "message",
                let data = Data(base64Encoded: record["data"] as? String ?? "")
            else { return nil }
            return Message(
                mailFrom: record["mail_from"] as? String ?? "", recipients: record["rcpt_tos"] as? [String] ?? [],
                data: data, tls: record["tls"] as? Bool ?? false, login: record["login"] as? String,
                helo: record["helo"] as? String)
        }
    }

    /// Connections the server accepted so far.
    var connections: Int { records.filter { $0["kind"] as? String == "connect" }.count }

    /// MAIL commands received so far (attempts, including refused and dropped ones).
    var mailCommands: Int { records.filter { $0["kind"] as? String == "mail" }.count }

    private var records: [[String: Any]] {
        let text = (try? String(contentsOfFile: recordPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }
    }
}

/// A copy of a sample workspace in a scratch folder, with an `smtp:` section.
struct SendScratch {
    let root: URL

    init() throws {
        root = ScratchFolders.url("baraza-send")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: root) }

    /// Copies `events/final-kigali-2027` and appends `smtp` (YAML lines under `smtp:`) to its event.yaml.
    func workspace(smtp: [String] = defaultSMTP) throws -> String {
        let target = root.appendingPathComponent("kigali")
        try ScratchFolders.copyWorkspace(
            at: packageRoot.appendingPathComponent("events/final-kigali-2027"), to: target)
        let eventFile = target.appendingPathComponent("event.yaml")
        var text = try String(contentsOf: eventFile, encoding: .utf8)
        text += "\nsmtp:\n" + smtp.map { "  " + $0 + "\n" }.joined()
        try text.write(to: eventFile, atomically: true, encoding: .utf8)
        return target.path
    }

    static let defaultSMTP = [
        "host: smtp.example.org", "security: none", "rate-per-minute: 100000", "sender: mailer@example.net",
        "reply-to: programme@example.org",
    ]

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}

/// The environment that points `baraza send` at `server` (over the workspace's host and port).
func environment(for server: TestSMTPServer, security: String = "none") -> [String: String?] {
    [
        "BARAZA_SMTP_HOST": "127.0.0.1", "BARAZA_SMTP_PORT": String(server.port), "BARAZA_SMTP_SECURITY": security,
        "BARAZA_SMTP_PASSWORD": nil, "BARAZA_SMTP_PASSWORD_FILE": nil, "BARAZA_SMTP_USER": nil,
        "BARAZA_SMTP_CA_FILE": nil,
    ]
}

/// Reads a CSV report into rows of cells (the report has no quoted commas in the cells these tests read).
func csvRows(_ path: String) throws -> [[String]] {
    try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        .map { $0.components(separatedBy: ",") }
}

/// ics-check on the files in `folder`: exit status and output.
enum ICSCheck {
    static let executable = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/tools/ics-check")

    static let isRunnable: Bool = {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else { return false }
        return (try? run(["--version"]).status) == 0
    }()

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            [
                "python3", "-c",
                "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); os.execv(sys.argv[1], sys.argv[1:])",
                executable.path,
            ] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
