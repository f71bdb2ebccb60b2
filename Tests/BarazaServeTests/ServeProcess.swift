import BarazaTestSupport
import Foundation
import Testing

/// A real `baraza serve` on 127.0.0.1 and a free port, over a copy of the sample workspace, stopped by the test.
final class ServeProcess: @unchecked Sendable {
    let root: URL
    let workspace: String
    let state: String
    private(set) var process = Process()
    private let lock = NSLock()
    private var output = Data()
    private var errors = Data()
    /// What the server wrote to standard error so far (its log).
    var log: String { lock.withLock { String(decoding: errors, as: UTF8.self) } }
    private(set) var baseURL = ""
    private(set) var adminPath = ""

    /// Copies `events/final-kigali-2027` into a scratch folder, lets `prepare` change the copy (given its path),
    /// and starts serving it.
    let arguments: [String]

    init(
        sample: String = "events/final-kigali-2027", arguments: [String] = [],
        prepare: (_ workspace: String) throws -> Void = { _ in }
    ) throws {
        self.arguments = arguments
        root = ScratchFolders.url("serve")
        workspace = root.appendingPathComponent("events/ws").path
        state = root.appendingPathComponent("state").path
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("events"), withIntermediateDirectories: true)
        try ScratchFolders.copyWorkspace(
            at: packageRoot.appendingPathComponent(sample), to: URL(fileURLWithPath: workspace))
        try prepare(workspace)
        try start()
    }

    /// Starts a new server over the same workspace and state folder (after ``stop()``).
    func restart() throws {
        process = Process()
        lock.withLock {
            output = Data()
            errors = Data()
        }
        try start()
    }

    private func start() throws {
        process.executableURL = barazaExecutable
        process.arguments = ["serve", workspace, "--port", "0", "--state", state, "--poll", "0.1"] + arguments
        process.currentDirectoryURL = root
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        let err = Pipe()
        process.standardError = err
        out.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self else { return }
            self.lock.withLock { self.output.append(data) }
        }
        // Read as it comes (a full pipe would block the server's log writer); the access log is kept too.
        err.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self else { return }
            self.lock.withLock { self.errors.append(data) }
        }
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            let text = lock.withLock { String(decoding: output, as: UTF8.self) }
            if let admin = text.firstMatch(of: /admin page: (http:\/\/127\.0\.0\.1:[0-9]+)(\/admin\/[A-Za-z0-9_-]+)\n/)
            {
                baseURL = String(admin.1)
                adminPath = String(admin.2)
                return
            }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        process.terminate()
        throw ServeTestError.didNotStart(lock.withLock { String(decoding: output, as: UTF8.self) })
    }

    /// Sends SIGTERM and waits: the server must stop on its own, with status 0.
    func stop() -> Int32 {
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return -1
        }
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: root)
    }

    /// Replaces the text of the workspace file `name`.
    func edit(_ name: String, _ change: (String) -> String) throws {
        let path = workspace + "/" + name
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try change(text).write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Fetches `path` (exactly as given) until `until` holds for the answer, or 60 seconds pass.
    func poll(_ path: String, until: (CurlAnswer) -> Bool) throws -> CurlAnswer {
        let deadline = Date().addingTimeInterval(60)
        var answer = try curl(baseURL + path)
        while !until(answer) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
            answer = try curl(baseURL + path)
        }
        return answer
    }
}

enum ServeTestError: Error {
    case didNotStart(String)
    case curlFailed(String)
}

/// What curl received: status, headers (names lowercased), body.
struct CurlAnswer {
    var status: Int
    var headers: [String: String]
    var body: Data
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// Runs the real `curl` (`--path-as-is`, so `..` reaches the server as sent) and parses what it received.
func curl(_ url: String, _ options: [String] = []) throws -> CurlAnswer {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
    process.arguments = ["-sS", "-i", "--path-as-is", "--max-time", "30"] + options + [url]
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0, let split = data.range(of: Data("\r\n\r\n".utf8)) else {
        throw ServeTestError.curlFailed(String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }
    let head = String(decoding: data[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
    let status = Int(head.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
    var headers: [String: String] = [:]
    for line in head.dropFirst() {
        guard let colon = line.firstIndex(of: ":") else { continue }
        headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    return CurlAnswer(status: status, headers: headers, body: Data(data[split.upperBound...]))
}
