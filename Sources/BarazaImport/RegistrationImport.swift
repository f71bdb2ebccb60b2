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
    /// - Throws: ``ImportError``; the workspace is then unchanged.
    public func run(dryRun: Bool, knownRuleIDs: [String] = []) throws(ImportError) -> RegistrationReport {
        // The export starts streaming in (on threads of its own) while this thread loads the workspace: neither
        // needs the other until records are normalised. The load has every core it can get for its large files;
        // had it run on a thread of a two-way split, its own parallel work would have run one piece at a time.
        // A workspace that does not load is reported first, as it must be fixed whatever the export.
        let name = try WorkspaceFiles.keptName(of: file)
        try WorkspaceFiles.requireReadable(file)
        let rawRelative = "\(Self.folder)/\(name)"
        let peopleRelative = "\(rawRelative).people.yaml"
        let isWorkspace = FileManager.default.fileExists(
            atPath: (workspace as NSString).appendingPathComponent(WorkspaceLoader.entryFileName))
        // A real import holds the workspace's exclusive lock from before it reads the workspace until its commit:
        // a second import waits, then sees this one's people.
        let writer = !dryRun && isWorkspace ? try WorkspaceFiles(workspace: workspace) : nil
        let (export, limits, archiveLimits) = (file, self.limits, self.archiveLimits)
        let opening = Background {
            Result { () throws(ImportError) in
                let source = try RecordSource.open(path: export, limits: limits, archiveLimits: archiveLimits)
                let stream = RecordStream(source)
                // The raw export is copied into the staging folder on a thread of its own while the records
                // stream (writing it may wait for the disk); the commit renames the copy into place.
                let raw = writer.map { writer in
                    Background { Result { () throws(ImportError) in try writer.copy(from: export, to: rawRelative) } }
                }
                return (source, stream, raw)
            }
        }
        // However the import ends, the copy has finished before the transaction is dropped (which removes it
        // unless committed).
        defer {
            if case .success(let (_, _, copy)) = opening.value() { _ = copy?.value() }
            writer?.transaction.abandon()
        }
        let loading = Result { () throws(WorkspaceLoadFailure) in
            try WorkspaceLoader(knownRuleIDs: knownRuleIDs).load(directory: workspace)
        }
        let loaded: Workspace
        switch loading {
        case .success(let workspace): loaded = workspace
        case .failure(let error):
            if case .success(let (_, stream, _)) = opening.value() { stream.close() }
            throw .workspace(error.errors.map(\.message).joined(separator: "\n"))
        }
        let (source, stream, rawCopy) = try opening.value().get()
        defer { stream.close() }
        var report = RegistrationReport(format: source.format)

        let sessions = SessionDirectory(
            sessions: loaded.sessions.map { ($0.id.rawValue, [$0.title.english, $0.title.french].compactMap { $0 }) })
        let places = PlaceDirectory(
            places: loaded.logistics.transfers.places.map { ($0.id.rawValue, $0.name) })
        var normaliser = RecordNormaliser(
            mapping: mapping, zone: loaded.event.zone, knownSessions: sessions,
            serialDates1904: source.serialDates1904, displayPath: file,
            spaceSeparatedLists: source.format == .odkInstances, places: places)
        normaliser.hotels = PlaceDirectory(places: loaded.hotels.map { ($0.id.rawValue, $0.name) })
        // People from elsewhere in the workspace (hand-written, or other exports) keep their email.
        var elsewhere: [String: String] = [:]
        for person in loaded.people where person.source?.file != rawRelative {
            if let email = person.email { elsewhere[email] = person.id.rawValue }
        }

        // Pass 1 (the only reading of the export): validate every record, decide per email which submission wins,
        // and spool each valid person's YAML (all but its id) with its record id and email. In memory stay a 16-byte
        // entry and a hash slot per person (``EmailIndex``), and 8 bytes per record (``RegistrationSpool``).
        // Records are normalised and rendered a batch per core at a time; what depends on earlier records (the
        // spool, duplicates, the report) is then done in file order.
        let zone = loaded.event.zone
        // In the transaction's staging folder for a real import (the workspace's disk, removed with it); a dry run
        // spools ids only.
        let spool = try RegistrationSpool(
            in: writer?.transaction.stagingPath ?? NSTemporaryDirectory(), displayPath: peopleRelative)
        var ledger = Ledger(spool: spool)
        var records = 0
        let workers = max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))
        var normalisers = Array(repeating: normaliser, count: workers)
        let job = NormaliseJob(
            elsewhere: elsewhere, render: !dryRun, source: rawRelative, zone: zone, displayPath: file)
        // Each round normalises the batches ready (up to one per core) and enters the previous round's results in
        // the ledger (which needs them in file order, one round after another). The ledger goes with the first
        // batch's job: while the reader is behind (one batch ready), a round is then one job on this thread, and
        // the reader, the import's critical path, keeps a core to itself.
        var previous: (results: [NormaliseJob.Rendered], firstOrdinals: [Int])?
        var ledgerFailure: ImportError?
        while true {
            let batches = try stream.take(upTo: workers)
            var firstOrdinals: [Int] = []
            for batch in batches {
                firstOrdinals.append(records + 1)
                records += batch.count
            }
            guard records < Int32.max else {
                throw .unreadable(path: file, reason: "more than \(Int32.max - 1) records; split the export")
            }
            if batches.isEmpty && previous == nil { break }
            let results = normalisers.withUnsafeMutableBufferPointer { pool in
                parallelMap(max(batches.count, 1)) { index -> NormaliseJob.Rendered in
                    if index == 0, let entered = previous {
                        do throws(ImportError) {
                            try ledger.enter(entered.results, firstOrdinals: entered.firstOrdinals)
                        } catch {
                            ledgerFailure = error
                        }
                        previous = nil
                    }
                    guard index < batches.count else { return NormaliseJob.Rendered() }
                    return job.run(batches[index], firstOrdinal: firstOrdinals[index], normaliser: &pool[index])
                }
            }
            if let ledgerFailure { throw ledgerFailure }
            previous = batches.isEmpty ? nil : (results, firstOrdinals)
        }
        report.badRecords = ledger.badRecords
        report.alreadyInWorkspace = ledger.alreadyInWorkspace
        report.truncated = ledger.truncated
        report.droppedAnswers = ledger.droppedAnswers
        var people = ledger.people
        var dropped = ledger.dropped
        let slugs = ledger.slugs
        ledger = Ledger(spool: spool)
        var unmapped: [String: Int] = [:]
        var columns: [String: PersonField?] = [:]
        for normaliser in normalisers {
            unmapped.merge(normaliser.unmapped, uniquingKeysWith: +)
            for (field, plain) in normaliser.resolvedColumns { columns[plain] = field }
        }
        for column in source.columns where columns[column] == nil { columns[column] = mapping.field(for: column) }
        report.records = records
        guard records > 0 else { throw .empty(path: file) }
        report.unmappedColumns = unmapped.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        try MappingCheck(mapping: mapping, columns: columns, file: file).verify(report: report)
        if strict && !report.badRecords.isEmpty {
            throw .invalidRecords(count: Set(report.badRecords.map(\.location)).count)
        }

        // Person ids: the id this export gave the email before (a re-import of a newer export keeps every id),
        // else one from the name, with a suffix when another person, an override or a session holds it.
        var earlierIDs: [String: String] = [:]
        var taken: Set<String> = []
        for person in loaded.people {
            if person.source?.file == rawRelative, let email = person.email {
                earlierIDs[email] = person.id.rawValue
            } else {
                taken.insert(person.id.rawValue)
            }
        }
        for session in loaded.sessions {
            for reference in session.speakers + session.moderators + session.signUps
            where !reference.location.file.hasSuffix(peopleRelative) {
                taken.insert(reference.id.rawValue)
            }
        }
        taken.formUnion(loaded.personOverrides.compactMap { $0.person?.rawValue })
        var ids = [String](repeating: "", count: people.entries.count)
        for (index, entry) in people.entries.enumerated() {
            if let id = earlierIDs[try spool.email(entry.firstOrdinal)] {
                ids[index] = id
                taken.insert(id)
            }
        }
        for index in ids.indices where ids[index].isEmpty {
            let base =
                slugs[index].isEmpty
                ? "\(Self.idPrefix(name))-\(Self.pad(people.entries[index].firstOrdinal))" : slugs[index]
            var id = base
            var suffix = 2
            while taken.contains(id) {
                id = "\(base)-\(suffix)"
                suffix += 1
            }
            ids[index] = id
            taken.insert(id)
        }
        report.personIDs = ids
        // Entries are in first-record order, so merges come out in person order.
        for index in dropped.keys.sorted() {
            let entry = people.entries[index]
            func described(_ ordinal: Int) throws(ImportError) -> String {
                let (recordID, line) = try spool.recordID(ordinal)
                return "\(recordID) (\(file):\(line))"
            }
            var droppedText: [String] = []
            for ordinal in dropped[index]! { droppedText.append(try described(ordinal)) }
            report.merges.append(
                Merge(
                    person: ids[index], kept: try described(entry.ordinal),
                    dropped: droppedText))
        }
        // The winners in file order, each with the record that names its id.
        var winners: [(ordinal: Int, id: String)] = zip(people.entries, ids).map { ($0.ordinal, $1) }
        winners.sort { $0.ordinal < $1.ordinal }
        people = EmailIndex()
        dropped = [:]
        report.people = winners.count
        if report.people == 0 { throw .noPeople(path: file, reasons: Self.reasons(report)) }
        if dryRun { return report }

        // Pass 2: copy the winners' spooled text, in file order, into a staged YAML file.
        let header = """
            # Generated by `baraza import registrations` from \(rawRelative): do not edit, the next import rewrites
            # it. Correct or add to a person in people-overrides.yaml (see events/FORMAT.md), which no import
            # touches. Ids come from names and stay with each email from one import to the next.
            people:

            """
        guard let writer else { throw .workspace("\(workspace): not a workspace") }
        if let rawCopy { try rawCopy.value().get() } else { try writer.copy(from: file, to: rawRelative) }
        try writer.stream(to: peopleRelative) { (out: inout StagedWriter) throws in
            try out.write(header)
            var next = 0
            try spool.eachText(winners.lazy.map(\.ordinal)) { bytes in
                try out.write("  - id: \(winners[next].id)\n")
                try out.write(bytes: bytes)
                next += 1
            }
        }

        var index = Self.existingIndex(writer.existingText(Self.indexFile))
        index.insert(peopleRelative)
        var indexText =
            "# Registration exports imported into this workspace (written by `baraza import registrations`).\n"
        indexText += "include:\n" + index.sorted().map { "  - \($0)\n" }.joined()
        try writer.text(indexText, to: Self.indexFile)
        try writer.eventInclude(Self.indexFile)
        try writer.commit()
        return report
    }

    /// What pass 1 keeps, entered record by record in file order: the spooled people, who is a duplicate of whom,
    /// and the records refused.
    struct Ledger {
        let spool: RegistrationSpool
        var people = EmailIndex()
        /// Per person (index in `people`): the ordinals of the records dropped in favour of a later submission.
        var dropped: [Int: [Int]] = [:]
        var badRecords: [BadRecord] = []
        var alreadyInWorkspace: [BadRecord] = []
        var truncated: [BadRecord] = []
        var droppedAnswers: [BadRecord] = []
        /// Per person (index in `people`): the id its first record's name suggests.
        var slugs: [String] = []

        init(spool: RegistrationSpool) { self.spool = spool }

        /// Enters batches of normalised records; the first record of `batches[k]` is numbered `firstOrdinals[k]`.
        mutating func enter(_ batches: [NormaliseJob.Rendered], firstOrdinals: [Int]) throws(ImportError) {
            for (batch, rendered) in batches.enumerated() {
                for (offset, record) in rendered.results.enumerated() {
                    let ordinal = firstOrdinals[batch] + offset
                    switch record.outcome {
                    case .invalid(let problems):
                        badRecords += problems
                    case .elsewhere(let problem):
                        alreadyInWorkspace.append(problem)
                    case .person(let email, let recordID, let submittedAt, let text, let slug):
                        truncated += record.truncated
                        droppedAnswers += record.notes
                        try spool.add(
                            ordinal: ordinal, text: rendered.text[text], recordID: recordID, email: email,
                            line: record.line)
                        let (index, inserted) = try people.insert(
                            email, ordinal: ordinal, submittedAt: submittedAt, spool: spool)
                        guard !inserted else {
                            slugs.append(slug)
                            continue
                        }
                        // The latest submission wins; without submission times, the later record in the file.
                        if RegistrationImport.isNewer(submittedAt, than: people.entries[index].submittedAt) {
                            dropped[index, default: []].append(people.entries[index].ordinal)
                            people.entries[index].ordinal = ordinal
                            people.entries[index].submittedAt = submittedAt
                        } else {
                            dropped[index, default: []].append(ordinal)
                        }
                    }
                }
            }
        }
    }

    /// What a normalising worker does with a batch of records: validate and normalise each, and render the YAML
    /// of each person not already held elsewhere in the workspace. Shares only what it reads.
    struct NormaliseJob {
        let elsewhere: [String: String]
        let render: Bool
        let source: String
        let zone: Zone
        let displayPath: String

        /// One record, normalised.
        struct Result {
            enum Outcome {
                case invalid([BadRecord])
                case elsewhere(BadRecord)
                /// A person, whose YAML is `text` in the batch's ``Rendered/text``.
                case person(email: String, recordID: String, submittedAt: Instant?, text: Range<Int>, slug: String)
            }
            var line: Int
            var outcome: Outcome
            /// The answers cut to their field's limit.
            var truncated: [BadRecord] = []
            /// Answers dropped or doubted, the record kept.
            var notes: [BadRecord] = []
        }

        /// A batch's records, normalised, and their people's YAML back to back.
        struct Rendered {
            var results: [Result] = []
            var text: [UInt8] = []
        }

        func run(_ batch: FormRecordBatch, firstOrdinal: Int, normaliser: inout RecordNormaliser) -> Rendered {
            var rendered = Rendered()
            rendered.results.reserveCapacity(batch.count)
            if render { rendered.text.reserveCapacity(batch.count * 512) }
            for index in 0..<batch.count {
                let ordinal = firstOrdinal + index
                let line = batch.entries[index].line
                let start = rendered.text.count
                if let fast = normaliser.fastPerson(
                    batch, index, ordinal: ordinal, render: render ? source : nil, zone: zone, into: &rendered.text)
                {
                    rendered.results.append(
                        person(
                            fast.email, fast.recordID, fast.submittedAt, start..<rendered.text.count, line: line,
                            slug: RegistrationImport.slug(fast.name)))
                    continue
                }
                let record = batch.record(index)
                switch normaliser.person(record, ordinal: ordinal) {
                case .invalid(let problems):
                    rendered.results.append(Result(line: line, outcome: .invalid(problems)))
                case .person(let person):
                    if render && elsewhere[person.email] == nil {
                        RegistrationImport.appendBody(person, source: source, zone: zone, to: &rendered.text)
                    }
                    var result = self.person(
                        person.email, person.recordID, person.submittedAt, start..<rendered.text.count, line: line,
                        slug: RegistrationImport.slug(person.name))
                    result.truncated = person.truncated
                    result.notes = person.notes
                    rendered.results.append(result)
                }
            }
            return rendered
        }

        /// A valid person, unless the email belongs to someone elsewhere in the workspace.
        private func person(
            _ email: String, _ recordID: String, _ submittedAt: Instant?, _ text: Range<Int>, line: Int, slug: String
        ) -> Result {
            if let owner = elsewhere[email] {
                let problem = BadRecord(
                    location: "\(displayPath):\(line)", record: recordID, field: "email",
                    reason: "already registered as person `\(owner)` elsewhere in the workspace; skipped")
                return Result(line: line, outcome: .elsewhere(problem))
            }
            return Result(
                line: line,
                outcome: .person(email: email, recordID: recordID, submittedAt: submittedAt, text: text, slug: slug))
        }
    }

    static func isNewer(_ a: Instant?, than b: Instant?) -> Bool {
        switch (a, b) {
        case (let a?, let b?): return a >= b
        case (nil, .some): return false
        default: return true
        }
    }

    static func pad(_ n: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, 6 - s.count)) + s
    }

    /// A person-id prefix from the export's file name: ASCII letters, digits and `-` (`Inscriptions été.xlsx` →
    /// `inscriptions-ete`).
    static func idPrefix(_ fileName: String) -> String {
        let stem = (fileName as NSString).deletingPathExtension
        let folded = stem.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var out = ""
        for ch in folded {
            if ch.isASCII && (ch.isLetter || ch.isNumber) { out.append(ch) } else if !out.hasSuffix("-") { out += "-" }
        }
        out = out.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return out.isEmpty ? "registration" : String(out.prefix(32))
    }

    /// A readable person id from a name: ASCII letters and digits joined by `-` (`Amina Uwase` → `amina-uwase`,
    /// `Aminata Traoré` → `aminata-traore`), other scripts transliterated; "" when nothing is left.
    static func slug(_ name: String) -> String {
        // Most names are ASCII: lower-cased byte by byte, as the general path below would.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(min(name.utf8.count, 48))
            for byte in name.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): bytes.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
                default: if let last = bytes.last, last != UInt8(ascii: "-") { bytes.append(UInt8(ascii: "-")) }
                }
                if bytes.count >= 48 { break }
            }
            while bytes.last == UInt8(ascii: "-") { bytes.removeLast() }
            return String(decoding: bytes, as: UTF8.self)
        }
        var latin = name
        if name.unicodeScalars.contains(where: { $0.value >= 0x250 }) {
            latin = name.applyingTransform(StringTransform("Any-Latin; Latin-ASCII"), reverse: false) ?? name
        }
        let folded = latin.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var out = ""
        for ch in folded {
            if ch.isASCII && (ch.isLetter || ch.isNumber) {
                out.append(ch)
            } else if !out.isEmpty && !out.hasSuffix("-") {
                out += "-"
            }
            if out.count >= 48 { break }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
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

    /// A person's YAML entry after its `id:` line.
    static func appendBody(_ p: ImportedPerson, source: String, zone: Zone, to out: inout [UInt8]) {
        func line(_ key: StaticString, quoted value: String) {
            YAMLText.append(key, to: &out)
            YAMLText.appendQuoted(value, to: &out)
            out.append(0x0A)
        }
        func line(_ key: StaticString, plain value: String) {
            YAMLText.append(key, to: &out)
            YAMLText.append(plain: value, to: &out)
            out.append(0x0A)
        }
        func line(_ key: StaticString, list: [String]) {
            YAMLText.append(key, to: &out)
            YAMLText.appendList(list, to: &out)
            out.append(0x0A)
        }
        line("    name: ", quoted: p.name)
        if let v = p.givenName { line("    given_name: ", quoted: v) }
        if let v = p.familyName { line("    family_name: ", quoted: v) }
        line("    email: ", quoted: p.email)
        if let v = p.organisation { line("    organisation: ", quoted: v) }
        if let v = p.city { line("    city: ", quoted: v) }
        if let v = p.country { line("    country: ", plain: v) }
        if let v = p.timezone { line("    timezone: ", plain: v) }
        if !p.languages.isEmpty {
            line("    languages: ", plain: "[\(p.languages.map(\.code).joined(separator: ", "))]")
        }
        if !p.roles.isEmpty { line("    roles: ", plain: "[\(p.roles.map(\.rawValue).joined(separator: ", "))]") }
        if p.arrival != nil || p.departure != nil {
            YAMLText.append("    journeys:\n", to: &out)
            func journey(_ head: StaticString, _ instant: Instant?, place: String?, number: String?) {
                guard let instant else { return }
                YAMLText.append(head, to: &out)
                Normalise.appendWallText(instant, zone: zone, to: &out)
                YAMLText.append("\"", to: &out)
                if let place {
                    YAMLText.append(", place: ", to: &out)
                    YAMLText.appendQuoted(place, to: &out)
                }
                if let number {
                    YAMLText.append(", number: ", to: &out)
                    YAMLText.appendQuoted(number, to: &out)
                }
                YAMLText.append(" }\n", to: &out)
            }
            journey(
                "      - { direction: arrival, time: \"", p.arrival, place: p.arrivalPlace, number: p.arrivalNumber)
            journey(
                "      - { direction: departure, time: \"", p.departure, place: p.departurePlace,
                number: p.departureNumber)
        }
        if let needsHotel = p.needsHotel {
            YAMLText.append("    needs_hotel: ", to: &out)
            YAMLText.append(needsHotel ? "true\n" : "false\n", to: &out)
        }
        if let v = p.hotelPreference { line("    hotel_preference: ", quoted: v) }
        if let v = p.localAddress { line("    local_address: ", quoted: v) }
        if let v = p.emergencyContact { line("    emergency_contact: ", quoted: v) }
        if !p.dietary.isEmpty { line("    dietary: ", list: p.dietary) }
        if !p.accessibility.isEmpty { line("    accessibility: ", list: p.accessibility) }
        YAMLText.append("    consent: { share_contact: ", to: &out)
        YAMLText.append(p.shareContact ? "true" : "false", to: &out)
        YAMLText.append(", photos: ", to: &out)
        YAMLText.append(p.photos ? "true" : "false", to: &out)
        YAMLText.append(" }\n", to: &out)
        if !p.sessions.isEmpty { line("    sessions: ", list: p.sessions) }
        YAMLText.append("    source: { file: ", to: &out)
        YAMLText.appendQuoted(source, to: &out)
        YAMLText.append(", record: ", to: &out)
        YAMLText.appendQuoted(p.recordID, to: &out)
        YAMLText.append(" }\n", to: &out)
    }
}

