import BarazaFolder
import BarazaModel
import BarazaParallel
import BarazaWorkspace
import BarazaXML
import Foundation

/// `baraza import registrations`: reads a registration export, validates and normalises it, deduplicates by email
/// and adds it to a workspace atomically.
///
/// The workspace receives three things, staged and committed together in one `WorkspaceTransaction` (under the
/// workspace's lock, held from reading the workspace to the commit; all or nothing, even under `kill -9`):
/// - `registrations/<file>`: the raw export, byte for byte (provenance);
/// - `registrations/<file>.people.yaml`: the normalised people, each with `source: { file, record }`;
/// - `registrations.yaml`: the list of those people files, included from `event.yaml` (added once).
///
/// The loader therefore reads imported people like hand-written ones on every `baraza check`, without parsing
/// XML again: checks stay fast, the YAML can be reviewed in a diff, and the raw file stays for audit. Re-importing
/// the same export writes the same bytes, so nothing changes; a refused import changes nothing at all.
public struct RegistrationImport {
    /// The export to read.
    public var file: String
    /// The workspace folder (holding `event.yaml`).
    public var workspace: String
    /// Column ties; defaults when empty.
    public var mapping: RegistrationMapping
    /// Refuse the whole import when any record is invalid (default: skip and report them).
    public var strict: Bool
    /// Parser limits.
    public var limits: XMLLimits
    /// Zip limits for `.xlsx`.
    public var archiveLimits: ArchiveLimits

    /// Creates an import.
    public init(
        file: String, workspace: String, mapping: RegistrationMapping = RegistrationMapping(), strict: Bool = false,
        limits: XMLLimits = .default, archiveLimits: ArchiveLimits = .default
    ) {
        self.file = file
        self.workspace = workspace
        self.mapping = mapping
        self.strict = strict
        self.limits = limits
        self.archiveLimits = archiveLimits
    }

    /// The folder, relative to the workspace, that keeps raw exports.
    public static let folder = "registrations"
    /// The generated file listing the imported people files.
    public static let indexFile = "registrations.yaml"

    /// Reads, validates and (unless `dryRun`) writes. Returns what happened.
    ///
    /// The stages, in order: read (the export streams in while the workspace loads), normalise and de-duplicate
    /// into a ledger (one reading of the export, in rounds of batches: ``normaliseIntoLedger(_:loaded:files:render:spool:)``),
    /// settle the report and the person ids, render the people's YAML, commit.
    /// - Throws: ``ImportError``; the workspace is then unchanged.
    public func run(dryRun: Bool, knownRuleIDs: [String] = []) throws(ImportError) -> RegistrationReport {
        let files = try ImportedFiles(export: file)
        try WorkspaceFiles.requireReadable(file)
        let isWorkspace = FileManager.default.fileExists(
            atPath: (workspace as NSString).appendingPathComponent(WorkspaceLoader.entryFileName))
        // A real import holds the workspace's exclusive lock from before it reads the workspace until its commit:
        // a second import waits, then sees this one's people.
        let writer = !dryRun && isWorkspace ? try WorkspaceFiles(workspace: workspace) : nil
        let opening = openExport(copyingWith: writer, as: files.raw)
        // However the import ends, the copy has finished before the transaction is dropped (which removes it
        // unless committed).
        defer {
            if case .success(let opened) = opening.value() { _ = opened.rawCopy?.value() }
            writer?.transaction.abandon()
        }
        let loaded = try loadWorkspace(knownRuleIDs: knownRuleIDs, closingOnFailure: opening)
        let opened = try opening.value().get()
        defer { opened.stream.close() }

        // In the transaction's staging folder for a real import (the workspace's disk, removed with it); a dry run
        // spools ids only.
        let spool = try RegistrationSpool(
            in: writer?.transaction.stagingPath ?? NSTemporaryDirectory(), displayPath: files.people)
        var pass = try normaliseIntoLedger(opened, loaded: loaded, files: files, render: !dryRun, spool: spool)
        var report = try settledReport(&pass, source: opened.source)
        let winners = try personIDs(consume pass, loaded: loaded, files: files, spool: spool, report: &report)
        if dryRun { return report }
        guard let writer else { throw .workspace("\(workspace): not a workspace") }
        try renderPeople(winners, from: spool, files: files, rawCopy: opened.rawCopy, writer: writer)
        try commit(files, writer: writer)
        return report
    }

    /// Where an export's files go in the workspace.
    struct ImportedFiles {
        /// The export's file name, as kept.
        let name: String
        /// The raw export, byte for byte: `registrations/<file>`.
        let raw: String
        /// Its people: `registrations/<file>.people.yaml`.
        let people: String

