import BarazaTestSupport
import Foundation
import Testing

/// `baraza build` shows its progress on standard error when that is a terminal (loading, checking, each export
/// with its files and seconds), and adds nothing when it is not, so piped output stays as it was.
@Suite struct BuildProgressTests {
    static let sample = "events/final-kigali-2027"

    /// The lines a terminal ends up showing: each line's text after its last carriage return and erase.
    static func shownLines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let last = line.components(separatedBy: "\r").last ?? ""
            return last.replacingOccurrences(of: "\u{1B}[K", with: "")
        }.filter { !$0.isEmpty }
    }

    @Test("Piped, build writes no progress; forced, the same standard output with a line per export on stderr")
    func progressOnlyWhenAsked() throws {
        let scratch = ScratchFolders.url("progress")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let piped = try runBaraza(["build", Self.sample, "--out", scratch.appendingPathComponent("a").path])
        #expect(piped.exitCode == 0, "\(piped.stderr)")
        #expect(!piped.stderr.contains("\r") && !piped.stderr.contains("\u{1B}"))
        #expect(!piped.stderr.contains("[1/"))
        let never = try runBaraza(
            ["build", Self.sample, "--out", scratch.appendingPathComponent("a").path],
            environment: ["BARAZA_PROGRESS": "never"])
        #expect(never.stderr == piped.stderr)

        let shown = try runBaraza(
            ["build", Self.sample, "--out", scratch.appendingPathComponent("a").path],
            environment: ["BARAZA_PROGRESS": "always"])
        #expect(shown.exitCode == 0)
        // Only standard error changes.
        #expect(shown.stdout == piped.stdout)
        let lines = Self.shownLines(shown.stderr)
        let built = try #require(piped.stdout.split(separator: "\n").last)
        let count = try #require(Int(built.split(separator: " ").dropLast().last ?? ""))
        let steps = lines.filter { $0.hasPrefix("[") }
        #expect(steps.count == count, "\(lines)")
        for (index, step) in steps.enumerated() {
            #expect(step.hasPrefix("[\(index + 1)/\(count)] "), "\(step)")
            #expect(step.range(of: #"… \d+ files?$"#, options: .regularExpression) != nil, "\(step)")
        }
        #expect(steps.contains { $0.contains("] pack… ") })
        // Loading and checking are shown while they run, then cleared.
        #expect(shown.stderr.contains("loading \(Self.sample)…"))
        #expect(shown.stderr.contains("checking "))
    }

    @Test("On a real terminal (a pseudo-terminal through script), the progress is shown")
    func progressOnATerminal() throws {
        let script = URL(fileURLWithPath: "/usr/bin/script")
        guard FileManager.default.isExecutableFile(atPath: script.path) else { return }
        let scratch = ScratchFolders.url("progress")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let command = [barazaExecutable.path, "build", Self.sample, "--out", scratch.path].map { "'\($0)'" }
            .joined(separator: " ")
        let process = Process()
        process.executableURL = script
        process.arguments = ["-q", "-e", "-c", command, "/dev/null"]
        process.currentDirectoryURL = packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["BARAZA_CACHE"] = "off"
        environment["BARAZA_PROGRESS"] = nil
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        let lines = Self.shownLines(text.replacingOccurrences(of: "\r\n", with: "\n"))
        #expect(lines.contains { $0.hasPrefix("[1/") && $0.contains("files") }, "\(lines)")
        #expect(lines.last?.hasPrefix("built ") == true, "\(lines)")
    }
}
