import Foundation

/// What a run of the `baraza` executable printed and how it exited.
public struct BarazaRun: Sendable {
    public var stdout: String
    public var stderr: String
    public var exitCode: Int32
    /// The signal that ended the process, when one did (then `exitCode` is that signal's number).
    public var signal: Int32?

    public init(stdout: String, stderr: String, exitCode: Int32, signal: Int32? = nil) {
        self.stdout = stdout
        self.stderr = stderr
        self.exitCode = exitCode
        self.signal = signal
    }
}

/// The root of the package (the folder holding `Package.swift`), found from this file's path.
public let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    preconditionFailure("no Package.swift above \(#filePath)")
}()

/// The built `baraza` executable: it sits in the build folder beside the test bundle
/// (`.build/debug/barazaPackageTests.xctest`); falls back to `<package>/.build/debug/baraza`.
public let barazaExecutable: URL = {
    let fm = FileManager.default
    var candidates: [URL] = []
    for start in [Bundle.main.bundleURL, Bundle.main.executableURL].compactMap({ $0 }) {
        var dir = start
        for _ in 0..<4 {
            candidates.append(dir.appendingPathComponent("baraza"))
            dir.deleteLastPathComponent()
        }
    }
    candidates.append(packageRoot.appendingPathComponent(".build/debug/baraza"))
    return candidates.first { url in
        var isDirectory: ObjCBool = false
        return fm.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && fm.isExecutableFile(atPath: url.path)
    } ?? candidates.last!
}()

/// Runs the built `baraza` with `args` in `directory` (default: the package root), with colour off and the
/// workspace cache off (`BARAZA_CACHE=off`: tests compare workspaces file by file; CheckCacheTests turns it on),
/// and returns what it printed and its exit code. `environment` sets (or, with nil, removes) variables on top
/// of the test's own environment, e.g. `["NO_COLOR": nil]` to let the command choose colour itself.
public func runBaraza(
    _ args: [String], in directory: URL? = nil, environment overrides: [String: String?] = [:]
) throws -> BarazaRun {
    let process = Process()
    process.executableURL = barazaExecutable
    process.arguments = args
    process.currentDirectoryURL = directory ?? packageRoot
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    environment["BARAZA_CACHE"] = "off"
    for (name, value) in overrides { environment[name] = value }
    process.environment = environment
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes before waiting, so a large output cannot fill a pipe and block the child.
    let group = DispatchGroup()
    nonisolated(unsafe) var errData = Data()
    group.enter()
    DispatchQueue.global().async {
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return BarazaRun(
        stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
        exitCode: process.terminationStatus,
        signal: process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil)
}
