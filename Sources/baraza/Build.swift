import ArgumentParser
import BarazaChecks
import BarazaCore
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
            \(ExportCommands.all.map { $0.defaultExporter.id }.joined(separator: ", ")). \
            On a terminal each export prints one line of progress.

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
        let loaded: Workspace
        do {
            loaded = try RuleCatalogue.loader.load(directory: workspace)
        } catch {
            Terminal.printError(error)
            throw ExitStatus.unreadableInput
        }
        let findings = RuleCatalogue.checker.check([loaded])
        let report = FindingReport(findings: findings, events: [loaded.event.id.rawValue])
        if report.errorCount > 0 || report.warningCount > 0 {
            FileHandle.standardError.write(Data(report.text(colour: Terminal.standardErrorIsColourTerminal).utf8))
        }
        if report.errorCount > 0 && !force {
            Terminal.printError(
                message:
                    "the checks found \(report.errorCount) error(s); nothing exported (use --force to export anyway)")
            throw ExitStatus.findingsWithErrors
        }
        let context = ExportContext(directory: out ?? ExportContext.defaultDirectory(for: loaded))
        if let problem = ExportFailure.unusableFolder(context.directory) {
            Terminal.printError(message: problem)
            throw ExitStatus.unreadableInput
        }
        let exporters = ExportCommands.exporters
        let progress = Terminal.standardErrorIsTerminal
        var total = 0
        for (index, exporter) in exporters.enumerated() {
            if progress {
                FileHandle.standardError.write(Data("[\(index + 1)/\(exporters.count)] \(exporter.id)…".utf8))
            }
            let result: ExportResult
            do {
                result = try exporter.export(loaded, context: context)
            } catch {
                if progress { FileHandle.standardError.write(Data(" failed\n".utf8)) }
                Terminal.printError(message: "\(exporter.id): \(ExportFailure.describe(error))")
                throw ExitStatus.unreadableInput
            }
            total += result.files.count
            if progress {
                FileHandle.standardError.write(
                    Data(" \(result.files.count) file\(result.files.count == 1 ? "" : "s")\n".utf8))
            }
            for note in result.notes { print("note: \(exporter.id): \(note)") }
        }
        print("built \(context.directory): \(total) files from \(exporters.count) exports")
        if report.errorCount > 0 { throw ExitStatus.findingsWithErrors }
    }
}
