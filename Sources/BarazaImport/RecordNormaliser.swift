import BarazaModel
import BarazaXML
import Foundation

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
    var arrivalPlace: String?
    var arrivalNumber: String?
    var departurePlace: String?
    var departureNumber: String?
    var needsHotel: Bool?
    var hotelPreference: String?
    var localAddress: String?
    var emergencyContact: String?
    /// Answers dropped or doubted while the record is kept (``RegistrationReport/droppedAnswers``).
    var notes: [BadRecord] = []
}

/// The sessions of the workspace an answer may name: by id, or by a title in either language (answers of a
/// spreadsheet form often carry the title); did-you-mean over both.
struct SessionDirectory: Sendable {
    let ids: Set<String>
    /// ``Normalise/key(_:)`` of each id and title → the session id.
    let byKey: [String: String]
    /// Ids and titles as written, for hints.
    let names: [(name: String, id: String)]

    init(sessions: [(id: String, titles: [String])]) {
        ids = Set(sessions.map(\.id))
        var byKey: [String: String] = [:]
        var names: [(String, String)] = []
        for (id, titles) in sessions {
            byKey[Normalise.key(id)] = byKey[Normalise.key(id)] ?? id
            names.append((id, id))
            for title in titles {
                byKey[Normalise.key(title)] = byKey[Normalise.key(title)] ?? id
                names.append((title, id))
            }
        }
        self.byKey = byKey
        self.names = names
    }

    /// The session an answer names, by id or by title.
    func resolve(_ answer: String) -> String? {
        if ids.contains(answer) { return answer }
        return byKey[Normalise.key(answer)]
    }

    /// `; did you mean `id` (Title)?` for an answer naming no session, or "" when nothing is close.
    func hint(_ answer: String) -> String {
        guard let near = nearest(to: answer, in: names.map(\.name)),
            let id = names.first(where: { $0.name == near })?.id
        else {
            return ids.isEmpty ? "; the workspace has no sessions yet: import the agenda, then this export again" : ""
        }
        return near == id ? "; did you mean `\(id)`?" : "; did you mean `\(id)` (\(near))?"
    }
}

/// The workspace's transfer places (airports, stations) a journey answer may name, by id or name.
struct PlaceDirectory: Sendable {
    let byKey: [String: String]
    let names: [(name: String, id: String)]

    init(places: [(id: String, name: String?)]) {
        var byKey: [String: String] = [:]
        var names: [(String, String)] = []
        for (id, name) in places {
            byKey[Normalise.key(id)] = id
            names.append((id, id))
            if let name {
                byKey[Normalise.key(name)] = byKey[Normalise.key(name)] ?? id
                names.append((name, id))
            }
        }
        self.byKey = byKey
        self.names = names
    }

    var isEmpty: Bool { names.isEmpty }

    /// The place an answer names: its id or name, or an id in parentheses (`Kigali International (KGL)`); with
    /// `prefixes`, also the one place whose name starts with the answer or the answer with its name (`Radisson Blu`
    /// for `Radisson Blu Hotel`).
    func resolve(_ answer: String, prefixes: Bool = false) -> String? {
        let key = Normalise.key(answer)
        if let id = byKey[key] { return id }
        if prefixes, key.count >= 4 {
            let ids = Set(byKey.filter { $0.key.hasPrefix(key) || key.hasPrefix($0.key) }.values)
            if ids.count == 1 { return ids.first }
        }
        if let open = answer.lastIndex(of: "("), let close = answer.lastIndex(of: ")"), open < close {
            return byKey[Normalise.key(String(answer[answer.index(after: open)..<close]))]
        }
        return nil
    }

    /// ` (did you mean `KGL`?)`, or "".
    func hint(_ answer: String) -> String {
        guard let near = nearest(to: answer, in: names.map(\.name)),
            let id = names.first(where: { $0.name == near })?.id
        else { return " (places: \(Set(names.map(\.id)).sorted().joined(separator: ", ")))" }
        return near == id ? " (did you mean `\(id)`?)" : " (did you mean `\(id)`, \(near)?)"
    }
}

