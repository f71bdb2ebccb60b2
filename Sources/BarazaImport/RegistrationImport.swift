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

        // Pass 1: validate every record and decide, per email, which submission wins. Only small entries are
        // kept, so memory grows with the number of people, not with the size of the file.
        struct Entry {
            var firstOrdinal: Int
            var ordinal: Int
            var submittedAt: Instant?
            var recordID: String
            var location: String
            var dropped: [String] = []
        }
        var byEmail: [String: Entry] = [:]
        var records = 0
        try source.eachRecord { (ordinal, record) throws(ImportError) in
            records = ordinal
            switch normaliser.person(record, ordinal: ordinal) {
            case .invalid(let problems):
                report.badRecords += problems
            case .person(let person):
                let location = "\(file):\(record.sourceLine)"
                if let owner = elsewhere[person.email] {
                    report.alreadyInWorkspace.append(
                        BadRecord(
                            location: location, record: person.recordID, field: "email",
                            reason: "already registered as person `\(owner)` elsewhere in the workspace; skipped"))
                    return
                }
                guard var entry = byEmail[person.email] else {
                    byEmail[person.email] = Entry(
                        firstOrdinal: ordinal, ordinal: ordinal, submittedAt: person.submittedAt,
                        recordID: person.recordID, location: location)
                    return
                }
                // The latest submission wins; without submission times, the later record in the file.
                if Self.isNewer(person.submittedAt, than: entry.submittedAt) {
                    entry.dropped.append("\(entry.recordID) (\(entry.location))")
                    entry.ordinal = ordinal
                    entry.submittedAt = person.submittedAt
                    entry.recordID = person.recordID
                    entry.location = location
                } else {
                    entry.dropped.append("\(person.recordID) (\(location))")
                }
                byEmail[person.email] = entry
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
        var winners: [Int: String] = [:]
        winners.reserveCapacity(byEmail.count)
        for entry in byEmail.values.sorted(by: { $0.firstOrdinal < $1.firstOrdinal }) {
            let id = "\(prefix)-\(Self.pad(entry.firstOrdinal))"
            winners[entry.ordinal] = id
            if !entry.dropped.isEmpty {
                report.merges.append(
                    Merge(person: id, kept: "\(entry.recordID) (\(entry.location))", dropped: entry.dropped))
            }
        }
        byEmail = [:]
        report.people = winners.count
        if dryRun { return report }

        // Pass 2: read the file again and stream the kept people, in file order, into a staged YAML file.
        let zone = loaded.event.zone
        let header = """
            # Generated by `baraza import registrations` from \(rawRelative); re-import the export (or change the
            # mapping) rather than editing this file. Ids are stable: the record number of each email's first answer.
            people:

            """
        let peopleYAML: WorkspaceFiles.Change = .stream(to: peopleRelative) { (out: inout StagedWriter) throws in
            try out.write(header)
            var person = ""
            try source.eachRecord { (ordinal, record) throws(ImportError) in
                guard let id = winners[ordinal], case .person(let p) = normaliser.person(record, ordinal: ordinal)
                else { return }
                person.removeAll(keepingCapacity: true)
                Self.append(p, id: id, source: rawRelative, zone: zone, to: &person)
                do { try out.write(person) } catch { throw .write(path: peopleRelative, reason: "\(error)") }
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
        out += "  - id: \(id)\n"
        out += "    name: \(YAMLText.quoted(p.name))\n"
        if let v = p.givenName { out += "    given_name: \(YAMLText.quoted(v))\n" }
        if let v = p.familyName { out += "    family_name: \(YAMLText.quoted(v))\n" }
        out += "    email: \(YAMLText.quoted(p.email))\n"
        if let v = p.organisation { out += "    organisation: \(YAMLText.quoted(v))\n" }
        if let v = p.city { out += "    city: \(YAMLText.quoted(v))\n" }
        if let v = p.country { out += "    country: \(v)\n" }
        if let v = p.timezone { out += "    timezone: \(v)\n" }
        if !p.languages.isEmpty { out += "    languages: [\(p.languages.map(\.code).joined(separator: ", "))]\n" }
        if !p.roles.isEmpty { out += "    roles: [\(p.roles.map(\.rawValue).joined(separator: ", "))]\n" }
        if p.arrival != nil || p.departure != nil {
            out += "    journeys:\n"
            if let a = p.arrival {
                out += "      - { direction: arrival, time: \"\(Normalise.wallText(a, zone: zone))\" }\n"
            }
            if let d = p.departure {
                out += "      - { direction: departure, time: \"\(Normalise.wallText(d, zone: zone))\" }\n"
            }
        }
        if !p.dietary.isEmpty { out += "    dietary: \(YAMLText.list(p.dietary))\n" }
        if !p.accessibility.isEmpty { out += "    accessibility: \(YAMLText.list(p.accessibility))\n" }
        out += "    consent: { share_contact: \(p.shareContact), photos: \(p.photos) }\n"
        if !p.sessions.isEmpty { out += "    sessions: \(YAMLText.list(p.sessions))\n" }
        out += "    source: { file: \(YAMLText.quoted(source)), record: \(YAMLText.quoted(p.recordID)) }\n"
    }
}
