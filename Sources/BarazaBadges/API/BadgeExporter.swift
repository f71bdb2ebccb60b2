import BarazaFolder
import BarazaModel
import BarazaOutput
import BarazaPDF
import Foundation

/// `baraza export badges`: the badge list (CSV for mail merge) and print-ready badges (PDF) in
/// `<export folder>/badges/`.
///
/// Ids come from the workspace's `badge-key.yaml` (created on the first export, see `BadgeKey`). After a
/// successful run that is not a dry run, the badges just produced are added to `badges-printed.yaml` (when
/// `recordsPrint` is on), which `onlyNew` reads next time. Both are workspace records the runner commits under
/// the workspace's lock, which it holds from before the key is read.
public struct BadgeExporter: Exporter {
    /// What to produce.
    public struct Options: Sendable, Hashable {
        /// How badges are arranged on paper.
        public var layout: BadgeSheetLayout
        /// Only badges with these roles; nil for all.
        public var roles: Set<BadgeRole>?
        /// Only badges not in the printed-set record.
        public var onlyNew: Bool
        /// Encoding of the CSV file.
        public var encoding: BadgeListCSV.Encoding
        /// Whether a run adds what it produced to the printed-set record. `baraza build` turns it off: a
        /// rebuild of every export is not a print run.
        public var recordsPrint: Bool

        /// Options from their parts; the defaults print everyone on A4 sheets, CSV in UTF-8, and record.
        public init(
            layout: BadgeSheetLayout = .a4Sheet8, roles: Set<BadgeRole>? = nil, onlyNew: Bool = false,
            encoding: BadgeListCSV.Encoding = .utf8, recordsPrint: Bool = true
        ) {
            self.layout = layout
            self.roles = roles
            self.onlyNew = onlyNew
            self.encoding = encoding
            self.recordsPrint = recordsPrint
        }
    }

    public let id = "badges"
    public let summary = "badge list (CSV for mail merge) and print-ready badges, PDF on A4 sheets of 8 or A6 (badges/)"

    /// What this exporter produces.
    public var options: Options
    /// Makes the key for an event that has none yet; random by default, fixed in tests.
    public var makeKey: @Sendable (Event.ID) -> BadgeKey

    /// An exporter producing what `options` ask for.
    public init(options: Options = Options(), makeKey: @escaping @Sendable (Event.ID) -> BadgeKey = BadgeKey.random) {
        self.options = options
        self.makeKey = makeKey
    }

    /// A run records the printed set, or creates the key when the workspace has none (or one it cannot read, for
    /// the plan to say why under the lock).
    public func recordsInWorkspace(_ workspace: Workspace) -> Bool {
        guard !options.recordsPrint, let key = try? workspace.state.badgeKey() else { return true }
        return BadgeKey(key) == nil
    }

