import BarazaModel
import BarazaOutput
import BarazaTestSupport
import BarazaWorkspace
import Foundation

/// A scratch folder removed by `cleanUp()`; sample workspaces are copied into it so the invitation state
/// written into a workspace never touches the repository.
struct Scratch {
    let root: URL

    init() throws {
        root = ScratchFolders.url("baraza-cal")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: root) }

    /// Copies `events/<name>` into the scratch folder and returns the copy's path.
    func copyOfSample(_ name: String) throws -> String {
        let target = root.appendingPathComponent(name)
        try ScratchFolders.copyWorkspace(at: packageRoot.appendingPathComponent("events/\(name)"), to: target)
        return target.path
    }

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}

enum Samples {
    static let kigali = "final-kigali-2027"
    static let reflection = "reflection-2027-02"

    static func load(_ path: String) throws -> Workspace {
        try WorkspaceLoader(knownRuleIDs: []).load(directory: path)
    }

    static var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    /// Every regular file below `folder`, relative path → contents.
    static func files(below folder: String) -> [String: Data] {
        var result: [String: Data] = [:]
        let base = URL(fileURLWithPath: folder)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey])
        else { return result }
        for case let url as URL in walker
        where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            let relative = String(url.path.dropFirst(base.path.count + 1))
            result[relative] = FileManager.default.contents(atPath: url.path)
        }
        return result
    }

    /// Replaces `old` with `new` in a workspace file; the test fails if `old` is not there.
    static func edit(_ file: String, replacing old: String, with new: String) throws {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        guard text.contains(old) else { throw EditError.notFound(old) }
        try text.replacingOccurrences(of: old, with: new).write(toFile: file, atomically: true, encoding: .utf8)
    }

    enum EditError: Error { case notFound(String) }
}

/// Runs the independent validator `../shared/tools/ics-check` (or `$ICS_CHECK`).
enum ICSCheck {
    static let executable: URL = {
        if let path = ProcessInfo.processInfo.environment["ICS_CHECK"] { return URL(fileURLWithPath: path) }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/tools/ics-check")
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
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
