import ArgumentParser
import BarazaBadges
import BarazaCore
import BarazaExports
import BarazaFolder
import BarazaModel
import BarazaOutput
import BarazaPDF
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
              baraza export --list
              baraza export ics events/final-kigali-2027
              baraza export badges events/final-kigali-2027 --layout a6
              baraza export invitations events/final-kigali-2027 --dry-run
            """,
        subcommands: ExportCommands.all)

    @Flag(help: "List the exports with their ids, in the order `baraza build` runs them, then exit.")
    var list = false

    /// `--list` prints the registry; without it (and without a subcommand) this is a command group: its help on
    /// standard error, exit 64.
    func run() throws {
        guard list else {
            FileHandle.standardError.write(Data((Baraza.helpMessage(for: Self.self) + "\n").utf8))
            throw ExitStatus.usage
        }
        for exporter in ExporterRegistry.all {
            print("\(exporter.id.padding(toLength: 14, withPad: " ", startingAt: 0)) \(exporter.summary)")
        }
    }
}

/// The export subcommands, one per exporter of `ExporterRegistry`, in the same order. Add one line per export.
enum ExportCommands {
    static let all: [any ParsableCommand.Type] = [
        ExportICS.self,
        ExportInvitations.self,
        ExportBadges.self,
        ExportLogistics.self,
        ExportAgenda.self,
        ExportScheduleXML.self,
        ExportPack.self,
    ]
}

/// Options every export shares: the workspace, where to write, and whether to write at all.
struct ExportOptions: ParsableArguments {
    @Argument(help: "The workspace folder (holding event.yaml).")
    var workspace: String

    @Option(name: .customLong("out"), help: "The export folder (default: exports/<event id>).")
    var out: String?

    @Flag(help: "List what would be written, and why, without writing anything.")
    var dryRun = false

    /// An empty `--out` is a usage error (it would write into the current folder).
    func validate() throws {
        if let problem = ExportFailure.emptyFolder(out) { throw ValidationError(problem) }
    }

    /// Loads the workspace; one that cannot be read fails the command with its `file:line:column` errors (exit 2).
    func loadWorkspace() throws -> Workspace {
        try RuleCatalogue.loader.load(directory: workspace)
    }

    /// Runs `exporter` through the export runner, prints the files it wrote (or would write) and its notes, and
    /// maps failures to exit 2.
    func run(_ exporter: any Exporter, on workspace: Workspace) throws {
        let directory = out ?? ExportContext.defaultDirectory(for: workspace)
        if let problem = ExportFailure.unusableFolder(directory) {
            throw CommandFailure.unreadable("\(exporter.id): \(problem)")
        }
        let result: ExportResult
        do {
            result = try ExportRunner(dryRun: dryRun).run(exporter, on: workspace, into: directory)
        } catch {
            throw CommandFailure.unreadable("\(exporter.id): \(ExportFailure.describe(error))")
        }
        let verb = dryRun ? "would write" : "wrote"
        for file in result.files { print("\(verb) \(directory)/\(file)") }
        for note in result.notes { print("note: \(note)") }
    }
}

/// How a failed export is told to the user: the file and the system's reason in one line, never a dump of a
/// Foundation error object.
enum ExportFailure {
    /// Why `directory` (or a folder on the way to it) cannot hold exports, or nil when it can be used or created.
    static func unusableFolder(_ directory: String) -> String? {
        if let problem = emptyFolder(directory) { return problem }
        var path = (directory as NSString).standardizingPath
        while !path.isEmpty, path != "/", path != "." {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                guard isDirectory.boolValue else {
                    return "cannot write into \(directory): \(path) is a file, not a folder; "
                        + "expected a folder for --out (it is created when missing)"
                }
                return nil
            }
            path = PathText.parent(of: path)
        }
        return nil
    }

    /// Why `--out` as given is unusable when it is empty: it would write into the current folder while reporting
    /// paths like `/schedule.xml`. Nil when it is absent or not empty.
    static func emptyFolder(_ directory: String?) -> String? {
        guard let directory, directory.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return "--out is empty; expected a folder to write into (it is created when missing)"
    }

    /// One line for `error`: a file that could not be written becomes `cannot write <path>: <the system's reason>`
    /// (Foundation's errors, a PDF's, a badge list's), never a dump of an error object; a full disk says so, and
    /// what to do about it.
    static func describe(_ error: any Error) -> String {
        switch error {
        case BadgeError.pdf(.couldNotWrite(let path, let code)), PDFError.couldNotWrite(let path, let code):
            return "cannot write \(path): \(reason(code))"
        case let error as POSIXError:
            return reason(error.code.rawValue)
        default:
            break
        }
        let ns = error as NSError
        guard ns.domain == NSCocoaErrorDomain else { return withHint("\(error)") }
        let path = ns.userInfo[NSFilePathErrorKey] as? String ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path
        var reason = ns.localizedDescription
        if let underlying = (ns.userInfo[NSUnderlyingErrorKey] as? any Error).map({ $0 as NSError }),
            underlying.domain == NSPOSIXErrorDomain
        {
            reason = Self.reason(Int32(underlying.code))
        } else if ns.code == CocoaError.fileWriteOutOfSpace.rawValue {
            reason = Self.reason(ENOSPC)
        }
        return path.map { "cannot write \($0): \(reason)" } ?? reason
    }

    /// The system's words for the error number `code`, and for a full disk what to do.
    static func reason(_ code: Int32) -> String {
        withHint(String(cString: strerror(code)))
    }

    /// What to do, after a message ending with the system's words for a full disk or quota (libraries such as
    /// the zip writer pass those words on in their own errors).
    static func withHint(_ message: String) -> String {
        for code in [ENOSPC, EDQUOT] where message.hasSuffix(String(cString: strerror(code))) {
            return message + " (the disk is full: free some space, or write elsewhere with --out)"
        }
        return message
    }
}