    /// Plans the CSV and the PDF of the selected badges, the key a first export creates and the printed-set
    /// record.
    /// - Throws: the workspace loader's errors (file, line, column, field) for a malformed key or record file;
    ///   `BadgeError` for a key made for another event. Writing the files can throw `BadgeError.couldNotWrite` or
    ///   `.pdf`; files written before a failure stay whole.
    public func plan(_ workspace: Workspace, in directory: String) throws -> ExportPlan {
        let workspaceFolder: WorkspaceFolder
        do { workspaceFolder = try WorkspaceFolder(workspace.path) } catch { throw BadgeError.workspace(error) }
        let keyPath = workspaceFolder.display(BadgeKey.fileName)
        let recordPath = workspaceFolder.display(PrintedBadges.fileName)
        var notes: [String] = []

        // Read under the lock the runner holds for a recording run, so the key and the record are the ones this
        // run's records replace.
        let existingKey = try workspace.state.badgeKey().flatMap(BadgeKey.init)
        let key = existingKey ?? makeKey(workspace.event.id)
        guard key.events.contains(workspace.event.id) else {
            throw BadgeError.keyForOtherEvent(file: keyPath, event: workspace.event.id, keyEvents: key.events)
        }
        let printed = PrintedBadges(try workspace.state.printedBadges())
        let everyone = BadgeList(workspace: workspace, key: key)
        let selected = everyone.filtered(roles: options.roles, notIn: options.onlyNew ? printed : nil)
        if !everyone.onlineOnly.isEmpty {
            let count = everyone.onlineOnly.count
            notes.append(
                "\(count) \(count == 1 ? "person attends" : "people attend") only online sessions: no printed badge "
                    + "(`badges: { online_only: true }` in event.yaml prints them too)")
        }

        guard !selected.entries.isEmpty else {
            if workspace.people.isEmpty {
                notes.append("the workspace lists no people: no badges to print")
            } else if everyone.entries.isEmpty {
                notes.append("nobody comes in person: no badges to print")
            } else {
                notes.append(options.onlyNew ? "no new badges to print" : "no badges match the filters")
            }
            return ExportPlan(notes: notes.map(ExportNote.always))
        }

        let names = fileNames()
        let renderer = BadgeRenderer(sheet: options.layout)
        let titles = Self.titles(workspace.event)
        let pages = (selected.entries.count + options.layout.cardsPerPage - 1) / options.layout.cardsPerPage
        notes.append(
            "\(selected.entries.count) badge\(selected.entries.count == 1 ? "" : "s") on \(pages) page\(pages == 1 ? "" : "s")"
        )
        var plan = ExportPlan(notes: notes.map(ExportNote.always))
        let csv = BadgeListCSV.data(selected, encoding: options.encoding)
        plan.files.append(
            PlannedFile(
                path: "badges/\(names.csv)", mediaType: "text/csv", bytes: .file { try Self.write(csv, to: $0) }))
        let cards = selected.entries.map { $0.card(eventTitle: titles[0], secondaryTitle: titles.dropFirst().first) }
        let metadata = PDFMetadata(title: "Badges · \(titles.joined(separator: " · "))")
        plan.files.append(
            PlannedFile(
                path: "badges/\(names.pdf)", mediaType: "application/pdf",
                bytes: .file { destination in
                    do {
                        try FileManager.default.createDirectory(
                            atPath: PathText.parent(of: destination),
                            withIntermediateDirectories: true)
                        try renderer.render(cards, to: URL(fileURLWithPath: destination), metadata: metadata)
                    } catch let error as PDFError {
                        throw BadgeError.pdf(error)
                    }
                }))

        if existingKey == nil {
            plan.records.append(
                WorkspaceRecord(
                    path: BadgeKey.fileName,
                    note: "created the badge key \(keyPath); keep it with the workspace so badge ids stay the same",
                    dryRunNote: "would create the badge key \(keyPath)"
                ) { Data(key.fileText.utf8) })
        }
        if options.recordsPrint {
            // `printed` was read under the lock the runner holds, so badges another run recorded stay recorded.
            let entries = selected.entries
            plan.records.append(
                WorkspaceRecord(
                    path: PrintedBadges.fileName,
                    note: "recorded \(entries.count) printed badges in \(recordPath)",
                    dryRunNote: "would record the printed badges in \(recordPath)"
                ) { Data(printed.adding(entries).fileText.utf8) })
        }
        return plan
    }

    /// `badge-list[-roles][-new].csv` and `badges-<layout>[-roles][-new].pdf`: a filtered run never
    /// overwrites the full set.
    func fileNames() -> (csv: String, pdf: String) {
        var suffix = ""
        if let roles = options.roles { suffix += "-" + roles.sorted().map(\.rawValue).joined(separator: "-") }
        if options.onlyNew { suffix += "-new" }
        return ("badge-list\(suffix).csv", "badges-\(options.layout.name)\(suffix).pdf")
    }

    /// The event's title in the languages it is held in, among English and French, in the order the event lists
    /// them: both for a bilingual event (the badge sets them on one line when they fit, else on two), one for an
    /// event in one of them. An event in neither gets the English title (or the French, if that is all there is).
    static func titles(_ event: Event) -> [String] {
        var titles: [String] = []
        for language in event.languages where language == .english || language == .french {
            let text = language == .english ? event.title.english : event.title.french
            if let text, !titles.contains(text) { titles.append(text) }
        }
        return titles.isEmpty ? [event.title.english ?? event.title.french ?? event.id.rawValue] : titles
    }

    private static func write(_ data: Data, to path: String) throws {
        do {
            try AtomicFile.write(data, to: path)
        } catch {
            let underlying = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? any Error).map({ $0 as NSError })
            let reason =
                underlying.map { $0.domain == NSPOSIXErrorDomain ? String(cString: strerror(Int32($0.code))) : "\($0)" }
                ?? error.localizedDescription
            throw BadgeError.couldNotWrite(path: path, reason: reason)
        }
    }
}

extension BadgeSheetLayout {
    /// The layout's name on the command line and in file names: `a4-8` or `a6`.
    public var name: String {
        switch self {
        case .a4Sheet8: "a4-8"
        case .a6: "a6"
        }
    }

    /// The layout named `name` (`a4-8` or `a6`); nil for any other name.
    public init?(name: String) {
        guard let layout = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = layout
    }
}
