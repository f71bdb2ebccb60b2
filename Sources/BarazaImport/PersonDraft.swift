import BarazaModel

/// One record's person as ``RecordNormaliser/person(_:_:ordinal:render:zone:into:)`` builds it. The normaliser keeps
/// one and reuses it from record to record, so its buffers keep their capacity: free-text answers are ranges of
/// ``text`` (normalised, and cut to their field's limit) rather than strings of their own.
struct PersonDraft {
    /// The normalised answers' UTF-8 bytes, back to back.
    var text: [UInt8] = []
    /// Each field's answer in ``text``, by ``PersonField/slot``. After the record loop, the free-text fields'
    /// ranges are their final values (`name` included, joined from the given and family names when needed).
    var answers = [Range<Int>?](repeating: nil, count: PersonField.allCases.count)
    var email = ""
    var country: String?
    var timezone: String?
    var roles: [Role] = []
    var languages: [Language] = []
    var dietary: [String] = []
    var accessibility: [String] = []
    var arrival: Instant?
    var departure: Instant?
    var arrivalPlace: String?
    var arrivalNumber: String?
    var departurePlace: String?
    var departureNumber: String?
    var needsHotel: Bool?
    var hotelPreference: String?
    var sessions: [String] = []
    var shareContact = false
    var photos = false
    var submittedAt: Instant?
    var recordID = ""
    /// What makes the record invalid (no person then).
    var problems: [BadRecord] = []
    /// The answers cut to their field's limit (``RegistrationReport/truncated``).
    var truncated: [BadRecord] = []
    /// Answers dropped or doubted while the record is kept (``RegistrationReport/droppedAnswers``).
    var notes: [BadRecord] = []
    /// The export's path as reports name it, and the record's line in it.
    let displayPath: String
    var line = 0

    init(displayPath: String) { self.displayPath = displayPath }

    /// Empties the draft for the record at `line`, keeping its buffers' capacity.
    mutating func start(line: Int) {
        self.line = line
        text.removeAll(keepingCapacity: true)
        for slot in answers.indices { answers[slot] = nil }
        email = ""
        (country, timezone) = (nil, nil)
        roles.removeAll(keepingCapacity: true)
        languages.removeAll(keepingCapacity: true)
        (dietary, accessibility) = ([], [])
        (arrival, departure) = (nil, nil)
        (arrivalPlace, arrivalNumber, departurePlace, departureNumber) = (nil, nil, nil, nil)
        (needsHotel, hotelPreference) = (nil, nil)
        sessions.removeAll(keepingCapacity: true)
        (shareContact, photos, submittedAt) = (false, false, nil)
        recordID = ""
        (problems, truncated, notes) = ([], [], [])
    }

    subscript(_ field: PersonField) -> Range<Int>? {
        get { answers[field.slot] }
        set { answers[field.slot] = newValue }
    }

    /// The text of a range of ``text``.
    func string(_ range: Range<Int>) -> String { String(decoding: text[range], as: UTF8.self) }

    /// The answer of `field` as a string, if any.
    func string(_ field: PersonField) -> String? { self[field].map(string) }

    /// Appends `value`'s bytes to ``text``; nil when it is empty.
    mutating func append(_ value: String) -> Range<Int>? {
        let start = text.count
        text.append(contentsOf: value.utf8)
        return text.count > start ? start..<text.count : nil
    }

    /// Appends a copy of the bytes of `range`.
    mutating func appendCopy(of range: Range<Int>) {
        for index in range { text.append(text[index]) }
    }

    // MARK: Limits and reports

    /// `range` cut to one line of text (appended again, cut, when it is longer), the cut noted under `field`.
    /// An answer no longer in bytes than the limit in scalars fits: every scalar takes a byte at least.
    mutating func fitted(_ field: PersonField, _ range: Range<Int>) -> Range<Int> {
        guard range.count > TextLimit.line.scalars else { return range }
        return append(fitted(field, string(range))) ?? range.lowerBound..<range.lowerBound
    }

    /// `value` cut to one line of text, the cut noted under `field`.
    mutating func fitted(_ field: PersonField, _ value: String) -> String {
        guard value.utf8.count > TextLimit.line.scalars, !TextLimit.line.admits(value) else { return value }
        let cut = Normalise.truncated(value, to: TextLimit.line.scalars)
        noteCut(field, length: value.unicodeScalars.count, kept: cut.unicodeScalars.count)
        return cut
    }

    mutating func noteCut(_ field: PersonField, length: Int, kept: Int) {
        truncated.append(
            report(
                field,
                "\(length) characters, more than the \(TextLimit.line.scalars) allowed (\(TextLimit.line.kind)); "
                    + "kept the first \(kept)"))
    }

    /// A problem that makes the record invalid.
    mutating func refuse(_ field: PersonField, expected: String) { problems.append(report(field, expected)) }

    /// An answer dropped or doubted, the person kept.
    mutating func note(_ field: PersonField, _ reason: String) { notes.append(report(field, reason)) }

    /// An answer that does not read as its field expects: dropped, and the person kept.
    mutating func drop(_ field: PersonField, expected: String) {
        note(field, "expected \(expected); answer dropped, the person kept")
    }

    private func report(_ field: PersonField, _ reason: String) -> BadRecord {
        BadRecord(location: "\(displayPath):\(line)", record: recordID, field: field.rawValue, reason: reason)
    }
}
