import BarazaModel

/// One kind of output (`ics`, `invitations`, `badges`...). Every exporter is listed once, in the CLI's registry,
/// so `baraza export <id>`, `baraza export --list` and `baraza build` read the same list.
public protocol Exporter: Sendable {
    /// The id used on the command line: `baraza export <id>`.
    var id: String { get }
    /// One line for `baraza export --list`.
    var summary: String { get }
    /// Writes this export of `workspace` under `context.directory` (created when missing), atomically file by file.
    func export(_ workspace: Workspace, context: ExportContext) throws -> ExportResult
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

/// What an export did: the files it wrote (relative to the export folder) and notes for the user.
public struct ExportResult: Sendable {
    public var files: [String]
    public var notes: [String]

    public init(files: [String] = [], notes: [String] = []) {
        self.files = files
        self.notes = notes
    }
}
