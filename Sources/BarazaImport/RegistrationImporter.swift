import BarazaModel
import BarazaXML
import Foundation

/// One record refused by validation: where it is, which record, which field and why. No personal data.
public struct BadRecord: Sendable, Hashable, CustomStringConvertible {
    /// `file:line` of the record (line = row number for spreadsheets).
    public var location: String
    /// The record's id (`meta/instanceID`), or `record <n>` when it has none.
    public var record: String
    /// The person field at fault.
    public var field: String
    /// What was wrong, as what was expected.
    public var reason: String

    /// `file:line: record <id>: <field>: <reason>`.
    public var description: String { "\(location): record \(record): \(field): \(reason)" }
}

/// Two or more submissions by the same email address, resolved to the latest.
public struct Merge: Sendable, Hashable, CustomStringConvertible {
    /// The person id kept.
    public var person: String
    /// The record kept (latest submission) and where it is.
    public var kept: String
    /// The records dropped in its favour.
    public var dropped: [String]

    /// One line naming the person id and the records kept and dropped.
    public var description: String {
        "person \(person): kept \(kept), dropped \(dropped.joined(separator: ", ")) (same email, latest submission wins)"
    }
}

/// What an import read, kept, merged and refused.
public struct RegistrationReport: Sendable {
    /// The format detected.
    public var format: RegistrationFormat
    /// Records read.
    public var records = 0
    /// Distinct people written.
    public var people = 0
    /// Duplicate resolutions, in person order.
    public var merges: [Merge] = []
    /// Records refused, in file order.
    public var badRecords: [BadRecord] = []
    /// Columns or paths mapped to no person field, with the number of records that filled them.
    public var unmappedColumns: [(column: String, records: Int)] = []
    /// Emails already held by a person elsewhere in the workspace: those records are skipped.
    public var alreadyInWorkspace: [BadRecord] = []
    /// Answers longer than their field allows (``TextLimit``), cut to fit: the record is imported with the cut
    /// text, and each cut is listed here (field, limit, length; never the text), in file order.
    public var truncated: [BadRecord] = []
}

/// A validated, normalised person read from one record.
struct ImportedPerson {
    var name: String
    var givenName: String?
    var familyName: String?
    var email: String
    var organisation: String?
    var city: String?
    var country: String?
    var timezone: String?
    var roles: [Role] = []
    var languages: [Language] = []
    var dietary: [String] = []
    var accessibility: [String] = []
    var arrival: Instant?
    var departure: Instant?
    var sessions: [String] = []
    var shareContact = false
    var photos = false
    var submittedAt: Instant?
    var recordID: String
    /// The answers cut to their field's limit (``RegistrationReport/truncated``).
    var truncated: [BadRecord] = []
}

/// Turns form records into people: mapping, validation, normalisation, deduplication by email.
struct RecordNormaliser {
    let mapping: RegistrationMapping
    let zone: Zone
    let knownSessions: Set<String>?
    let serialDates1904: Bool
    let displayPath: String
    /// Whether free-text lists are space separated (ODK select_multiple) rather than comma separated.
    let spaceSeparatedLists: Bool
    /// Resolved field per column, cached (exports repeat the same columns).
    private var cache: [String: (PersonField?, String)] = [:]
    /// The previous record's paths and their resolution: records of one export list the same paths in the same
    /// order, and interned path strings compare by identity first, so most fields skip the dictionary.
    private var lastPaths: [String] = []
    private var lastResolved: [(PersonField?, String)] = []
    /// Per-record answers by ``PersonField/slot``, reused.
    private var values = [String?](repeating: nil, count: PersonField.allCases.count)
    var unmapped: [String: Int] = [:]
    /// Resolution by path number of the batches being read (``FormRecordBatch/paths``), for the fast path.
    var resolvedByNumber: [(PersonField?, String)?] = []
    /// The fast path's reused buffers: normalised values, their place per slot, unmapped answers, lists.
    var scratch: [UInt8] = []
    var slots = [Range<Int>?](repeating: nil, count: PersonField.allCases.count)
    var pendingUnmapped: [Int32] = []
    var roleScratch: [Role] = []
    var languageScratch: [Language] = []
    var sessionScratch: [String] = []
    /// Languages by answer (exports repeat a few answers), nil for an unknown one.
    var languageCache: [String: Language?] = [:]

