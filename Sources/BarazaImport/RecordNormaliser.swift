import BarazaModel
import BarazaXML
import Foundation

/// Turns form records into people: mapping, validation, normalisation. One record loop
/// (``person(_:_:ordinal:render:zone:into:)``) reads each record's answers once; each field then tries its fast
/// path on the answer's bytes (the usual plain answer: ASCII or accented text, an ASCII email, a country code, an
/// ISO date-time, session ids, yes/no) and leaves anything else to the general functions of ``Normalise``.
struct RecordNormaliser {
    let mapping: RegistrationMapping
    let zone: Zone
    /// How dates written with slashes read (the mapping's `date_order`).
    let dateOrder: Normalise.DateOrder?
    let knownSessions: SessionDirectory?
    let places: PlaceDirectory
    /// The workspace's hotels, for hotel preferences.
    var hotels = PlaceDirectory(places: [])
    let serialDates1904: Bool
    let displayPath: String
    /// Whether free-text lists are space separated (ODK select_multiple) rather than comma separated.
    let spaceSeparatedLists: Bool
    /// Whether records are a sheet's rows (a record without an id is named by its row), not XML submissions.
    let recordsAreRows: Bool
    /// False: every answer goes through the general functions, the reference the fast paths are tested against.
    var usesFastPaths = true
    /// Answers with a text but no field, by column (``RegistrationReport/unmappedColumns``).
    var unmapped: [String: Int] = [:]
    /// Resolved field per column, cached (exports repeat the same columns).
    private var cache: [String: (PersonField?, String)] = [:]
    /// Resolution by path number of the batches being read (``FormRecordBatch/paths``), with the path it is for:
    /// numbers are stable within one XML export, but a spreadsheet's batches number their columns anew.
    private var resolvedByNumber: [(path: String, field: PersonField?, plain: String)?] = []
    /// The record being read, reused.
    private var draft: PersonDraft
    /// Languages by answer (exports repeat a few answers), nil for an unknown one.
    private var languageCache: [String: Language?] = [:]

