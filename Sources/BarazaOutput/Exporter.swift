import BarazaModel

/// One kind of output (`ics`, `invitations`, `badges`...). An exporter only plans: it says which files it would
/// write and how to produce their bytes (``ExportPlan``); ``ExportRunner`` writes them, or lists them for a dry
/// run. Every exporter is listed once, in `BarazaExports`' registry, so `baraza export <id>`,
/// `baraza export --list`, `baraza build` and any later server read the same list.
public protocol Exporter: Sendable {
    /// The id used on the command line: `baraza export <id>`.
    var id: String { get }
    /// One line for `baraza export --list`.
    var summary: String { get }
    /// The files this export of `workspace` would write under the export folder `directory`, with its notes and
    /// the workspace records a real run commits. Reads what it needs; writes nothing.
    func plan(_ workspace: Workspace, in directory: String) throws -> ExportPlan
    /// Whether a real run may change the workspace (``ExportPlan/records``): the runner then holds the workspace's
    /// exclusive lock from before planning until the records are committed. False by default.
    func recordsInWorkspace(_ workspace: Workspace) -> Bool
}

extension Exporter {
    /// Exporters that never change the workspace.
    public func recordsInWorkspace(_ workspace: Workspace) -> Bool { false }

    /// Plans this export and runs the plan with ``ExportRunner`` (writing nothing with `context.dryRun`).
    public func export(_ workspace: Workspace, context: ExportContext) throws -> ExportResult {
        try ExportRunner(dryRun: context.dryRun).run(self, on: workspace, into: context.directory)
    }
}

/// Where and how an export runs. Clocks and zones are parameters: exports never read the wall clock.
public struct ExportContext: Sendable {
    /// The event's export folder, by default `exports/<event id>`.
    public var directory: String
    /// List what would be written without writing it.
    public var dryRun: Bool

    public init(directory: String, dryRun: Bool = false) {
        self.directory = directory
        self.dryRun = dryRun
    }

    /// The default export folder for a workspace: `exports/<event id>` beside the current directory's `events/`.
    public static func defaultDirectory(for workspace: Workspace) -> String { "exports/\(workspace.event.id.rawValue)" }
}

/// What an export did: the files it wrote, or would write (relative to the export folder), and notes for the user.
public struct ExportResult: Sendable {
    public var files: [String]
    public var notes: [String]

    public init(files: [String] = [], notes: [String] = []) {
        self.files = files
        self.notes = notes
    }
}