    init(
        mapping: RegistrationMapping, zone: Zone, knownSessions: Set<String>?, serialDates1904: Bool,
        displayPath: String, spaceSeparatedLists: Bool
    ) {
        self.spaceSeparatedLists = spaceSeparatedLists
        self.mapping = mapping
        self.zone = mapping.zone ?? zone
        self.knownSessions = knownSessions
        self.serialDates1904 = serialDates1904
        self.displayPath = displayPath
    }

    /// The field of a column or path, and the path without repeat indexes (`persons[2]/email` → `persons/email`).
    mutating func field(_ path: String) -> (PersonField?, String) {
        if let cached = cache[path] { return cached }
        let plain = path.contains("[") ? path.replacing(#/\[\d+\]/#, with: "") : path
        let resolved = (mapping.field(for: plain), plain)
        cache[path] = resolved
        return resolved
    }

    /// The person, or the problems that make the record invalid.
    enum Outcome {
        case person(ImportedPerson)
        case invalid([BadRecord])
    }

    /// The id a record is reported by: its own (`meta/instanceID`, cut to one line of text), else its number or
    /// row. `cut` is the length of an id that had to be cut.
    func recordID(_ record: FormRecord, ordinal: Int) -> (id: String, cut: Int?) {
        if let id = record.recordID, let text = Normalise.text(id) {
            guard !TextLimit.line.admits(text) else { return (text, nil) }
            return (Normalise.truncated(text, to: TextLimit.line.scalars), text.unicodeScalars.count)
        }
        return (spaceSeparatedLists ? "record \(ordinal)" : "row \(record.sourceLine)", nil)
    }

    /// The longest session id an answer may name, in UTF-8 bytes: a workspace id (they name export files).
    static let maximumSessionIDBytes = 100

    mutating func person(_ record: FormRecord, ordinal: Int) -> Outcome {
        let (recordID, recordIDLength) = recordID(record, ordinal: ordinal)
        var problems: [BadRecord] = []
        var truncated: [BadRecord] = []
        func bad(_ field: PersonField, _ reason: String) {
            problems.append(
                BadRecord(
                    location: "\(displayPath):\(record.sourceLine)", record: recordID, field: field.rawValue,
                    reason: reason))
        }
        /// `value` cut to one line of text, the cut noted.
        func fitted(_ field: PersonField, _ value: String) -> String {
            guard !TextLimit.line.admits(value) else { return value }
            let cut = Normalise.truncated(value, to: TextLimit.line.scalars)
            noteCut(field, length: value.unicodeScalars.count, kept: cut.unicodeScalars.count)
            return cut
        }
        func noteCut(_ field: PersonField, length: Int, kept: Int) {
            truncated.append(
                BadRecord(
                    location: "\(displayPath):\(record.sourceLine)", record: recordID, field: field.rawValue,
                    reason:
                        "\(length) characters, more than the \(TextLimit.line.scalars) allowed (\(TextLimit.line.kind)); "
                        + "kept the first \(kept)"))
        }
        if let recordIDLength { noteCut(.recordID, length: recordIDLength, kept: recordID.unicodeScalars.count) }
        for i in values.indices { values[i] = nil }
        for (position, (path, raw)) in record.fields.enumerated() {
            let mapped: PersonField?
            let plain: String
            if position < lastPaths.count && lastPaths[position] == path {
                (mapped, plain) = lastResolved[position]
            } else {
                (mapped, plain) = field(path)
                if position < lastPaths.count {
                    lastPaths[position] = path
                    lastResolved[position] = (mapped, plain)
                } else if position == lastPaths.count {
                    lastPaths.append(path)
                    lastResolved.append((mapped, plain))
                }
            }
            guard let f = mapped else {
                if Normalise.text(raw) != nil { unmapped[plain, default: 0] += 1 }
                continue
            }
            if f == .ignore || values[f.slot] != nil { continue }
            guard let value = Normalise.text(raw) else { continue }
            values[f.slot] = value
        }
        let values = Answers(values: self.values)
        var p = ImportedPerson(name: "", email: "", recordID: recordID)
        p.givenName = values[.givenName].map { fitted(.givenName, $0) }
        p.familyName = values[.familyName].map { fitted(.familyName, $0) }
        if let name = values[.name] {
            p.name = fitted(.name, name)
        } else if p.givenName != nil || p.familyName != nil {
            p.name = fitted(.name, [p.givenName, p.familyName].compactMap { $0 }.joined(separator: " "))
        } else {
            bad(.name, "a name (no name, given_name or family_name answer)")
        }
        if let raw = values[.email] {
            if !TextLimit.email.admits(raw) {
                bad(.email, "an email address of at most \(TextLimit.email.scalars) characters")
            } else if let email = Normalise.email(raw) {
                p.email = email
            } else {
                bad(.email, "an email address such as name@example.org")
            }
        } else {
            bad(.email, "an email address (none given; it tells people apart)")
        }
        p.organisation = values[.organisation].map { fitted(.organisation, $0) }
        p.city = values[.city].map { fitted(.city, $0) }
        if let raw = values[.country] {
            if let code = Normalise.country(raw) {
                p.country = code
            } else {
                bad(.country, "a country name (English or French) or an ISO 3166 code")
            }
        }
        if let raw = values[.timezone] {
            if Zone(identifier: raw) != nil { p.timezone = raw } else { bad(.timezone, "an IANA time zone") }
        }
        if let raw = values[.role] {
            for item in Normalise.list(raw) {
                if let role = Normalise.role(item) {
                    if !p.roles.contains(role) { p.roles.append(role) }
                } else {
                    bad(.role, "one of \(Role.allCases.map(\.rawValue).joined(separator: ", ")) (or a French name)")
                }
            }
        }
        if let raw = values[.languages] {
            let (codes, unknown) = Normalise.languages(raw)
            p.languages = codes
            if !unknown.isEmpty { bad(.languages, "language codes or names such as en, fr, English, français") }
        }
        for (field, keyPath) in [(PersonField.dietary, \ImportedPerson.dietary), (.accessibility, \.accessibility)] {
            let items = values[field].map { Normalise.list($0, spaces: spaceSeparatedLists) } ?? []
            p[keyPath: keyPath] = items.map { fitted(field, $0) }
        }
        for (f, keyPath) in [(PersonField.arrival, \ImportedPerson.arrival), (.departure, \.departure)] {
            guard let raw = values[f] else { continue }
            switch Normalise.instant(raw, zone: zone, serialDates1904: serialDates1904) {
            case .success(let instant): p[keyPath: keyPath] = instant
            case .failure(let problem): bad(f, problem.expectation)
            }
        }
        if let a = p.arrival, let d = p.departure, d < a { bad(.departure, "a departure after the arrival") }
        if let raw = values[.sessions] {
            for id in Normalise.list(raw) {
                if id.utf8.count > Self.maximumSessionIDBytes {
                    bad(
                        .sessions,
                        "session ids of at most \(Self.maximumSessionIDBytes) bytes, found one of \(id.utf8.count)")
                } else if let knownSessions, !knownSessions.contains(id) {
                    bad(.sessions, "a session id of this workspace, found unknown `\(Self.safeID(id))`")
                } else if !p.sessions.contains(id) {
                    p.sessions.append(id)
                }
            }
        }
        if let raw = values[.consent] {
            if let b = Normalise.bool(raw) { p.shareContact = b } else { bad(.consent, "yes or no (oui/non)") }
        }
        if let raw = values[.consentPhotos] {
            if let b = Normalise.bool(raw) { p.photos = b } else { bad(.consentPhotos, "yes or no (oui/non)") }
        }
        if let raw = record.submittedAt ?? values[.submittedAt],
            case .success(let instant) = Normalise.instant(raw, zone: zone, serialDates1904: serialDates1904)
        {
            p.submittedAt = instant
        }
        p.truncated = truncated
        return problems.isEmpty ? .person(p) : .invalid(problems)
    }

    /// Read access to the per-record answers by field.
    private struct Answers {
        let values: [String?]
        subscript(_ field: PersonField) -> String? { values[field.slot] }
    }

    /// An id quoted in an error: identifier characters only and short, so no free text leaks.
    static func safeID(_ id: String) -> String {
        let clean = id.filter { $0.isLetter || $0.isNumber || "-_.".contains($0) }
        return clean.count > 40 ? String(clean.prefix(40)) + "…" : clean
    }
}
