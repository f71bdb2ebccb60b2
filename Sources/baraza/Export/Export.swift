import ArgumentParser
import BarazaModel
import BarazaOutput
import BarazaWorkspace
import Foundation

/// `baraza export <kind>`: one subcommand per exporter, each in its own file beside this one.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write one kind of output for a workspace into exports/<event>/.",
        discussion: """
            Every export writes each file atomically (temporary file, then rename) and gives \
            byte-identical output for the same workspace. `baraza build` runs the checks and then every export.

            Examples:
              baraza export ics events/final-kigali-2027
              baraza export badges events/final-kigali-2027 --layout a6
              baraza export invitations events/final-kigali-2027 --dry-run
            """,
        subcommands: ExportCommands.all)
}

/// The export subcommands, in the order `baraza build` runs them. Add one line per export.
enum ExportCommands {
    static let all: [any ExportCommand.Type] = [
        ExportICS.self,
        ExportInvitations.self,
        ExportBadges.self,
        ExportLogistics.self,
        ExportAgenda.self,
        ExportScheduleXML.self,
        ExportPack.self,
    ]

    /// Every export with its default options, for `baraza build`.
    static var exporters: [any Exporter] { all.map { $0.defaultExporter } }
}

/// An export subcommand: its own options on the command line, and a default configuration for `baraza build`.
protocol ExportCommand: ParsableCommand {
    /// The exporter `baraza build` runs, configured with this command's defaults.
    static var defaultExporter: any Exporter { get }
}

/// Options every export shares: the workspace, where to write, and whether to write at all.
struct ExportOptions: ParsableArguments {
    @Argument(help: "The workspace folder (holding event.yaml).")
    var workspace: String

    @Option(name: .customLong("out"), help: "The export folder (default: exports/<event id>).")
    var out: String?

    @Flag(help: "List what would be written, and why, without writing anything.")
    var dryRun = false

    /// Loads the workspace, printing `file:line:column` errors and exiting with status 2 when it cannot be read.
    func loadWorkspace() throws -> Workspace {
        do {
            return try WorkspaceLoader(knownRuleIDs: Check.rules.map(\.id)).load(directory: workspace)
        } catch {
            Terminal.printError(error)
            throw ExitStatus.unreadableInput
        }
    }

    /// The context an exporter runs in for this command line.
    func context(for workspace: Workspace) -> ExportContext {
        ExportContext(directory: out ?? ExportContext.defaultDirectory(for: workspace), dryRun: dryRun)
    }

    /// Runs `exporter`, prints the files it wrote (or would write) and its notes, and maps failures to exit 2.
    func run(_ exporter: any Exporter, on workspace: Workspace) throws {
        let context = context(for: workspace)
        let result: ExportResult
        do {
            result = try exporter.export(workspace, context: context)
        } catch {
            Terminal.printError(message: "\(exporter.id): \(error)")
            throw ExitStatus.unreadableInput
        }
        let verb = dryRun ? "would write" : "wrote"
        for file in result.files { print("\(verb) \(context.directory)/\(file)") }
        for note in result.notes { print("note: \(note)") }
    }
}