    init(
        mapping: RegistrationMapping, zone: Zone, knownSessions: SessionDirectory?, serialDates1904: Bool,
        displayPath: String, spaceSeparatedLists: Bool, recordsAreRows: Bool? = nil,
        places: PlaceDirectory = PlaceDirectory(places: [])
    ) {
        self.spaceSeparatedLists = spaceSeparatedLists
        self.recordsAreRows = recordsAreRows ?? !spaceSeparatedLists
        self.places = places
        self.mapping = mapping
        self.zone = mapping.zone ?? zone
        self.dateOrder = mapping.dateOrder
        self.knownSessions = knownSessions
        self.serialDates1904 = serialDates1904
        self.displayPath = displayPath
        draft = PersonDraft(displayPath: displayPath)
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

    /// What a valid record gives: what the ledger needs of the person, and what was cut or dropped on the way.
    struct Person {
        var email: String
        /// The name, for the person's id.
        var name: String
        var recordID: String
        var submittedAt: Instant?
        var truncated: [BadRecord]
        var notes: [BadRecord]
    }

    /// The person, or the problems that make the record invalid.
    enum Outcome {
        case person(Person)
        case invalid([BadRecord])
    }

    /// The longest session id an answer may name, in UTF-8 bytes: a workspace id (they name export files).
    static let maximumSessionIDBytes = 100

    /// The one record loop: record `index` of `batch` read, validated and normalised field by field. When it
    /// gives a person and there is a `source` to name, the person's YAML entry (after its `id:` line, times shown
    /// in `eventZone`) is appended to `body`; an invalid record appends nothing. Unmapped answers are counted for
    /// every record.
    mutating func person(
        _ batch: FormRecordBatch, _ index: Int, ordinal: Int, render source: String?, zone eventZone: Zone,
        into body: inout [UInt8]
    ) -> Outcome {
        let entry = batch.entries[index]
        draft.start(line: entry.line)
        batch.bytes.withUnsafeBufferPointer { all in
            readAnswers(batch, entry, all)
            readRecordID(entry.recordID.map { UnsafeBufferPointer(rebasing: all[$0]) }, ordinal: ordinal)
            if let raw = entry.submittedAt {
                draft.submittedAt = try? instant(UnsafeBufferPointer(rebasing: all[raw])).get()
            }
        }
        if entry.submittedAt == nil, let range = draft[.submittedAt] {
            draft.submittedAt = try? draft.text.withUnsafeBufferPointer {
                instant(UnsafeBufferPointer(rebasing: $0[range]))
            }.get()
        }
        readNames()
        readEmail()
        readHome()
        readRolesAndLanguages()
        readNeeds()
        readJourneys()
        readSessions()
        readLogistics()
        readConsents()
        guard draft.problems.isEmpty else { return .invalid(draft.problems) }
        if let source { draft.appendYAML(source: source, zone: eventZone, to: &body) }
        return .person(
            Person(
                email: draft.email, name: draft.string(.name) ?? "", recordID: draft.recordID,
                submittedAt: draft.submittedAt, truncated: draft.truncated, notes: draft.notes))
    }

    // MARK: The record's answers

    /// The one walk over the record's fields: each mapped answer's normalised text goes to ``PersonDraft/text``
    /// (the first answer of a field wins, except an email that is none), each unmapped answer with text is counted.
    private mutating func readAnswers(
        _ batch: FormRecordBatch, _ entry: FormRecordBatch.Entry, _ all: UnsafeBufferPointer<UInt8>
    ) {
        for position in entry.fields {
            let field = batch.fields[position]
            let (mapped, plain) = resolve(number: field.path, paths: batch.paths)
            let raw = UnsafeBufferPointer(rebasing: all[field.start..<field.end])
            guard let personField = mapped else {
                if hasText(raw) { unmapped[plain, default: 0] += 1 }
                continue
            }
            if personField == .ignore { continue }
            if let held = draft[personField] {
                // Microsoft Forms exports the respondent's account (`anonymous`) in an `Email` column before the
                // form's own email question: an answer that is no email address gives way to a later one.
                guard personField == .email, Normalise.email(draft.string(held)) == nil, hasText(raw) else { continue }
            }
            draft[personField] = appendText(raw)
        }
    }

    /// The field of path number `number` and the path without repeat indexes, cached per number.
    private mutating func resolve(number: Int32, paths: [String]) -> (PersonField?, String) {
        let index = Int(number)
        if index < resolvedByNumber.count, let known = resolvedByNumber[index], known.path == paths[index] {
            return (known.field, known.plain)
        }
        while resolvedByNumber.count <= index { resolvedByNumber.append(nil) }
        let (field, plain) = field(paths[index])
        resolvedByNumber[index] = (paths[index], field, plain)
        return (field, plain)
    }

    /// The record's own id (`meta/instanceID`, cut to one line of text), else its number or row.
    private mutating func readRecordID(_ raw: UnsafeBufferPointer<UInt8>?, ordinal: Int) {
        guard let raw, let range = appendText(raw) else {
            draft.recordID = recordsAreRows ? "row \(draft.line)" : "record \(ordinal)"
            return
        }
        let id = draft.string(range)
        guard range.count > TextLimit.line.scalars, !TextLimit.line.admits(id) else {
            draft.recordID = id
            return
        }
        draft.recordID = Normalise.truncated(id, to: TextLimit.line.scalars)
        draft.noteCut(.recordID, length: id.unicodeScalars.count, kept: draft.recordID.unicodeScalars.count)
    }

    // MARK: Fields

    /// Given and family names, and the name: the answer, else the given and family names joined.
    private mutating func readNames() {
        if let given = draft[.givenName] { draft[.givenName] = draft.fitted(.givenName, given) }
        if let family = draft[.familyName] { draft[.familyName] = draft.fitted(.familyName, family) }
        if let name = draft[.name] {
            draft[.name] = draft.fitted(.name, name)
        } else if draft[.givenName] != nil || draft[.familyName] != nil {
            let start = draft.text.count
            if let given = draft[.givenName] { draft.appendCopy(of: given) }
            if let family = draft[.familyName] {
                if draft.text.count > start { draft.text.append(0x20) }
                draft.appendCopy(of: family)
            }
            draft[.name] = draft.fitted(.name, start..<draft.text.count)
        } else {
            draft.refuse(.name, expected: "a name (no name, given_name or family_name answer)")
        }
    }

    private mutating func readEmail() {
        guard let range = draft[.email] else {
            return draft.refuse(.email, expected: "an email address (none given; it tells people apart)")
        }
        if usesFastPaths, range.count <= TextLimit.email.scalars,
            let fast = draft.text.withUnsafeBufferPointer({
                Normalise.asciiEmail(bytes: UnsafeBufferPointer(rebasing: $0[range]))
            })
        {
            if fast.valid { draft.email = fast.email } else { refuseEmail() }
            return
        }
        let raw = draft.string(range)
        if !TextLimit.email.admits(raw) {
            draft.refuse(.email, expected: "an email address of at most \(TextLimit.email.scalars) characters")
        } else if let email = Normalise.email(raw) {
            draft.email = email
        } else {
            refuseEmail()
        }
    }

    private mutating func refuseEmail() { draft.refuse(.email, expected: "an email address such as name@example.org") }

    /// Organisation, city, country and home zone.
    private mutating func readHome() {
        if let range = draft[.organisation] { draft[.organisation] = draft.fitted(.organisation, range) }
        if let range = draft[.city] { draft[.city] = draft.fitted(.city, range) }
        if let range = draft[.country] {
            let fast = usesFastPaths ? AnswerBytes.countryCode(draft.text[range]) : nil
            if let code = fast ?? Normalise.country(draft.string(range)) {
                draft.country = code
            } else {
                draft.drop(.country, expected: "a country name (English or French) or an ISO 3166 code")
            }
        }
        if let identifier = draft.string(.timezone) {
            if Zone(identifier: identifier) != nil {
                draft.timezone = identifier
            } else {
                draft.drop(
                    .timezone,
                    expected: ZoneSuggestion.expectation(
                        for: identifier, city: draft.string(.city), country: draft.country))
            }
        }
    }

    private mutating func readRolesAndLanguages() {
        if let range = draft[.role] {
            if usesFastPaths, AnswerBytes.isLowercaseWord(draft.text[range]) {
                let word = draft.string(range)
                if let role = Role(rawValue: word) ?? Normalise.roleNames[word] {
                    draft.roles.append(role)
                } else {
                    dropRole()
                }
            } else {
                for item in Normalise.list(draft.string(range)) {
                    guard let role = Normalise.role(item) else {
                        dropRole()
                        continue
                    }
                    if !draft.roles.contains(role) { draft.roles.append(role) }
                }
            }
        }
        if let range = draft[.languages] {
            if usesFastPaths, AnswerBytes.isLowercaseWord(draft.text[range]) {
                if let known = language(draft.string(range)) { draft.languages.append(known) } else { dropLanguages() }
            } else {
                let (codes, unknown) = Normalise.languages(draft.string(range))
                draft.languages = codes
                if !unknown.isEmpty { dropLanguages() }
            }
        }
    }

    private mutating func dropRole() {
        draft.drop(
            .role, expected: "one of \(Role.allCases.map(\.rawValue).joined(separator: ", ")) (or a French name)")
    }

    private mutating func dropLanguages() {
        draft.drop(.languages, expected: "language codes or names such as en, fr, English, français")
    }

    /// The language a lower-case word names (``Normalise/languages(_:)`` of one item), cached.
    private mutating func language(_ word: String) -> Language? {
        if let cached = languageCache[word] { return cached }
        let known = (Normalise.languageNames[word] ?? (word.count <= 3 ? Language(word)?.code : nil))
            .flatMap(Language.init)
        if languageCache.count < 256 { languageCache[word] = known }
        return known
    }

    /// Dietary needs (in the shared vocabulary) and accessibility needs: lists, each item cut to one line.
    private mutating func readNeeds() {
        if let raw = draft.string(.dietary) {
            var items: [String] = []
            let spaces = spaceSeparatedLists && Normalise.isChoiceList(raw)
            for item in Normalise.list(raw, spaces: spaces) { items.append(draft.fitted(.dietary, item)) }
            draft.dietary = Normalise.dietary(items)
        }
        if let raw = draft.string(.accessibility) {
            for item in Normalise.list(raw, spaces: spaceSeparatedLists && Normalise.isChoiceList(raw)) {
                draft.accessibility.append(draft.fitted(.accessibility, item))
            }
        }
    }

    /// Arrival and departure times: an ISO date-time read from the bytes, anything else by the general reader.
    private mutating func readJourneys() {
        draft.arrival = journeyTime(.arrival)
        draft.departure = journeyTime(.departure)
        if let arrival = draft.arrival, let departure = draft.departure, departure < arrival {
            draft.departure = nil
            draft.drop(.departure, expected: "a departure after the arrival")
        }
    }

    private mutating func journeyTime(_ field: PersonField) -> Instant? {
        guard let range = draft[field] else { return nil }
        let read: Result<Instant, Normalise.InstantProblem>
        if let fast = fastDateTime(range) {
            read = fast
        } else if Normalise.isDateOnly(draft.string(range)) {
            // A date alone would become midnight, and a flight at midnight puts every session of the day after
            // the departure: the answer is dropped and said so.
            draft.drop(
                field,
                expected: "a date and a time of day, found a date only (a journey needs its time: ask for it in the "
                    + "form, or give it in people-overrides.yaml)")
            return nil
        } else {
            read = Normalise.instant(
                draft.string(range), zone: zone, serialDates1904: serialDates1904, dateOrder: dateOrder)
        }
        switch read {
        case .success(let instant): return instant
        case .failure(let problem):
            draft.drop(field, expected: problem.expectation)
            return nil
        }
    }

    /// Session sign-ups: known session ids separated by single spaces read as they are; anything else (titles,
    /// commas, unknown or overlong ids, which are noted) item by item.
    private mutating func readSessions() {
        guard let range = draft[.sessions] else { return }
        if usesFastPaths, readPlainSessionIDs(range) { return }
        draft.sessions.removeAll(keepingCapacity: true)
        for answer in sessionItems(draft.string(range)) {
            if answer.utf8.count > Self.maximumSessionIDBytes {
                draft.note(
                    .sessions,
                    "session ids of at most \(Self.maximumSessionIDBytes) bytes, found one of \(answer.utf8.count); "
                        + "sign-up dropped, the person kept")
                continue
            }
            var id = answer
            if let knownSessions {
                guard let known = knownSessions.resolve(answer) else {
                    draft.note(
                        .sessions,
                        "no session `\(Self.safeID(answer))` in this workspace; sign-up dropped, the person kept"
                            + knownSessions.hint(answer))
                    continue
                }
                id = known
            }
            if !draft.sessions.contains(id) { draft.sessions.append(id) }
        }
    }

    /// The fast path of ``readSessions()``: printable ASCII without commas or semicolons, each space-separated id
    /// known (or no sessions to check against) and short enough, the whole answer naming no session of its own.
    /// False, with some ids perhaps added, when the general path must read the answer.
    private mutating func readPlainSessionIDs(_ range: Range<Int>) -> Bool {
        guard AnswerBytes.isPlainList(draft.text[range]) else { return false }
        let spaced = draft.text[range].contains(0x20)
        if spaced, let knownSessions, knownSessions.resolve(draft.string(range)) != nil { return false }
        // Normalised text has single inner spaces: the ids are what lies between them.
        var start = range.lowerBound
        while start < range.upperBound {
            let end = draft.text[start..<range.upperBound].firstIndex(of: 0x20) ?? range.upperBound
            guard end - start <= Self.maximumSessionIDBytes else { return false }
            let id = draft.string(start..<end)
            if let knownSessions, !knownSessions.ids.contains(id) { return false }
            if !draft.sessions.contains(id) { draft.sessions.append(id) }
            start = end + 1
        }
        return true
    }

    /// Logistics: where and how each journey reaches the host city, and where the person sleeps. Rarer answers,
    /// matched against the workspace: the general functions read them.
    private mutating func readLogistics() {
        draft.arrivalPlace = place(.arrivalPlace)
        draft.departurePlace = place(.departurePlace)
        // Forms often ask one airport: people leave from where they landed unless they say otherwise.
        if draft.departurePlace == nil && draft.departure != nil { draft.departurePlace = draft.arrivalPlace }
        if let raw = draft.string(.arrivalNumber) {
            let number = draft.fitted(.arrivalNumber, raw)
            draft.arrivalNumber = Normalise.journeyNumber(number)
        }
        if let raw = draft.string(.departureNumber) {
            let number = draft.fitted(.departureNumber, raw)
            draft.departureNumber = Normalise.journeyNumber(number)
        }
        for (field, direction, time, place, number) in [
            (PersonField.arrivalPlace, "arrival", draft.arrival, draft.arrivalPlace, draft.arrivalNumber),
            (.departurePlace, "departure", draft.departure, draft.departurePlace, draft.departureNumber),
        ] where time == nil && (place != nil || number != nil) {
            draft.note(
                field, "a place or flight number without the \(direction) date-time; dropped (a journey needs its time)"
            )
        }
        if let raw = draft.string(.needsHotel) {
            if let answer = Normalise.leadingBool(raw) {
                draft.needsHotel = answer
            } else {
                draft.note(.needsHotel, "yes or no (oui/non); answer dropped, the person kept")
            }
        }
        if let raw = draft.string(.hotelPreference) { draft.hotelPreference = hotelPreference(raw) }
        if let range = draft[.localAddress] { draft[.localAddress] = draft.fitted(.localAddress, range) }
        if let range = draft[.emergencyContact] { draft[.emergencyContact] = draft.fitted(.emergencyContact, range) }
    }

    /// A transfer place's id, or the answer as written (an airport code in capitals), noted when the workspace has
    /// places and none is this one.
    private mutating func place(_ field: PersonField) -> String? {
        guard let raw = draft.string(field) else { return nil }
        let answer = draft.fitted(field, raw)
        if let id = places.resolve(answer) { return id }
        if !places.isEmpty {
            draft.note(
                field,
                "no transfer place `\(Self.safeID(answer))` in logistics.yaml; kept as written" + places.hint(answer))
        }
        let code = answer.count == 3 && answer.allSatisfy { $0.isASCII && $0.isLetter }
        return code ? answer.uppercased() : answer
    }

    /// A hotel of the workspace becomes its id; other text (`near the venue`) stays as written.
    private mutating func hotelPreference(_ raw: String) -> String {
        let answer = draft.fitted(.hotelPreference, raw)
        let preference = hotels.resolve(answer, prefixes: true) ?? answer
        if preference == answer, !hotels.isEmpty, hotels.resolve(answer) == nil,
            let near = nearest(to: answer, in: hotels.names.map(\.name))
        {
            draft.note(
                .hotelPreference,
                "no hotel `\(Self.safeID(answer))` in the workspace; kept as written (did you mean `\(near)`?)")
        }
        return preference
    }

    private mutating func readConsents() {
        if let range = draft[.consent] {
            if let answer = yesNo(range) {
                draft.shareContact = answer
            } else {
                draft.drop(.consent, expected: "yes or no (oui/non)")
            }
        }
        if let range = draft[.consentPhotos] {
            if let answer = yesNo(range) {
                draft.photos = answer
            } else {
                draft.drop(.consentPhotos, expected: "yes or no (oui/non)")
            }
        }
    }

    // MARK: Answers as bytes

    /// Appends ``Normalise/text(_:)`` of `raw` to the draft's text (byte by byte for the usual answers); nil when
    /// nothing is left.
    private mutating func appendText(_ raw: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        guard usesFastPaths else {
            return Normalise.text(String(decoding: raw, as: UTF8.self)).flatMap { draft.append($0) }
        }
        return AnswerBytes.appendText(raw, to: &draft.text)
    }

    /// Whether ``Normalise/text(_:)`` of `raw` would leave anything.
    private func hasText(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        usesFastPaths
            ? AnswerBytes.hasText(raw) : Normalise.text(String(decoding: raw, as: UTF8.self)) != nil
    }

    /// ``Normalise/instant(_:zone:serialDates1904:)`` of an answer's bytes.
    private func instant(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Instant, Normalise.InstantProblem> {
        if usesFastPaths, let (local, offset) = Normalise.asciiDateTime(bytes: bytes) {
            return Normalise.resolve(local, offset: offset, zone: zone)
        }
        return Normalise.instant(
            String(decoding: bytes, as: UTF8.self), zone: zone, serialDates1904: serialDates1904, dateOrder: dateOrder)
    }

    /// An ISO date-time answer read from its bytes; nil for any other answer (or without fast paths).
    private func fastDateTime(_ range: Range<Int>) -> Result<Instant, Normalise.InstantProblem>? {
        guard usesFastPaths,
            let (local, offset) = draft.text.withUnsafeBufferPointer({
                Normalise.asciiDateTime(bytes: UnsafeBufferPointer(rebasing: $0[range]))
            })
        else { return nil }
        return Normalise.resolve(local, offset: offset, zone: zone)
    }

    /// ``Normalise/bool(_:)`` of an answer, `yes` and `no` read from the bytes.
    private func yesNo(_ range: Range<Int>) -> Bool? {
        if usesFastPaths, let answer = AnswerBytes.yesNo(draft.text[range]) { return answer }
        return Normalise.bool(draft.string(range))
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