        init(export: String) throws(ImportError) {
            name = try WorkspaceFiles.keptName(of: export)
            raw = "\(RegistrationImport.folder)/\(name)"
            people = "\(raw).people.yaml"
        }
    }

    /// An export open for streaming, with the copy of its raw bytes under way (for a real import).
    struct OpenedExport {
        let source: RecordSource
        let stream: RecordStream
        let rawCopy: Background<Result<Void, ImportError>>?
    }

    // MARK: Read

    /// Starts streaming the export on threads of its own, so the workspace loads meanwhile: neither needs the other
    /// until records are normalised. The load keeps every core it can get for its large files.
    private func openExport(copyingWith writer: WorkspaceFiles?, as raw: String)
        -> Background<Result<OpenedExport, ImportError>>
    {
        let (export, limits, archiveLimits) = (file, self.limits, self.archiveLimits)
        return Background {
            Result { () throws(ImportError) in
                let source = try RecordSource.open(path: export, limits: limits, archiveLimits: archiveLimits)
                let stream = RecordStream(source)
                // The raw export is copied into the staging folder on a thread of its own while the records
                // stream (writing it may wait for the disk); the commit renames the copy into place.
                let copy = writer.map { writer in
                    Background { Result { () throws(ImportError) in try writer.copy(from: export, to: raw) } }
                }
                return OpenedExport(source: source, stream: stream, rawCopy: copy)
            }
        }
    }

    /// The workspace, loaded while the export opens. A workspace that does not load is reported first, as it must
    /// be fixed whatever the export.
    private func loadWorkspace(
        knownRuleIDs: [String], closingOnFailure opening: Background<Result<OpenedExport, ImportError>>
    ) throws(ImportError) -> Workspace {
        do throws(WorkspaceLoadFailure) {
            return try WorkspaceLoader(knownRuleIDs: knownRuleIDs).load(directory: workspace)
        } catch {
            if case .success(let opened) = opening.value() { opened.stream.close() }
            throw .workspace(error.errors.map(\.message).joined(separator: "\n"))
        }
    }

    // MARK: Normalise and de-duplicate

    /// What the one reading of the export leaves: the ledger, how many records there were, and what the
    /// normalisers learnt about the columns.
    struct LedgerPass {
        var ledger: Ledger
        var records: Int
        var normalisers: [RecordNormaliser]
    }

