import BarazaFolder
import BarazaModel
import BarazaParallel
import Foundation

/// Reads an event workspace (`<dir>/event.yaml` and the files it includes) into a validated `Workspace`.
///
/// Structural problems (syntax, unknown keys, wrong shapes, bad zones) are all collected and thrown together as a
/// `WorkspaceLoadFailure`. Problems of meaning — references to things not defined, times that do not exist on the
/// clock — are kept in the model for `BarazaChecks` to report as findings.
public struct WorkspaceLoader: Sendable {
    /// Rule ids the `checks.severity` section may name (so typos get a suggestion).
    public var knownRuleIDs: [String]

    /// When set, every load records in it what it read (for ``WorkspaceResultCache``).
    public var sources: WorkspaceSources?

    /// When set, included files holding nothing but a large `people` list are decoded by ``PeopleFastPath`` in
    /// this context (set for reading a workspace's includes, once its event is known).
    var peopleContext: DecodingContext?

    /// Whether ``PeopleFastPath`` may decode large people files (the tests compare it with the general path).
    var usesPeopleFastPath = true

    /// Whether people the fast path decodes are kept as a ``PeopleSnapshot`` and read back while their file is
    /// unchanged (`BARAZA_CACHE=off` turns it off too).
    var usesPeopleSnapshot = true

    /// Where a load started writing snapshots (only includes write them).
    var snapshotWrites: SnapshotWrites?

    public init(knownRuleIDs: [String]) { self.knownRuleIDs = knownRuleIDs }

    /// The name of the file that marks a folder as a workspace.
    public static let entryFileName = "event.yaml"

    /// Keys an included file may hold, besides `include`.
    static let sectionKeys = ["venues", "travel", "hotels", "people", "sessions", "logistics", "tags", "placements"]

    /// Keys only `event.yaml` may hold: settings for the whole workspace.
    static let entryKeys = ["event", "include", "checks", "badges", "certificates", "propose", "smtp"]

