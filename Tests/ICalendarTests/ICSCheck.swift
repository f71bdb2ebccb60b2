import Foundation

/// Runs the independent validator `../shared/tools/ics-check` (or `$ICS_CHECK`).
enum ICSCheck {
    static let executable: URL = {
        if let path = ProcessInfo.processInfo.environment["ICS_CHECK"] { return URL(fileURLWithPath: path) }
        // Tests/ICalendarTests/ICSCheck.swift -> package root -> ../shared/tools/ics-check
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/tools/ics-check")
    }()

    /// The tool exists and its `--version` succeeds, which it does only when all its readers are installed.
    static let isRunnable: Bool = {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else { return false }
        return (try? run(["--version"]).status) == 0
    }()

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        // The test runner's threads block most signals and a child inherits that mask; ics-check forks and
        // waits on children, which then hangs. Start it through python3 with an empty signal mask.
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
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
