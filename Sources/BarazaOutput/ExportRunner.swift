import BarazaFolder
import BarazaModel
import BarazaParallel
import Foundation

/// Runs an exporter's plan: the one place export files are written. Each file is written atomically (temporary
/// file, then rename); a dry run writes nothing and reports the same list. Then, on a real run, the plan's
/// workspace records are committed together, under the workspace's lock. `baraza export`, `baraza build` and any
/// other front end call this.
public struct ExportRunner: Sendable {
    /// List what would be written, and why, without writing anything (not even the workspace records).
    public var dryRun: Bool
    /// How many files are written at once; nil picks from the cores and the number of files (one writer below
    /// 1,000 files). The files are the same whatever the number.
    public var writers: Int?

    public init(dryRun: Bool = false, writers: Int? = nil) {
        self.dryRun = dryRun
        self.writers = writers
    }

    /// Plans `exporter`'s export of `workspace` into the export folder `directory`, writes it (unless this is a
    /// dry run) and says what was, or would be, written.
    /// - Throws: the exporter's planning errors; a file that cannot be written (the error names the destination,
    ///   never a temporary name); why the workspace's lock cannot be had or its records committed.
    public func run(_ exporter: any Exporter, on workspace: Workspace, into directory: String) throws -> ExportResult {
        // A recording run holds the lock from reading the workspace's state to recording the new one: two runs at
        // once would otherwise both act on the same state and the second record would hide the first.
        var transaction =
            !dryRun && exporter.recordsInWorkspace(workspace)
            ? try WorkspaceTransaction(WorkspaceFolder(workspace.path)) : nil
        defer { transaction?.abandon() }
        let plan = try exporter.plan(workspace, in: directory)
        var result = ExportResult(files: plan.files.map(\.path))
        if !dryRun { try write(plan.files, into: directory) }
        for note in plan.notes where note.runs == .always || (note.runs == .dryRunOnly) == dryRun {
            result.notes.append(note.text)
        }
        if dryRun {
            result.notes += plan.records.compactMap(\.dryRunNote)
        } else if !plan.records.isEmpty {
            if transaction == nil { transaction = try WorkspaceTransaction(WorkspaceFolder(workspace.path)) }
            for record in plan.records { try transaction?.stage(try record.bytes(), as: record.path) }
            _ = try transaction?.commit()
            result.notes += plan.records.map(\.note)
        }
        return result
    }

    /// Writes `files` under `directory`, in contiguous runs on separate cores when there are many; the first
    /// failure in file order is thrown once every run has stopped.
    public func write(_ files: [PlannedFile], into directory: String) throws {
        let automatic = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount, files.count / 500))
        let runs = max(1, min(writers ?? automatic, files.count))
        let failures = parallelMap(runs) { run -> (any Error)? in
            do {
                for file in files[(files.count * run / runs)..<(files.count * (run + 1) / runs)] {
                    try Self.write(file, into: directory)
                }
                return nil
            } catch {
                return error
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
    }

    /// Writes one file atomically at its place under `directory`.
    public static func write(_ file: PlannedFile, into directory: String) throws {
        let destination = (directory as NSString).appendingPathComponent(file.path)
        switch file.bytes {
        case .data(let produce): try AtomicFile.write(try produce(), to: destination)
        case .stream(let produce): try AtomicFile.stream(to: destination, produce)
        case .file(let produce): try produce(destination)
        }
    }
}
