import BarazaTestSupport
import Foundation
import Testing

/// Every command, however deep, has `--help` with examples (found by walking the help itself, so commands
/// added later are covered too).
struct HelpTests {
    /// The subcommand names listed under `SUBCOMMANDS:` in a help text.
    static func subcommands(in help: String) -> [String] {
        var names: [String] = []
        var inSection = false
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "SUBCOMMANDS:" {
                inSection = true
            } else if inSection {
                if line.isEmpty { break }
                // `  name   description`; deeper indentation continues a description.
                if line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first {
                    names.append(String(name))
                }
            }
        }
        return names
    }

    @Test func everyCommandsHelpHasExamples() throws {
        var queue: [[String]] = [[]]
        var seen: [[String]] = []
        while let path = queue.first {
            queue.removeFirst()
            seen.append(path)
            let run = try runBaraza(path + ["--help"])
            #expect(run.exitCode == 0, "baraza \(path.joined(separator: " ")) --help")
            #expect(run.stdout.contains("Examples"), "baraza \(path.joined(separator: " ")) --help has no examples")
            #expect(run.stdout.contains("USAGE: baraza"))
            queue += Self.subcommands(in: run.stdout).filter { $0 != "help" }.map { path + [$0] }
        }
        #expect(seen.contains(["init"]) && seen.contains(["check"]) && seen.contains(["export"]))
    }
}
