import Foundation

/// What an exporter would do, as data: the files (in the order they are reported), notes for the user, and the
/// workspace records a real run commits once every file is written.
public struct ExportPlan: Sendable {
    /// The files to write, paths relative to the export folder.
    public var files: [PlannedFile]
    /// Notes, each told on a dry run, a real run, or both.
    public var notes: [ExportNote]
    /// Workspace files a real run changes after writing every file (the published state, the badge key and the
    /// printed-set record); a dry run tells their ``WorkspaceRecord/dryRunNote`` instead.
    public var records: [WorkspaceRecord]

    public init(files: [PlannedFile] = [], notes: [ExportNote] = [], records: [WorkspaceRecord] = []) {
        self.files = files
        self.notes = notes
        self.records = records
    }
}

/// One file an export writes: where, what kind, and how its bytes are produced (only when it is written).
public struct PlannedFile: Sendable {
    /// How the bytes come about.
    public enum Bytes: Sendable {
        /// The whole content at once.
        case data(@Sendable () throws -> Data)
        /// Streamed through a buffered writer: memory stays bounded whatever the file's size.
        case stream(@Sendable (inout BufferedFileWriter) throws -> Void)
        /// Written by a library that opens the file itself (Cairo, the zip writer), given the destination's full
        /// path; it creates the folders it needs, writes atomically, and its errors name that destination.
        case file(@Sendable (_ destination: String) throws -> Void)
    }

    /// The path inside the export folder, `/`-separated (`calendars/rooms/plenary.ics`).
    public var path: String
    /// The IANA media type (`text/calendar`, `application/pdf`), for a server answering with the file.
    public var mediaType: String
    /// The producer of the bytes.
    public var bytes: Bytes

    public init(path: String, mediaType: String, bytes: Bytes) {
        self.path = path
        self.mediaType = mediaType
        self.bytes = bytes
    }

    /// A file whose whole content is `text`, in UTF-8.
    public static func text(_ path: String, mediaType: String, _ text: @escaping @Sendable () throws -> String)
        -> PlannedFile
    {
        PlannedFile(path: path, mediaType: mediaType, bytes: .data { Data(try text().utf8) })
    }
}

/// A note for the user, and on which runs it is told.
public struct ExportNote: Sendable, Equatable {
    /// The runs a note is told on.
    public enum Runs: Sendable, Equatable {
        case always, dryRunOnly, writtenOnly
    }

    public var text: String
    public var runs: Runs

    public init(_ text: String, runs: Runs = .always) {
        self.text = text
        self.runs = runs
    }

    /// A note told on every run.
    public static func always(_ text: String) -> ExportNote { ExportNote(text) }
    /// A note told only when nothing is written (what a dry run would do, and why).
    public static func dryRunOnly(_ text: String) -> ExportNote { ExportNote(text, runs: .dryRunOnly) }
    /// A note told only when the files were written.
    public static func writtenOnly(_ text: String) -> ExportNote { ExportNote(text, runs: .writtenOnly) }
}

/// A file of the workspace itself that a real export changes once its files are written, committed with the
/// others of the same run in one `WorkspaceTransaction` under the workspace's lock.
public struct WorkspaceRecord: Sendable {
    /// The path inside the workspace (`published-invitations.json`).
    public var path: String
    /// The new content.
    public var bytes: @Sendable () throws -> Data
    /// Told once it is committed.
    public var note: String
    /// Told by a dry run instead; nil to say nothing.
    public var dryRunNote: String?

    public init(path: String, note: String, dryRunNote: String? = nil, bytes: @escaping @Sendable () throws -> Data) {
        self.path = path
        self.bytes = bytes
        self.note = note
        self.dryRunNote = dryRunNote
    }
}