    /// Loads the workspace in `directory`, under its shared lock (see `WorkspaceLock`): a writer's change is
    /// seen whole or not at all. Every file is read inside the workspace folder, decided on canonical paths.
    public func load(directory: String) throws(WorkspaceLoadFailure) -> Workspace {
        let diagnostics = Diagnostics()
        var sections = Sections()
        guard let folder = try? WorkspaceFolder(directory) else {
            throw WorkspaceLoadFailure(errors: [Self.notAWorkspace(directory)])
        }
        let lock: WorkspaceLock
        do { lock = try folder.lockForReading() } catch {
            throw WorkspaceLoadFailure(errors: [.unreadable(file: error.path, reason: error.reason)])
        }
        defer { lock.release() }
        // Snapshots of people are written while the rest loads, and finished before the lock is released.
        let snapshotWrites = SnapshotWrites()
        defer { snapshotWrites.finish() }
        let entry: WorkspaceFolder.Entry
        do { entry = try resolve(Self.entryFileName, from: "", in: folder) } catch {
            throw WorkspaceLoadFailure(errors: [
                .unreadable(file: folder.display(Self.entryFileName), reason: error.reason)
            ])
        }
        guard entry.exists else { throw WorkspaceLoadFailure(errors: [Self.notAWorkspace(directory)]) }
        var visited: Set<String> = []
        let root = readFile(entry, in: folder, diagnostics: diagnostics)
        var eventValue: YAMLValue?
        var checksValue: YAMLValue?
        var badgesValue: YAMLValue?
        var certificatesValue: YAMLValue?
        var proposeValue: YAMLValue?
        if let root, let fields = root.fields(Self.entryKeys + Self.sectionKeys) {
            eventValue = fields.require("event", expected: "the event: id, title, timezone, dates...")
            checksValue = fields["checks"]
            badgesValue = fields["badges"]
            certificatesValue = fields["certificates"]
            proposeValue = fields["propose"]
            var chain: [String] = []
            var prefetched: [String: ParsedFile] = [:]
            // The event decoded quietly once more (its problems are reported below), for its zone: the fast path
            // decodes people while their file is read.
            var reader = self
            reader.snapshotWrites = snapshotWrites
            reader.peopleContext =
                usesPeopleFastPath
                ? eventValue.flatMap { decodeEvent($0.reporting(to: Diagnostics())) }.map(DecodingContext.init) : nil
            reader.collect(
                fields, from: entry.relative, into: &sections, visited: &visited, chain: &chain,
                prefetched: &prefetched, folder: folder, diagnostics: diagnostics)
        }
        guard let eventValue, let event = decodeEvent(eventValue) else {
            throw WorkspaceLoadFailure(errors: diagnostics.errors)
        }
        let settings = checksValue.map { decodeSettings($0) } ?? CheckSettings()
        let badgeSettings = badgesValue.map { decodeBadgeSettings($0) } ?? BadgeSettings()
        let certificateSettings = certificatesValue.map { decodeCertificateSettings($0) } ?? CertificateSettings()
        let tags = sections.tags.compactMap { decodeTag($0) }
        let proposeSettings = proposeValue.map { decodeProposeSettings($0) } ?? ProposeSettings()
        let context = DecodingContext(event: event)
        let venues = sections.venues.compactMap { decodeVenue($0) }
        let travel = sections.travel.compactMap { decodeTravel($0) }
        let hotels = sections.hotels.compactMap { decodeHotel($0, context: context) }
        var people: [Person] = []
        for run in sections.people {
            switch run {
            case .values(let values):
                people += decodeConcurrently(values, diagnostics) { decodePerson($0, context: context) }
            case .decoded(let decoded): people += decoded
            }
        }
        let overrides = layOverrides(over: &people, in: folder, context: context, diagnostics: diagnostics)
        let venueZones = Dictionary(venues.map { ($0.id, $0.zone) }, uniquingKeysWith: { a, _ in a })
        var roomVenues: [Room.ID: Venue.ID] = [:]
        for v in venues { for r in v.rooms where roomVenues[r.id] == nil { roomVenues[r.id] = v.id } }
        var decoded = decodeConcurrently(sections.sessions, diagnostics) {
            decodeSession($0, context: context, venueZones: venueZones, roomVenues: roomVenues)
        }
        var placements = sections.placements.compactMap { decodePlacement($0) }
        apply(&placements, to: &decoded, context: context, venueZones: venueZones, roomVenues: roomVenues)
        // Transfer routes name hotels and venues: when a file could not be read, its ids are missing and every
        // route to them would be reported too, burying the one real error.
        let unreadable = diagnostics.errors.contains {
            if case .unreadable = $0 { return true }
            if case .syntax = $0 { return true }
            return false
        }
        let logistics =
            unreadable
            ? Logistics() : decodeLogistics(sections.logistics, context: context, venues: venues, hotels: hotels)
        reportDuplicates(venues.map { ($0.id.rawValue, $0.location) }, kind: "venue", diagnostics)
        reportDuplicates(venues.flatMap { $0.rooms.map { ($0.id.rawValue, $0.location) } }, kind: "room", diagnostics)
        reportDuplicates(hotels.map { ($0.id.rawValue, $0.location) }, kind: "hotel", diagnostics)
        // Repeated person ids are looked for on another core while sign-ups are merged (both read the people).
        let everyone = people
        let personDuplicates =
            people.count >= 5 * Self.valuesPerRun
            ? Background { Self.duplicates(everyone.map { ($0.id.rawValue, $0.location) }) } : nil
        var sessions: [Session] = []
        var unplaced: [UnplacedSession] = []
        for d in decoded {
            switch d {
            case .placed(let s): sessions.append(s)
            case .unplaced(let u): unplaced.append(u)
            }
        }
        mergeSignUps(people: people, sessions: &sessions, unplaced: &unplaced)
        let repeatedPeople = personDuplicates?.value() ?? Self.duplicates(people.map { ($0.id.rawValue, $0.location) })
        for (location, id, earlier) in repeatedPeople {
            diagnostics.report(.duplicateID(location, kind: "person", id: id, firstDefinedAt: earlier))
        }
        reportDuplicates(decoded.map { ($0.id.rawValue, $0.location) }, kind: "session", diagnostics)
        reportDuplicates(tags.map { ($0.id, $0.location) }, kind: "tag", diagnostics)
        guard diagnostics.errors.isEmpty else { throw WorkspaceLoadFailure(errors: diagnostics.errors) }
        var workspace = Workspace(
            path: directory, event: event, venues: venues, travelTimes: travel, hotels: hotels, people: people,
            sessions: sessions, settings: settings, logistics: logistics, badgeSettings: badgeSettings,
            certificateSettings: certificateSettings,
            tagNames: Dictionary(tags.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }), unplaced: unplaced,
            placements: placements, proposeSettings: proposeSettings)
        workspace.personOverrides = overrides
        workspace.state = state(directory: directory)
        return workspace
    }

    /// The hand-written overlay of people: read from the workspace's root when present (no include needed), each
    /// entry's fields set on the person it names by id or email. Baraza never writes this file.
    public static let overridesFileName = "people-overrides.yaml"

    private func layOverrides(
        over people: inout [Person], in folder: WorkspaceFolder, context: DecodingContext, diagnostics: Diagnostics
    ) -> [PersonOverrideTarget] {
        guard let entry = try? resolve(Self.overridesFileName, from: "", in: folder), entry.exists,
            let value = readFile(entry, in: folder, allowEmpty: true, diagnostics: diagnostics),
            let fields = value.fields(["overrides"])
        else { return [] }
        var byID: [Person.ID: Int] = [:]
        var byEmail: [String: Int] = [:]
        for (index, person) in people.enumerated() {
            if byID[person.id] == nil { byID[person.id] = index }
            if let email = person.email, byEmail[email] == nil { byEmail[email] = index }
        }
        var targets: [PersonOverrideTarget] = []
        for item in fields["overrides"]?.list() ?? [] {
            guard let override = decodeOverride(item) else { continue }
            let index = override.person.flatMap { byID[$0] } ?? override.email.flatMap { byEmail[$0] }
            if let index { applyPersonFields(override.fields, to: &people[index], context: context) }
            targets.append(
                PersonOverrideTarget(
                    person: override.person, email: override.email, matched: index.map { people[$0].id },
                    location: override.location))
        }
        return targets
    }

    /// Why `path` is no workspace: it does not exist, it is a file (`event.yaml` itself: give its folder), or it is
    /// a folder without `event.yaml`.
    static func notAWorkspace(_ path: String) -> WorkspaceError {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            return .unreadable(file: path, reason: "no such folder; expected a workspace folder (holding event.yaml)")
        }
        guard isFolder.boolValue else {
            let folder = PathText.parent(of: path)
            let hint =
                (path as NSString).lastPathComponent == entryFileName ? " (\(folder.isEmpty ? "." : folder))" : ""
            return .unreadable(
                file: path, reason: "a file, not a folder; expected the workspace folder holding event.yaml\(hint)")
        }
        return .notAWorkspace(path: path)
    }

    /// Loads one workspace, or every workspace one level below `path` when it holds no `event.yaml`.
    public func loadAll(path: String) throws(WorkspaceLoadFailure) -> [Workspace] {
        // A change a crash interrupted is completed (or dropped) first: it may be the one that makes `path` a
        // workspace (`baraza init --from-schedule`).
        if let folder = try? WorkspaceFolder(path), WorkspaceJournal.hasInterruptedChange(folder) {
            do { try folder.lockForReading().release() } catch {
                throw WorkspaceLoadFailure(errors: [.unreadable(file: error.path, reason: error.reason)])
            }
        }
        let entry = (path as NSString).appendingPathComponent(Self.entryFileName)
        if FileManager.default.fileExists(atPath: entry) { return [try load(directory: path)] }
        let children = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
        let dirs = children.map { (path as NSString).appendingPathComponent($0) }.filter {
            FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent(Self.entryFileName))
        }
        guard !dirs.isEmpty else { throw WorkspaceLoadFailure(errors: [Self.notAWorkspace(path)]) }
        var workspaces: [Workspace] = []
        var errors: [WorkspaceError] = []
        for dir in dirs {
            do { workspaces.append(try load(directory: dir)) } catch { errors += error.errors }
        }
        guard errors.isEmpty else { throw WorkspaceLoadFailure(errors: errors) }
        return workspaces
    }

    /// `values` decoded on every core in contiguous runs, each reporting to its own diagnostics; the items and
    /// the errors come out in the order decoding them one by one gives.
    func decodeConcurrently<T>(
        _ values: [YAMLValue], _ diagnostics: Diagnostics, _ decode: (YAMLValue) -> T?
    ) -> [T] {
        let runs = min(values.count / Self.valuesPerRun + 1, 4 * ProcessInfo.processInfo.activeProcessorCount)
        guard runs > 1 else { return values.compactMap(decode) }
        let decoded = parallelMap(runs) { run in
            let local = Diagnostics()
            let range = (values.count * run / runs)..<(values.count * (run + 1) / runs)
            let items = values[range].compactMap { decode($0.reporting(to: local)) }
            return (items: items, errors: local.errors)
        }
        for run in decoded { diagnostics.errors += run.errors }
        return decoded.flatMap(\.items)
    }

    /// Fewer values than this are decoded on the calling thread.
    static let valuesPerRun = 1000

    // MARK: Files and includes

    struct Sections {
        var venues: [YAMLValue] = []
        var travel: [YAMLValue] = []
        var hotels: [YAMLValue] = []
        var people: [PeopleRun] = []
        var sessions: [YAMLValue] = []
        var logistics: [YAMLValue] = []
        var tags: [YAMLValue] = []
        var placements: [YAMLValue] = []
    }

    /// People of one file, in order: entries to decode, or people the fast path decoded already.
    enum PeopleRun {
        case values([YAMLValue])
        case decoded([Person])
    }

    /// A file's YAML, parsed but not yet tied to a load's diagnostics, so files can be parsed concurrently.
    enum ParsedFile {
        case document(YAMLNode)
        /// Nothing but comments or white space.
        case empty
        case failed(WorkspaceError)
        /// A file holding nothing but `people`, decoded by ``PeopleFastPath``.
        case people([Person])
    }

    /// Reads and composes the file at `entry` (large files on every core, see `ParallelYAML`).
    func parseFile(_ entry: WorkspaceFolder.Entry, in folder: WorkspaceFolder) -> ParsedFile {
        let display = folder.display(entry.relative)
        let data: Data
        do { data = try folder.contents(of: entry, written: display) } catch {
            let reason = error == .notFound(display) ? "no such file or not readable" : error.reason
            return .failed(.unreadable(file: display, reason: reason))
        }
        // A large people file decoded before, unchanged since, is read back from its snapshot (unless the cache is
        // off); one decoded now is kept as a snapshot.
        let relative = entry.relative
        var snapshot: PeopleSnapshot?
        if let context = peopleContext, data.count >= ParallelYAML.minimumBytes, usesPeopleSnapshot,
            PeopleSnapshot.isOn
        {
            let digest = WorkspaceSources.digest(data)
            sources?.read(relative, digest: digest)
            snapshot = PeopleSnapshot(
                folder: folder, relative: relative, file: display, digest: digest, context: context)
            if let people = snapshot?.read() { return .people(people) }
        }
        // A large file's digest (for the result cache) is taken on another core while it is parsed.
        let hashing = sources.flatMap { sources in
            data.count >= ParallelYAML.minimumBytes && snapshot == nil
                ? Background { sources.read(relative, data) } : nil
        }
        defer { hashing?.value() }
        if hashing == nil && snapshot == nil { sources?.read(entry.relative, data) }
        // A large people file is decoded from its bytes, checked as UTF-8 piece by piece on every core as libyaml
        // reads them, rather than first checked and copied whole into a string on one.
        if let context = peopleContext, data.count >= ParallelYAML.minimumBytes,
            let people = data.withUnsafeBytes({ raw in
                PeopleFastPath(loader: self, context: context, file: display).decode(
                    bytes: raw.assumingMemoryBound(to: UInt8.self))
            })
        {
            if let snapshot { snapshotWrites?.start { snapshot.write(people) } }
            return .people(people)
        }
        guard let text = String(data: data, encoding: .utf8) else { return .failed(notUTF8(data, file: display)) }
        do {
            // Every scalar is read as text by the field that expects it, so no tag resolution (regexes) is needed.
            guard let node = try ParallelYAML.compose(text) else { return .empty }
            return .document(node)
        } catch {
            return .failed(syntaxError(error, file: display, text: text))
        }
    }

    /// `folder.resolve(written, from: base)`, recorded in `sources` when set.
    private func resolve(_ written: String, from base: String, in folder: WorkspaceFolder) throws(FolderError)
        -> WorkspaceFolder.Entry
    {
        let outcome = WorkspaceResultCache.resolve(written, from: base, in: folder)
        sources?.resolved(written, from: base, outcome)
        return try outcome.get()
    }

    /// The file's YAML; nil (with an error reported) when it cannot be read. An included file holding nothing but
    /// comments is allowed (`allowEmpty`) and gives nil without an error: a placeholder `people.yaml` is fine.
    /// `parsed` is the file already parsed (by `prefetch`), if it was.
    func readFile(
        _ entry: WorkspaceFolder.Entry, in folder: WorkspaceFolder, allowEmpty: Bool = false,
        parsed: ParsedFile? = nil, diagnostics: Diagnostics
    ) -> YAMLValue? {
        let display = folder.display(entry.relative)
        switch parsed ?? parseFile(entry, in: folder) {
        case .document(let node):
            return YAMLValue(node: node, file: display, path: "", diagnostics: diagnostics)
        case .empty:
            if !allowEmpty {
                diagnostics.report(
                    .syntax(SourceLocation(file: display, line: 1, column: 1), problem: "the file is empty"))
            }
            return nil
        case .failed(let error):
            diagnostics.report(error)
            return nil
        case .people:
            // Only includes are read the fast way, and `collect` takes their people itself: read the file again.
            var general = self
            general.peopleContext = nil
            return general.readFile(
                entry, in: folder, allowEmpty: allowEmpty, parsed: nil, diagnostics: diagnostics)
        }
    }

    /// The files among `entries` that exist and are not among `known`, and every file they include in turn,
    /// parsed concurrently, by path relative to the workspace: an included file is parsed while the files beside
    /// the one including it still are (a large people file while the schedule is). Only parsing is done ahead:
    /// which files are read, in which order, and what is reported about includes stays with `collect`.
    func prefetch(
        _ entries: [WorkspaceFolder.Entry], known: Set<String>, in folder: WorkspaceFolder
    ) -> [String: ParsedFile] {
        let loader = self
        return parallelWorklist(entries.filter { $0.exists && !known.contains($0.relative) }, id: \.relative) { entry in
            let parsed = loader.parseFile(entry, in: folder)
            guard case .document(let node) = parsed else { return (parsed, []) }
            let base = PathText.parent(of: entry.relative)
            let included = Self.includes(of: node).compactMap { try? folder.resolve($0, from: base) }
            return (parsed, included.filter { $0.exists && !known.contains($0.relative) })
        }
    }

    /// The paths the `include:` key of a file's top-level mapping names (see ``includes(in:)``).
    static func includes(of root: YAMLNode) -> [String] {
        guard case .mapping(let mapping) = root,
            let value = mapping.pairs.first(where: { $0.key.scalar?.string == "include" })?.value
        else { return [] }
        return includes(in: value)
    }

    /// The paths an `include:` value names, as `collect` reads them: each item's text trimmed, empty ones and
    /// items that are not text left out; a single path counts as a list of one, and a null value as none.
    static func includes(in value: YAMLNode) -> [String] {
        let items: [YAMLNode]
        switch value {
        case .sequence(let sequence): items = sequence.items
        case .scalar(let scalar): items = scalar.isNull ? [] : [value]
        case .mapping: items = []
        }
        return items.compactMap { item in
            guard case .scalar(let scalar) = item else { return nil }
            let written = YAMLValue.trimmed(scalar.string)
            return written.isEmpty ? nil : written
        }
    }

    /// A file that is not UTF-8 (often Windows-1252 from a spreadsheet or an old editor): where the first bad byte
    /// is, and how to fix it.
    func notUTF8(_ data: Data, file: String) -> WorkspaceError {
        let bad = InvalidUTF8.first(in: data)
        let byte = bad.map { String(format: " (byte 0x%02X)", $0.byte) } ?? ""
        return .unreadable(
            file: "\(file):\(bad?.line ?? 1):\(bad?.column ?? 1)",
            reason: "not valid UTF-8 text\(byte); save the file as UTF-8 (it may be Windows-1252 or Latin-1)")
    }

    private func syntaxError(_ error: YAMLSyntaxError, file: String, text: String) -> WorkspaceError {
        func at(_ mark: YAMLMark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case .syntax(let context, let problem, let mark):
            // libyaml's context says what was open when it failed and where that began (often the real mistake).
            let opened = context.map { "\($0.text) started at line \($0.mark.line), column \($0.mark.column): " }
            let tab = character(in: text, line: mark.line, column: mark.column) == "\t"
            let hint = tab ? "; this is a tab: YAML indents with spaces only" : Self.syntaxHint(problem, context?.text)
            return .syntax(at(mark), problem: (opened ?? "") + problem + hint)
        case .reader(let problem, let offset, let value):
            // libyaml gives a byte offset: turn it into the line and column an editor shows.
            let before = String(decoding: text.utf8.prefix(max(0, offset)), as: UTF8.self)
            let line = before.reduce(into: 1) { n, c in if c == "\n" { n += 1 } }
            let column =
                (before.split(separator: "\n", omittingEmptySubsequences: false).last?.unicodeScalars.count ?? 0) + 1
            let character = value >= 0 ? String(format: " (U+%04X)", value) : ""
            return .syntax(
                SourceLocation(file: file, line: line, column: column), problem: "\(problem)\(character); remove it")
        case .duplicateKeys(let duplicates, let first):
            // The composer marks the key's first use; point at its second use when it can be found.
            let second = duplicates.first.flatMap { secondKey($0, in: text, mapping: first) }
            let listed = duplicates.prefix(5).map(WorkspaceError.quoted).joined(separator: ", ")
            return .syntax(
                second.map { SourceLocation(file: file, line: $0.line, column: $0.column) } ?? at(first),
                problem: "duplicate key \(listed) in one mapping (first written at line \(first.line), column "
                    + "\(first.column)); keep one")
        }
    }

    /// Gathers the sections of the file at `file` (relative to the workspace) and, in order, of the files it
    /// includes. Includes are resolved canonically inside `folder`: one that leads outside (through `..` or a
    /// symbolic link) is refused before anything is read.
    private func collect(
        _ fields: Fields, from file: String, into sections: inout Sections, visited: inout Set<String>,
        chain: inout [String], prefetched: inout [String: ParsedFile], folder: WorkspaceFolder,
        diagnostics: Diagnostics
    ) {
        visited.insert(file)
        chain.append(file)
        defer { chain.removeLast() }
        sections.venues += fields["venues"]?.list() ?? []
        sections.travel += fields["travel"]?.list() ?? []
        sections.hotels += fields["hotels"]?.list() ?? []
        sections.people.append(.values(fields["people"]?.list() ?? []))
        sections.sessions += fields["sessions"]?.list() ?? []
        if let logistics = fields["logistics"] { sections.logistics.append(logistics) }
        sections.tags += fields["tags"]?.list() ?? []
        sections.placements += fields["placements"]?.list() ?? []
        let includes = fields["include"]?.list() ?? []
        let base = PathText.parent(of: file)
        // Every plausible target not parsed yet is parsed up front, with the files it includes in turn,
        // concurrently; the checks below still run in order.
        let targets = fields["include"].map { Self.includes(in: $0.node) } ?? []
        prefetched.merge(
            prefetch(
                targets.compactMap { try? folder.resolve($0, from: base) }.filter { prefetched[$0.relative] == nil },
                known: visited, in: folder),
            uniquingKeysWith: { kept, _ in kept })
        for item in includes {
            guard let written = item.nonEmptyString(expected: "a path relative to this file, e.g. `people.yaml`")
            else { continue }
            let target: WorkspaceFolder.Entry
            do { target = try resolve(written, from: base, in: folder) } catch {
                let reason = error == .absolute(written) ? "must be relative to the workspace" : error.reason
                diagnostics.report(.badInclude(item.location, path: written, reason: reason))
                continue
            }
            if let start = chain.firstIndex(of: target.relative) {
                let cycle = (chain[start...] + [target.relative]).map { folder.display($0) }.joined(separator: " → ")
                diagnostics.report(.badInclude(item.location, path: written, reason: "include cycle: \(cycle)"))
            } else if visited.contains(target.relative) {
                diagnostics.report(
                    .badInclude(
                        item.location, path: written,
                        reason: "already included by another file; include each file once"))
            } else if !target.exists {
                diagnostics.report(.badInclude(item.location, path: written, reason: "no such file"))
            } else if case .people(let people)? = prefetched[target.relative] {
                // A file of people alone, decoded as it was read: nothing else to gather from it.
                prefetched[target.relative] = nil
                visited.insert(target.relative)
                sections.people.append(.decoded(people))
            } else if let value = readFile(
                target, in: folder, allowEmpty: true, parsed: prefetched.removeValue(forKey: target.relative),
                diagnostics: diagnostics),
                let included = value.fields(["include"] + Self.sectionKeys, context: folder.display(target.relative))
            {
                collect(
                    included, from: target.relative, into: &sections, visited: &visited, chain: &chain,
                    prefetched: &prefetched, folder: folder, diagnostics: diagnostics)
            }
        }
    }

    /// What an intern most likely did, for libyaml's most frequent complaints.
    static func syntaxHint(_ problem: String, _ context: String?) -> String {
        if problem.hasPrefix("did not find expected key") || problem.hasPrefix("did not find expected '-' indicator") {
            return "; check this line's indentation: it must line up with the lines of the same item (spaces only)"
        }
        if problem.hasPrefix("mapping values are not allowed") {
            return "; a value holding `: ` must be quoted (title: \"Part 1: basics\"), "
                + "or this line is indented deeper than the keys of its item"
        }
        if problem.hasPrefix("could not find expected ':'") {
            return "; a key needs `: ` after it (e.g. `kind: workshop`)"
        }
        if problem.hasPrefix("found unexpected end of stream"), context?.contains("quoted scalar") == true {
            return "; a quote opened there is never closed"
        }
        return ""
    }

    /// Where `key`, first written at `mapping`, is written a second time in the same block mapping, or nil (a flow
    /// mapping, or a key written in another form).
    private func secondKey(_ key: String, in text: String, mapping: YAMLMark) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var seen = 0
        for index in (mapping.line - 1)..<lines.count {
            let line = Array(lines[index].unicodeScalars)
            let indent = line.prefix { $0 == " " || $0 == "-" }.count
            guard indent < line.count, line[indent] != "#", line[indent] != "\r" else { continue }
            // A shallower line, or a new list item, ends the mapping.
            if index > mapping.line - 1 && (indent + 1 < mapping.column || line.prefix(indent).contains("-")) { break }
            guard indent + 1 == mapping.column else { continue }
            let rest = String(String.UnicodeScalarView(line[indent...]))
            if rest.hasPrefix("\(key):") || rest.hasPrefix("\"\(key)\":") || rest.hasPrefix("'\(key)':") {
                seen += 1
                if seen == 2 { return (index + 1, indent + 1) }
            }
        }
        return nil
    }

    /// The character at a 1-based line and column (columns count Unicode scalars, as libyaml does).
    private func character(in text: String, line: Int, column: Int) -> Character? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return nil }
        let scalars = Array(lines[line - 1].unicodeScalars)
        guard column >= 1, column <= scalars.count else { return nil }
        return Character(scalars[column - 1])
    }

    private func reportDuplicates(_ items: [(String, SourceLocation)], kind: String, _ diagnostics: Diagnostics) {
        for (location, id, earlier) in Self.duplicates(items) {
            diagnostics.report(.duplicateID(location, kind: kind, id: id, firstDefinedAt: earlier))
        }
    }

    /// Each repeated id of `items`, where it is repeated and where it was first defined, in order.
    private static func duplicates(_ items: [(String, SourceLocation)]) -> [(SourceLocation, String, SourceLocation)] {
        var first: [String: SourceLocation] = [:]
        first.reserveCapacity(items.count)
        var repeated: [(SourceLocation, String, SourceLocation)] = []
        for (id, location) in items {
            if let earlier = first[id] {
                repeated.append((location, id, earlier))
            } else {
                first[id] = location
            }
        }
        return repeated
    }

    /// Sign-ups may be written on the session (`participants:`) or on the person (`sessions:`); each session
    /// ends up with the union, in a stable order. References to unknown sessions stay on the person for the checks.
    /// People's ids are distinct here (a repeated id is a load error), so a pair (session, person) can only be
    /// present already from the session's own list or from the same person's earlier entries.
    private func mergeSignUps(people: [Person], sessions: inout [Session], unplaced: inout [UnplacedSession]) {
        // Sessions still to be placed take sign-ups the same way, after the placed ones.
        let offset = sessions.count
        sessions += unplaced.map(\.draft)
        defer {
            for i in unplaced.indices { unplaced[i].draft = sessions[offset + i] }
            sessions.removeLast(unplaced.count)
        }
        let index = Dictionary(sessions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        // Who a session lists itself, as a set only where it lists anyone: 100,000 people sign up on their side.
        let listed: [Set<Person.ID>?] = sessions.map { $0.signUps.isEmpty ? nil : Set($0.signUps.map(\.id)) }
        var added: [Int] = []
        for person in people {
            added.removeAll(keepingCapacity: true)
            for ref in person.signUps {
                guard let i = index[ref.id], !added.contains(i), listed[i]?.contains(person.id) != true else {
                    continue
                }
                added.append(i)
                sessions[i].signUps.append(Reference(person.id, at: ref.location))
            }
        }
    }
}

/// What the section decoders need from the event: its zone, the default for every wall time.
struct DecodingContext {
    let event: Event
}
