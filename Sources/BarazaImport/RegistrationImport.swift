import BarazaModel
import BarazaWorkspace
import BarazaXML
import Foundation

/// `baraza import registrations`: reads a registration export, validates and normalises it, deduplicates by email
/// and adds it to a workspace atomically.
///
/// The workspace receives three things, all written to temporary files first and renamed together at the end:
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
        let loaded: Workspace
        do { loaded = try WorkspaceLoader(knownRuleIDs: knownRuleIDs).load(directory: workspace) } catch {
            throw .workspace(error.errors.map(\.message).joined(separator: "\n"))
        }
        let name = (file as NSString).lastPathComponent
        let rawRelative = "\(Self.folder)/\(name)"
        let peopleRelative = "\(rawRelative).people.yaml"
        let source = try RecordSource.open(path: file, limits: limits, archiveLimits: archiveLimits)
        var report = RegistrationReport(format: source.format)

        let sessions = Set(loaded.sessions.map(\.id.rawValue))
        var normaliser = RecordNormaliser(
            mapping: mapping, zone: loaded.event.zone, knownSessions: sessions.isEmpty ? nil : sessions,
            serialDates1904: source.serialDates1904, displayPath: file,
            spaceSeparatedLists: source.format == .odkInstances)
        // People from elsewhere in the workspace (hand-written, or other exports) keep their email.
        var elsewhere: [String: String] = [:]
        for person in loaded.people where person.source?.file != rawRelative {
            if let email = person.email { elsewhere[email] = person.id.rawValue }
        }

        // Pass 1 (the only reading of the export): validate every record, decide per email which submission wins,
        // and spool each valid person's YAML (all but its id) with its record id and email. In memory stay a 16-byte
        // entry and a hash slot per person (``EmailIndex``), and 8 bytes per record (``RegistrationSpool``).
        let zone = loaded.event.zone
        // Beside the workspace's files for a real import (same disk, writable anyway); a dry run spools ids only.
        let spool = try RegistrationSpool(
            in: dryRun ? NSTemporaryDirectory() : workspace, displayPath: peopleRelative)
        var people = EmailIndex()
        var dropped: [Int: [Int]] = [:]
        var records = 0
        var text = ""
        try source.eachRecord { (ordinal, record) throws(ImportError) in
            records = ordinal
            guard ordinal < Int32.max else {
                throw .unreadable(path: file, reason: "more than \(Int32.max - 1) records; split the export")
            }
            switch normaliser.person(record, ordinal: ordinal) {
            case .invalid(let problems):
                report.badRecords += problems
            case .person(let person):
                if let owner = elsewhere[person.email] {
                    report.alreadyInWorkspace.append(
                        BadRecord(
                            location: "\(file):\(record.sourceLine)", record: person.recordID, field: "email",
                            reason: "already registered as person `\(owner)` elsewhere in the workspace; skipped"))
                    return
                }
                text.removeAll(keepingCapacity: true)
                if !dryRun { Self.appendBody(person, source: rawRelative, zone: zone, to: &text) }
                try spool.add(
                    ordinal: ordinal, text: text, recordID: person.recordID, email: person.email,
                    line: record.sourceLine)
                let (index, inserted) = try people.insert(
                    person.email, ordinal: ordinal, submittedAt: person.submittedAt, spool: spool)
                guard !inserted else { return }
                // The latest submission wins; without submission times, the later record in the file.
                if Self.isNewer(person.submittedAt, than: people.entries[index].submittedAt) {
                    dropped[index, default: []].append(people.entries[index].ordinal)
                    people.entries[index].ordinal = ordinal
                    people.entries[index].submittedAt = person.submittedAt
                } else {
                    dropped[index, default: []].append(ordinal)
                }
            }
        }
        report.records = records
        guard records > 0 else { throw .empty(path: file) }
        report.unmappedColumns = normaliser.unmapped.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        if strict && !report.badRecords.isEmpty {
            throw .invalidRecords(count: Set(report.badRecords.map(\.location)).count)
        }

        let prefix = Self.idPrefix(name)
        // Person ids come from each email's first record, so they survive later resubmissions and appended rows.
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
                    person: "\(prefix)-\(Self.pad(entry.firstOrdinal))", kept: try described(entry.ordinal),
                    dropped: droppedText))
        }
        // The winners in file order, each with the record that names its id.
        var winners: [(ordinal: Int, firstOrdinal: Int)] = people.entries.map { ($0.ordinal, $0.firstOrdinal) }
        winners.sort { $0.ordinal < $1.ordinal }
        people = EmailIndex()
        dropped = [:]
        report.people = winners.count
        if dryRun { return report }

        // Pass 2: copy the winners' spooled text, in file order, into a staged YAML file.
        let header = """
            # Generated by `baraza import registrations` from \(rawRelative); re-import the export (or change the
            # mapping) rather than editing this file. Ids are stable: the record number of each email's first answer.
            people:

            """
        let peopleYAML: WorkspaceFiles.Change = .stream(to: peopleRelative) { (out: inout StagedWriter) throws in
            try out.write(header)
            var next = 0
            try spool.eachText(winners.lazy.map(\.ordinal)) { bytes in
                try out.write("  - id: \(prefix)-\(Self.pad(winners[next].firstOrdinal))\n")
                try out.write(bytes: bytes)
                next += 1
            }
        }

        let writer = WorkspaceFiles(root: workspace)
        var index = Self.existingIndex(in: workspace)
        index.insert(peopleRelative)
        var indexText =
            "# Registration exports imported into this workspace (written by `baraza import registrations`).\n"
        indexText += "include:\n" + index.sorted().map { "  - \($0)\n" }.joined()
        try writer.commit([
            .copy(from: file, to: rawRelative),
            peopleYAML,
            .text(indexText, to: Self.indexFile),
            .eventInclude(Self.indexFile),
        ])
        return report
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

    /// The people files already listed in `registrations.yaml`.
    static func existingIndex(in workspace: String) -> Set<String> {
        let path = (workspace as NSString).appendingPathComponent(indexFile)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        var items: Set<String> = []
        for line in text.split(separator: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("- ") { items.insert(String(t.dropFirst(2)).trimmingCharacters(in: .whitespaces)) }
        }
        return items
    }

    static func append(_ p: ImportedPerson, id: String, source: String, zone: Zone, to out: inout String) {
        out += "  - id: "
        out += id
        out += "\n"
        appendBody(p, source: source, zone: zone, to: &out)
    }

    /// A person's YAML entry after its `id:` line.
    static func appendBody(_ p: ImportedPerson, source: String, zone: Zone, to out: inout String) {
        func line(_ key: String, quoted value: String) {
            out += key
            YAMLText.appendQuoted(value, to: &out)
            out += "\n"
        }
        line("    name: ", quoted: p.name)
        if let v = p.givenName { line("    given_name: ", quoted: v) }
        if let v = p.familyName { line("    family_name: ", quoted: v) }
        line("    email: ", quoted: p.email)
        if let v = p.organisation { line("    organisation: ", quoted: v) }
        if let v = p.city { line("    city: ", quoted: v) }
        if let v = p.country { out += "    country: \(v)\n" }
        if let v = p.timezone { out += "    timezone: \(v)\n" }
        if !p.languages.isEmpty { out += "    languages: [\(p.languages.map(\.code).joined(separator: ", "))]\n" }
        if !p.roles.isEmpty { out += "    roles: [\(p.roles.map(\.rawValue).joined(separator: ", "))]\n" }
        if p.arrival != nil || p.departure != nil {
            out += "    journeys:\n"
            if let a = p.arrival {
                out += "      - { direction: arrival, time: \""
                Normalise.appendWallText(a, zone: zone, to: &out)
                out += "\" }\n"
            }
            if let d = p.departure {
                out += "      - { direction: departure, time: \""
                Normalise.appendWallText(d, zone: zone, to: &out)
                out += "\" }\n"
            }
        }
        if !p.dietary.isEmpty {
            out += "    dietary: "
            YAMLText.appendList(p.dietary, to: &out)
            out += "\n"
        }
        if !p.accessibility.isEmpty {
            out += "    accessibility: "
            YAMLText.appendList(p.accessibility, to: &out)
            out += "\n"
        }
        out += "    consent: { share_contact: \(p.shareContact), photos: \(p.photos) }\n"
        if !p.sessions.isEmpty {
            out += "    sessions: "
            YAMLText.appendList(p.sessions, to: &out)
            out += "\n"
        }
        out += "    source: { file: "
        YAMLText.appendQuoted(source, to: &out)
        out += ", record: "
        YAMLText.appendQuoted(p.recordID, to: &out)
        out += " }\n"
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