/// The people of one import keyed by email, compactly: a 64-bit hash of each email maps to a 16-byte entry in a
/// flat array. A hash match is confirmed against the email of the entry's first record, read back from the
/// ``RegistrationSpool`` (only duplicates and true collisions pay that read); distinct emails with equal hashes go to a
/// small overflow table. Per person: 16 bytes plus a hash-table slot (12 bytes at a load of at most 3/4).
struct EmailIndex {
    /// One person: the email's first record, the winning record so far and its submission time.
    struct Entry {
        /// Seconds since 1970, `Int64.min` when the record gave no submission time.
        var submittedSeconds: Int64
        var firstOrdinal32: Int32
        var ordinal32: Int32

        var firstOrdinal: Int { Int(firstOrdinal32) }
        var ordinal: Int {
            get { Int(ordinal32) }
            set { ordinal32 = Int32(newValue) }
        }
        var submittedAt: Instant? {
            get { submittedSeconds == .min ? nil : Instant(secondsSince1970: submittedSeconds) }
            set { submittedSeconds = newValue?.secondsSince1970 ?? .min }
        }
    }

    /// In order of first record (so also of person id).
    var entries: [Entry] = []
    private var byHash: [UInt64: Int32] = [:]
    private var overflow: [String: Int] = [:]
    /// The hash of an email (a test may pass a weak one to exercise collisions).
    private let hash: (String) -> UInt64

    /// An empty index; `hash` defaults to the standard library's seeded hash.
    init(hash: @escaping (String) -> UInt64 = EmailIndex.standardHash) {
        self.hash = hash
    }

    static func standardHash(_ email: String) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(email)
        return UInt64(UInt(bitPattern: hasher.finalize()))
    }

    /// The entry of `email`, inserted with this record when new. Ordinals must fit 32 bits, and every earlier
    /// entry's first record must be in `spool`.
    mutating func insert(_ email: String, ordinal: Int, submittedAt: Instant?, spool: RegistrationSpool)
        throws(ImportError) -> (index: Int, inserted: Bool)
    {
        let hash = hash(email)
        if let found = byHash[hash] {
            if try spool.hasEmail(entries[Int(found)].firstOrdinal, email) { return (Int(found), false) }
            if let other = overflow[email] { return (other, false) }
            overflow[email] = entries.count
        } else {
            byHash[hash] = Int32(entries.count)
        }
        entries.append(
            Entry(
                submittedSeconds: submittedAt?.secondsSince1970 ?? .min, firstOrdinal32: Int32(ordinal),
                ordinal32: Int32(ordinal)))
        return (entries.count - 1, true)
    }
}
