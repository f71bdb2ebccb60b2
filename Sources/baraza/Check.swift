import ArgumentParser
import BarazaChecks
import BarazaCore
import BarazaModel
import BarazaWorkspace
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check one workspace, or every workspace under a folder, for clashes and inconsistencies.",
        discussion: """
            Exit status: 0 when no finding is an error, 1 when some are, 2 when the input cannot be read.
            Given a folder such as events/, every workspace in it is checked, and a person presenting in \
            two events at once (same person id or same email) is reported too.

            Examples:
              baraza check events/final-kigali-2027
              baraza check events/ --format json > findings.json
              baraza check --list-rules
            """)

    @Argument(help: "A workspace folder (holding event.yaml) or a folder of workspaces.")
    var path: String = "events"

    @Option(help: "Output format: text (grouped by rule) or json (stable, see the README section JSON output).")
    var format: OutputFormat = .text

    @Flag(help: "List the rules with their ids and default severities, then exit.")
    var listRules = false

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    /// `{"errors": [{"file", "line", "column", "message"}], "findings": [], "version": 1}` with sorted keys, for
    /// input that could not be read (exit 2).
    static func loadFailureJSON(_ failure: WorkspaceLoadFailure) -> String {
        let errors: [[String: Any]] = failure.errors.map { error in
            var entry: [String: Any] = ["message": error.message]
            if let location = error.location {
                entry["file"] = location.file
                entry["line"] = location.line
                entry["column"] = location.column
            }
            return entry
        }
        let document: [String: Any] = ["version": 1, "errors": errors, "findings": [Any]()]
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    func run() throws {
        if listRules {
            for rule in RuleCatalogue.all {
                print(
                    "\(rule.id.padding(toLength: 24, withPad: " ", startingAt: 0)) \(rule.defaultSeverity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(rule.summary)"
                )
            }
            return
        }
        let colour = Terminal.standardOutputIsColourTerminal
        // One workspace: its report is kept in `.baraza/cache/` and reused while no file it was made from changes.
        let single = FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("event.yaml"))
        let cache = single ? WorkspaceResultCache(directory: path, purpose: "check \(format) colour \(colour)") : nil
        if let kept = cache?.lookup(), let status = kept.first {
            print(String(decoding: kept.dropFirst(), as: UTF8.self), terminator: "")
            if status == UInt8(ascii: "1") { throw CommandFailure.findings(nil) }
            return
        }
        var loader = RuleCatalogue.loader
        let sources = cache.map { _ in WorkspaceSources() }
        loader.sources = sources
        let workspaces: [Workspace]
        do {
            workspaces = try loader.loadAll(path: path)
        } catch {
            // A script reading `--format json` gets a JSON document here too, naming what could not be read; the
            // error itself goes to standard error as for every command.
            if format == .json { print(Self.loadFailureJSON(error)) }
            throw error
        }
        let findings = RuleCatalogue.checker.check(workspaces)
        let report = FindingReport(findings: findings, events: workspaces.map(\.event.id.rawValue))
        let output: String
        switch format {
        case .text: output = report.text(colour: colour)
        case .json: output = report.json()
        }
        print(output, terminator: "")
        if let cache, let sources, workspaces.count == 1 {
            cache.store(
                Data((report.errorCount > 0 ? "1" : "0").utf8) + Data(output.utf8), workspace: workspaces[0],
                sources: sources)
        }
        Self.exitKeepingWorkspaces(workspaces, status: report.errorCount > 0 ? ExitStatus.findingsWithErrors : .success)
    }

    /// Ends the process once the report is written, without tearing the loaded workspaces down. A large
    /// workspace (100,000 people) is hundreds of megabytes in millions of objects; releasing them one by one
    /// took about 5% of a cold check's CPU, for memory the system takes back at exit anyway. Standard output is
    /// flushed first, so a pipe gets the whole report.
    static func exitKeepingWorkspaces(_ workspaces: [Workspace], status: ExitCode) -> Never {
        fflush(nil)  // every C stream, standard output among them
        withExtendedLifetime(workspaces) { Foundation.exit(status.rawValue) }
    }
}