    /// Pass 1 (the only reading of the export): validate every record, decide per email which submission wins,
    /// and spool each valid person's YAML (all but its id) with its record id and email. In memory stay a 16-byte
    /// entry and a hash slot per person (``EmailIndex``), and 8 bytes per record (``RegistrationSpool``).
    /// Batches are normalised one per core a round; the ledger enters each round's results in file order during
    /// the next round (``orderedRounds(workers:next:work:consume:)``).
    private func normaliseIntoLedger(
        _ opened: OpenedExport, loaded: Workspace, files: ImportedFiles, render: Bool, spool: RegistrationSpool
    ) throws(ImportError) -> LedgerPass {
        let source = opened.source
        let sessions = SessionDirectory(
            sessions: loaded.sessions.map { ($0.id.rawValue, [$0.title.english, $0.title.french].compactMap { $0 }) })
        let places = PlaceDirectory(
            places: loaded.logistics.transfers.places.map { ($0.id.rawValue, $0.name) })
        var normaliser = RecordNormaliser(
            mapping: mapping, zone: loaded.event.zone, knownSessions: sessions,
            serialDates1904: source.serialDates1904, displayPath: file,
            spaceSeparatedLists: source.spaceSeparatedLists,
            recordsAreRows: source.format != .odkInstances, places: places)
        normaliser.hotels = PlaceDirectory(places: loaded.hotels.map { ($0.id.rawValue, $0.name) })
        // People from elsewhere in the workspace (hand-written, or other exports) keep their email.
        var elsewhere: [String: String] = [:]
        for person in loaded.people where person.source?.file != files.raw {
            if let email = person.email { elsewhere[email] = person.id.rawValue }
        }
        let job = NormaliseJob(
            elsewhere: elsewhere, render: render, source: files.raw, zone: loaded.event.zone, displayPath: file)
        let workers = max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))
        var normalisers = Array(repeating: normaliser, count: workers)
        var ledger = Ledger(spool: spool)
        var records = 0
        try orderedRounds(
            workers: &normalisers,
            next: { (most: Int) throws(ImportError) -> [NumberedBatch] in
                var batches: [NumberedBatch] = []
                for batch in try opened.stream.take(upTo: most) {
                    batches.append(NumberedBatch(batch: batch, firstOrdinal: records + 1))
                    records += batch.count
                }
                guard records < Int32.max else {
                    throw .unreadable(path: file, reason: "more than \(Int32.max - 1) records; split the export")
                }
                return batches
            },
            work: { numbered, normaliser in
                job.run(numbered.batch, firstOrdinal: numbered.firstOrdinal, normaliser: &normaliser)
            },
            consume: { (rendered: [NormaliseJob.Rendered]) throws(ImportError) in try ledger.enter(rendered) })
        return LedgerPass(ledger: ledger, records: records, normalisers: normalisers)
    }

    /// A batch of records with the number of its first record in the export.
    struct NumberedBatch {
        let batch: FormRecordBatch
        let firstOrdinal: Int
    }

    /// The report of the pass: counts, refused records, unmapped columns; checks the mapping was used and, with
    /// `strict`, that no record was refused.
    private func settledReport(_ pass: inout LedgerPass, source: RecordSource) throws(ImportError)
        -> RegistrationReport
    {
        var report = RegistrationReport(format: source.format)
        report.badRecords = pass.ledger.badRecords
        report.alreadyInWorkspace = pass.ledger.alreadyInWorkspace
        report.truncated = pass.ledger.truncated
        report.droppedAnswers = pass.ledger.droppedAnswers
        var unmapped: [String: Int] = [:]
        var columns: [String: PersonField?] = [:]
        for normaliser in pass.normalisers {
            unmapped.merge(normaliser.unmapped, uniquingKeysWith: +)
            for (field, plain) in normaliser.resolvedColumns { columns[plain] = field }
        }
        pass.normalisers = []
        for column in source.columns where columns[column] == nil { columns[column] = mapping.field(for: column) }
        report.records = pass.records
        guard pass.records > 0 else { throw .empty(path: file) }
        report.unmappedColumns = unmapped.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        try MappingCheck(mapping: mapping, columns: columns, file: file).verify(report: report)
        if strict && !report.badRecords.isEmpty {
            throw .invalidRecords(count: Set(report.badRecords.map(\.location)).count)
        }
        return report
    }

    // MARK: Render and commit

    /// Pass 2: copies the winners' spooled text, in file order, into the staged people file, after the raw copy.
    private func renderPeople(
        _ winners: [(ordinal: Int, id: String)], from spool: RegistrationSpool, files: ImportedFiles,
        rawCopy: Background<Result<Void, ImportError>>?, writer: WorkspaceFiles
    ) throws(ImportError) {
        let header = """
            # Generated by `baraza import registrations` from \(files.raw): do not edit, the next import rewrites
            # it. Correct or add to a person in people-overrides.yaml (see events/FORMAT.md), which no import
            # touches. Ids come from names and stay with each email from one import to the next.
            people:

            """
        if let rawCopy { try rawCopy.value().get() } else { try writer.copy(from: file, to: files.raw) }
        try writer.stream(to: files.people) { (out: inout StagedWriter) throws in
            try out.write(header)
            var next = 0
            try spool.eachText(winners.lazy.map(\.ordinal)) { bytes in
                try out.write("  - id: \(winners[next].id)\n")
                try out.write(bytes: bytes)
                next += 1
            }
        }
    }

    /// Lists the people file in `registrations.yaml`, includes that from `event.yaml` (once), and commits the
    /// transaction: the raw export, the people and the index appear together or not at all.
    private func commit(_ files: ImportedFiles, writer: WorkspaceFiles) throws(ImportError) {
        var index = Self.existingIndex(writer.existingText(Self.indexFile))
        index.insert(files.people)
        var indexText =
            "# Registration exports imported into this workspace (written by `baraza import registrations`).\n"
        indexText += "include:\n" + index.sorted().map { "  - \($0)\n" }.joined()
        try writer.text(indexText, to: Self.indexFile)
        try writer.eventInclude(Self.indexFile)
        try writer.commit()
    }

    /// Why no record gave a person: the fields at fault and how many records each refused.
    static func reasons(_ report: RegistrationReport) -> String {
        var byField: [String: Set<String>] = [:]
        for bad in report.badRecords { byField[bad.field, default: []].insert(bad.location) }
        var parts = byField.sorted { $0.key < $1.key }.map { "\($0.key) refused in \($0.value.count) record(s)" }
        if !report.alreadyInWorkspace.isEmpty {
            parts.append("\(report.alreadyInWorkspace.count) record(s) whose email is already in the workspace")
        }
        var text = parts.joined(separator: "; ")
        if let first = report.badRecords.first { text += "; first: \(first)" }
        return text
    }

    /// The people files listed in the text of `registrations.yaml` (none without one).
    static func existingIndex(_ text: String?) -> Set<String> {
        guard let text else { return [] }
        var items: Set<String> = []
        for line in text.split(separator: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("- ") { items.insert(String(t.dropFirst(2)).trimmingCharacters(in: .whitespaces)) }
        }
        return items
    }
}