/// Turns form records into people: mapping, validation, normalisation, deduplication by email.
struct RecordNormaliser {
    let mapping: RegistrationMapping
    let zone: Zone
    let knownSessions: SessionDirectory?
    let places: PlaceDirectory
    /// The workspace's hotels, for hotel preferences.
    var hotels = PlaceDirectory(places: [])
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
        mapping: RegistrationMapping, zone: Zone, knownSessions: SessionDirectory?, serialDates1904: Bool,
        displayPath: String, spaceSeparatedLists: Bool, places: PlaceDirectory = PlaceDirectory(places: [])
    ) {
        self.spaceSeparatedLists = spaceSeparatedLists
        self.places = places
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

    /// Every column or path met so far (repeat indexes removed), with its field.
    var resolvedColumns: [(PersonField?, String)] { Array(cache.values) }

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
        var notes: [BadRecord] = []
        func note(_ field: PersonField, _ reason: String) {
            notes.append(
                BadRecord(
                    location: "\(displayPath):\(record.sourceLine)", record: recordID, field: field.rawValue,
                    reason: reason))
        }
        /// An answer that does not read as its field expects: dropped, and the person kept.
        func dropped(_ field: PersonField, _ expected: String) {
            note(field, "expected \(expected); answer dropped, the person kept")
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
                dropped(.country, "a country name (English or French) or an ISO 3166 code")
            }
        }
        if let raw = values[.timezone] {
            if Zone(identifier: raw) != nil {
                p.timezone = raw
            } else {
                dropped(.timezone, ZoneSuggestion.expectation(for: raw, city: p.city, country: p.country))
            }
        }
        if let raw = values[.role] {
            for item in Normalise.list(raw) {
                if let role = Normalise.role(item) {
                    if !p.roles.contains(role) { p.roles.append(role) }
                } else {
                    dropped(.role, "one of \(Role.allCases.map(\.rawValue).joined(separator: ", ")) (or a French name)")
                }
            }
        }
        if let raw = values[.languages] {
            let (codes, unknown) = Normalise.languages(raw)
            p.languages = codes
            if !unknown.isEmpty { dropped(.languages, "language codes or names such as en, fr, English, français") }
        }
        for (field, keyPath) in [(PersonField.dietary, \ImportedPerson.dietary), (.accessibility, \.accessibility)] {
            let items = values[field].map { Normalise.list($0, spaces: spaceSeparatedLists) } ?? []
            p[keyPath: keyPath] = items.map { fitted(field, $0) }
        }
        p.dietary = Normalise.dietary(p.dietary)
        for (f, keyPath) in [(PersonField.arrival, \ImportedPerson.arrival), (.departure, \.departure)] {
            guard let raw = values[f] else { continue }
            // A date alone would become midnight, and a flight at midnight puts every session of the day after
            // the departure: the answer is dropped and said so.
            if Normalise.isDateOnly(raw) {
                dropped(
                    f,
                    "a date and a time of day, found a date only (a journey needs its time: ask for it in the form, "
                        + "or give it in people-overrides.yaml)")
                continue
            }
            switch Normalise.instant(raw, zone: zone, serialDates1904: serialDates1904) {
            case .success(let instant): p[keyPath: keyPath] = instant
            case .failure(let problem): dropped(f, problem.expectation)
            }
        }
        if let a = p.arrival, let d = p.departure, d < a {
            p.departure = nil
            dropped(.departure, "a departure after the arrival")
        }
        if let raw = values[.sessions] {
            for answer in sessionItems(raw) {
                if answer.utf8.count > Self.maximumSessionIDBytes {
                    note(
                        .sessions,
                        "session ids of at most \(Self.maximumSessionIDBytes) bytes, found one of \(answer.utf8.count); "
                            + "sign-up dropped, the person kept")
                    continue
                }
                var id = answer
                if let knownSessions {
                    guard let known = knownSessions.resolve(answer) else {
                        note(
                            .sessions,
                            "no session `\(Self.safeID(answer))` in this workspace; sign-up dropped, the person kept"
                                + knownSessions.hint(answer))
                        continue
                    }
                    id = known
                }
                if !p.sessions.contains(id) { p.sessions.append(id) }
            }
        }
        // Logistics: where and how each journey reaches the host city, and where the person sleeps.
        for (field, keyPath) in [
            (PersonField.arrivalPlace, \ImportedPerson.arrivalPlace), (.departurePlace, \.departurePlace),
        ] {
            guard let raw = values[field] else { continue }
            let answer = fitted(field, raw)
            if let id = places.resolve(answer) {
                p[keyPath: keyPath] = id
            } else {
                let code = answer.count == 3 && answer.allSatisfy { $0.isASCII && $0.isLetter }
                p[keyPath: keyPath] = code ? answer.uppercased() : answer
                if !places.isEmpty {
                    note(
                        field,
                        "no transfer place `\(Self.safeID(answer))` in logistics.yaml; kept as written"
                            + places.hint(answer))
                }
            }
        }
        // Forms often ask one airport: people leave from where they landed unless they say otherwise.
        if p.departurePlace == nil && p.departure != nil { p.departurePlace = p.arrivalPlace }
        p.arrivalNumber = values[.arrivalNumber].map { Normalise.journeyNumber(fitted(.arrivalNumber, $0)) }
        p.departureNumber = values[.departureNumber].map { Normalise.journeyNumber(fitted(.departureNumber, $0)) }
        for (field, direction, time) in [
            (PersonField.arrivalPlace, "arrival", p.arrival), (.departurePlace, "departure", p.departure),
        ] where time == nil {
            let place = field == .arrivalPlace ? p.arrivalPlace : p.departurePlace
            let number = field == .arrivalPlace ? p.arrivalNumber : p.departureNumber
            if place != nil || number != nil {
                note(
                    field,
                    "a place or flight number without the \(direction) date-time; dropped (a journey needs its time)")
            }
        }
        if let raw = values[.needsHotel] {
            if let answer = Normalise.leadingBool(raw) {
                p.needsHotel = answer
            } else {
                note(.needsHotel, "yes or no (oui/non); answer dropped, the person kept")
            }
        }
        if let raw = values[.hotelPreference] {
            // A hotel of the workspace becomes its id; other text (`near the venue`) stays as written.
            let answer = fitted(.hotelPreference, raw)
            p.hotelPreference = hotels.resolve(answer, prefixes: true) ?? answer
            if p.hotelPreference == answer, !hotels.isEmpty, hotels.resolve(answer) == nil,
                let near = nearest(to: answer, in: hotels.names.map(\.name))
            {
                note(
                    .hotelPreference,
                    "no hotel `\(Self.safeID(answer))` in the workspace; kept as written (did you mean `\(near)`?)")
            }
        }
        p.localAddress = values[.localAddress].map { fitted(.localAddress, $0) }
        p.emergencyContact = values[.emergencyContact].map { fitted(.emergencyContact, $0) }
        if let raw = values[.consent] {
            if let b = Normalise.bool(raw) { p.shareContact = b } else { dropped(.consent, "yes or no (oui/non)") }
        }
        if let raw = values[.consentPhotos] {
            if let b = Normalise.bool(raw) { p.photos = b } else { dropped(.consentPhotos, "yes or no (oui/non)") }
        }
        if let raw = record.submittedAt ?? values[.submittedAt],
            case .success(let instant) = Normalise.instant(raw, zone: zone, serialDates1904: serialDates1904)
        {
            p.submittedAt = instant
        }
        p.truncated = truncated
        p.notes = notes
        return problems.isEmpty ? .person(p) : .invalid(problems)
    }

    /// Read access to the per-record answers by field.
    private struct Answers {
        let values: [String?]
        subscript(_ field: PersonField) -> String? { values[field.slot] }
    }

    /// The sessions an answer names: the whole answer when it names one (a title with spaces, as spreadsheet forms
    /// give them), else its items (separated by commas, or by spaces as ODK writes select_multiple codes).
    func sessionItems(_ raw: String) -> [String] {
        if let knownSessions, knownSessions.resolve(raw) != nil { return [raw] }
        return Normalise.list(raw)
    }

    /// An id quoted in an error: identifier characters and spaces only, and short, so no free text leaks.
    static func safeID(_ id: String) -> String {
        let clean = id.filter { $0.isLetter || $0.isNumber || "-_. ".contains($0) }
        return clean.count > 40 ? String(clean.prefix(40)) + "…" : clean
    }
}
