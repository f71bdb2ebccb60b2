import ArgumentParser
import BarazaChecks
import BarazaCore
import BarazaExports
import BarazaModel
import BarazaOutput
import BarazaWorkspace
import Foundation

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a workspace, then run every export into exports/<event>/.",
        discussion: """
            Runs the checks first and stops before any export when they find errors, unless --force. Then \
            each export runs with its default options, in this order: \
            \(ExporterRegistry.ids.joined(separator: ", ")). \
            On a terminal, standard error shows progress: loading, checking, then each export with the \
            files it has written and the seconds it has taken (nothing when it is not a terminal; \
            BARAZA_PROGRESS=always or never decides otherwise).

            Examples:
              baraza build events/final-kigali-2027
              baraza build events/final-kigali-2027 --out /tmp/preview --force
            """)

    @Argument(help: "The workspace folder (holding event.yaml).")
    var workspace: String

    @Option(name: .customLong("out"), help: "The export folder (default: exports/<event id>).")
    var out: String?

    @Flag(help: "Export even when the checks find errors.")
    var force = false

    func validate() throws {
        if let problem = ExportFailure.emptyFolder(out) { throw ValidationError(problem) }
    }

    func run() throws {
        let progress = BuildProgress()
        progress.start("loading \(workspace)…")
        let loaded: Workspace
        do { loaded = try RuleCatalogue.loader.load(directory: workspace) } catch {
            progress.finish(nil)
            throw error
        }
        progress.start("checking \(loaded.sessions.count) sessions, \(loaded.people.count) people…")
        let findings = RuleCatalogue.checker.check([loaded])
        progress.finish(nil)
        let report = FindingReport(findings: findings, events: [loaded.event.id.rawValue])
        if report.errorCount > 0 || report.warningCount > 0 {
            FileHandle.standardError.write(Data(report.text(colour: Terminal.standardErrorIsColourTerminal).utf8))
        }
        if report.errorCount > 0 && !force {
            throw CommandFailure.findings(
                "the checks found \(report.errorCount) error(s); nothing exported (use --force to export anyway)")
        }
        let directory = out ?? ExportContext.defaultDirectory(for: loaded)
        if let problem = ExportFailure.unusableFolder(directory) { throw CommandFailure.unreadable(problem) }
        let exporters = ExporterRegistry.all
        let runner = ExportRunner()
        var total = 0
        for (index, exporter) in exporters.enumerated() {
            progress.start("[\(index + 1)/\(exporters.count)] \(exporter.id)…")
            let result: ExportResult
            do {
                result = try runner.run(
                    ProgressReportingExporter(exporter: exporter, progress: progress), on: loaded, into: directory)
            } catch {
                progress.finish("failed")
                throw CommandFailure.unreadable("\(exporter.id): \(ExportFailure.describe(error))")
            }
            total += result.files.count
            progress.finish("\(result.files.count) file\(result.files.count == 1 ? "" : "s")")
            for note in result.notes { print("note: \(exporter.id): \(note)") }
        }
        print("built \(directory): \(total) files from \(exporters.count) exports")
        if report.errorCount > 0 { throw CommandFailure.findings(nil) }
    }
}
