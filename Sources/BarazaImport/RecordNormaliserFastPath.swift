import BarazaModel
import BarazaXML

/// A valid record as the fast path reads it: what the ledger needs.
struct FastPerson {
    var email: String
    /// The name, for the person's id.
    var name: String
    var recordID: String
    var submittedAt: Instant?
}

extension RecordNormaliser {
    /// ``person(_:ordinal:)`` followed by ``RegistrationImport/appendBody(_:source:zone:to:)`` (into `body`, when
    /// there is a `source` to name) for record `index` of `batch`, read from the batch's bytes without building
    /// the record's strings: the usual answers (plain or accented text, ASCII emails, codes, ISO date-times,
    /// session ids, yes/no) are handled here, anything else by the general functions on that one answer. Nil when
    /// the record is invalid, for the general path to report exactly why; nothing (unmapped columns included) is
    /// then counted, and nothing is appended to `body`.
    ///
    /// A test compares this path with the general one on generated records; every figure it gives must be theirs.
    mutating func fastPerson(
        _ batch: FormRecordBatch, _ index: Int, ordinal: Int, render source: String?, zone eventZone: Zone,
        into body: inout [UInt8]
    ) -> FastPerson? {
        batch.bytes.withUnsafeBufferPointer { all in
            fastPerson(
                batch, batch.entries[index], bytes: all, ordinal: ordinal, render: source, zone: eventZone, into: &body)
        }
    }

    private mutating func fastPerson(
        _ batch: FormRecordBatch, _ entry: FormRecordBatch.Entry, bytes all: UnsafeBufferPointer<UInt8>,
        ordinal: Int, render source: String?, zone eventZone: Zone, into body: inout [UInt8]
    ) -> FastPerson? {
        scratch.removeAll(keepingCapacity: true)
        for slot in slots.indices { slots[slot] = nil }
        pendingUnmapped.removeAll(keepingCapacity: true)
        for position in entry.fields {
            let field = batch.fields[position]
            let (mapped, _) = resolve(number: field.path, paths: batch.paths)
            let raw = UnsafeBufferPointer(rebasing: all[field.start..<field.end])
            guard let personField = mapped else {
                if Self.hasText(raw) { pendingUnmapped.append(field.path) }
                continue
            }
            if personField == .ignore || slots[personField.slot] != nil { continue }
            guard let range = appendText(raw) else { continue }
            slots[personField.slot] = range
        }

        // Logistics answers (places, flight numbers, hotel, addresses) are rarer and matched against the
        // workspace: the general path reads them.
        for field in Self.generalOnly where slots[field.slot] != nil { return nil }
        // Name: the answer, else given and family names joined.
        let name: Range<Int>
        if let whole = slots[PersonField.name.slot] {
            name = whole
        } else if slots[PersonField.givenName.slot] != nil || slots[PersonField.familyName.slot] != nil {
            let start = scratch.count
            if let given = slots[PersonField.givenName.slot] { scratch.append(contentsOf: scratch[given]) }
            if let family = slots[PersonField.familyName.slot] {
                if scratch.count > start { scratch.append(0x20) }
                scratch.append(contentsOf: scratch[family])
            }
            name = start..<scratch.count
        } else {
            return nil
        }
        // An answer that may be longer than its field allows goes to the general path, which cuts it (or refuses
        // an email) and reports it. Every scalar takes a byte at least, so an answer that fits in bytes fits.
        if name.count > TextLimit.line.scalars { return nil }
        for range in slots where (range?.count ?? 0) > TextLimit.line.scalars { return nil }
        guard let emailRange = slots[PersonField.email.slot], emailRange.count <= TextLimit.email.scalars else {
            return nil
        }
        let email: String
        if let fast = scratch.withUnsafeBufferPointer({
            Normalise.asciiEmail(bytes: UnsafeBufferPointer(rebasing: $0[emailRange]))
        }) {
            guard fast.valid else { return nil }
            email = fast.email
        } else {
            guard let general = Normalise.email(text(emailRange)) else { return nil }
            email = general
        }
        var country: String?
        if let range = slots[PersonField.country.slot] {
            let letters = scratch[range]
            if letters.count == 2 && letters.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) {
                let code = String(decoding: letters.map { $0 & ~0x20 }, as: UTF8.self)
                guard CountryNames.codes.contains(code) else { return nil }
                country = code
            } else {
                guard let code = Normalise.country(text(range)) else { return nil }
                country = code
            }
        }
        var timezone: String?
        if let range = slots[PersonField.timezone.slot] {
            let identifier = text(range)
            guard Zone(identifier: identifier) != nil else { return nil }
            timezone = identifier
        }
        roleScratch.removeAll(keepingCapacity: true)
        if let range = slots[PersonField.role.slot] {
            if Self.isLowercaseWord(scratch[range]) {
                let word = text(range)
                guard let role = Role(rawValue: word) ?? Normalise.roleNames[word] else { return nil }
                roleScratch.append(role)
            } else {
                for item in Normalise.list(text(range)) {
                    guard let role = Normalise.role(item) else { return nil }
                    if !roleScratch.contains(role) { roleScratch.append(role) }
                }
            }
        }
        languageScratch.removeAll(keepingCapacity: true)
        if let range = slots[PersonField.languages.slot] {
            if Self.isLowercaseWord(scratch[range]) {
                let key = text(range)
                let known: Language?
                if let cached = languageCache[key] {
                    known = cached
                } else {
                    known = (Normalise.languageNames[key] ?? (key.count <= 3 ? Language(key)?.code : nil))
                        .flatMap(Language.init)
                    if languageCache.count < 256 { languageCache[key] = known }
                }
                guard let known else { return nil }
                languageScratch.append(known)
            } else {
                let (codes, unknown) = Normalise.languages(text(range))
                guard unknown.isEmpty else { return nil }
                languageScratch = codes
            }
        }
        let dietary = slots[PersonField.dietary.slot].map {
            Normalise.dietary(Normalise.list(text($0), spaces: spaceSeparatedLists))
        }
        let accessibility = slots[PersonField.accessibility.slot].map {
            Normalise.list(text($0), spaces: spaceSeparatedLists)
        }
        // Journeys: ISO date-times only here; serial numbers and dates without a time go to the general path.
        var arrival: Instant?
        if let range = slots[PersonField.arrival.slot] {
            guard isDateTime(range), case .success(let instant) = instant(scratch: range) else { return nil }
            arrival = instant
        }
        var departure: Instant?
        if let range = slots[PersonField.departure.slot] {
            guard isDateTime(range), case .success(let instant) = instant(scratch: range) else { return nil }
            departure = instant
        }
        if let arrival, let departure, departure < arrival { return nil }
        sessionScratch.removeAll(keepingCapacity: true)
        if let range = slots[PersonField.sessions.slot] {
            let ids = scratch[range]
            let simple = ids.allSatisfy {
                $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: ";")
            }
            // Normalised text has single inner spaces: the ids are what lies between them.
            func add(_ id: String) -> Bool {
                if id.utf8.count > RecordNormaliser.maximumSessionIDBytes { return false }
                if let knownSessions, !knownSessions.ids.contains(id) { return false }
                if !sessionScratch.contains(id) { sessionScratch.append(id) }
                return true
            }
            if simple {
                var start = range.lowerBound
                for position in range where scratch[position] == 0x20 {
                    guard add(text(start..<position)) else { return nil }
                    start = position + 1
                }
                guard add(text(start..<range.upperBound)) else { return nil }
            } else {
                for id in Normalise.list(text(range)) { guard add(id) else { return nil } }
            }
        }
        var shareContact = false
        if let range = slots[PersonField.consent.slot] {
            guard let answer = yesNo(range) else { return nil }
            shareContact = answer
        }
        var photos = false
        if let range = slots[PersonField.consentPhotos.slot] {
            guard let answer = yesNo(range) else { return nil }
            photos = answer
        }
        var submittedAt: Instant?
        if let raw = entry.submittedAt {
            let bytes = UnsafeBufferPointer(rebasing: all[raw])
            if let (local, offset) = Normalise.asciiDateTime(bytes: bytes) {
                if case .success(let instant) = Normalise.resolve(local, offset: offset, zone: zone) {
                    submittedAt = instant
                }
            } else if case .success(let instant) = Normalise.instant(
                String(decoding: bytes, as: UTF8.self), zone: zone, serialDates1904: serialDates1904)
            {
                submittedAt = instant
            }
        } else if let range = slots[PersonField.submittedAt.slot], case .success(let instant) = instant(scratch: range)
        {
            submittedAt = instant
        }
        var recordID: String?
        if let raw = entry.recordID {
            let start = scratch.count
            if appendText(UnsafeBufferPointer(rebasing: all[raw])) != nil { recordID = text(start..<scratch.count) }
            if scratch.count - start > TextLimit.line.scalars { return nil }
        }
        let id = recordID ?? (spaceSeparatedLists ? "record \(ordinal)" : "row \(entry.line)")

        // Valid: the unmapped answers count, and the person is written as appendBody writes it.
        for number in pendingUnmapped { unmapped[resolvedByNumber[Int(number)]!.1, default: 0] += 1 }
        guard let source else {
            return FastPerson(email: email, name: text(name), recordID: id, submittedAt: submittedAt)
        }
        scratch.withUnsafeBufferPointer { s in
            func quoted(_ key: StaticString, _ range: Range<Int>?) {
                guard let range else { return }
                YAMLText.append(key, to: &body)
                YAMLText.appendQuoted(bytes: UnsafeBufferPointer(rebasing: s[range]), to: &body)
                body.append(0x0A)
            }
            func list(_ key: StaticString, _ items: [String]?) {
                guard let items, !items.isEmpty else { return }
                YAMLText.append(key, to: &body)
                YAMLText.appendList(items, to: &body)
                body.append(0x0A)
            }
            quoted("    name: ", name)
            quoted("    given_name: ", slots[PersonField.givenName.slot])
            quoted("    family_name: ", slots[PersonField.familyName.slot])
            YAMLText.append("    email: ", to: &body)
            YAMLText.appendQuoted(email, to: &body)
            body.append(0x0A)
            quoted("    organisation: ", slots[PersonField.organisation.slot])
            quoted("    city: ", slots[PersonField.city.slot])
            if let country {
                YAMLText.append("    country: ", to: &body)
                YAMLText.append(plain: country, to: &body)
                body.append(0x0A)
            }
            if let timezone {
                YAMLText.append("    timezone: ", to: &body)
                YAMLText.append(plain: timezone, to: &body)
                body.append(0x0A)
            }
            /// Codes as a flow list, unquoted (they are letters).
            func codes(_ key: StaticString, _ items: some Collection<String>) {
                guard !items.isEmpty else { return }
                YAMLText.append(key, to: &body)
                for (i, item) in items.enumerated() {
                    YAMLText.append(i == 0 ? "[" : ", ", to: &body)
                    YAMLText.append(plain: item, to: &body)
                }
                YAMLText.append("]\n", to: &body)
            }
            codes("    languages: ", languageScratch.lazy.map(\.code))
            codes("    roles: ", roleScratch.lazy.map(\.rawValue))
            if arrival != nil || departure != nil {
                YAMLText.append("    journeys:\n", to: &body)
                if let arrival {
                    YAMLText.append("      - { direction: arrival, time: \"", to: &body)
                    Normalise.appendWallText(arrival, zone: eventZone, to: &body)
                    YAMLText.append("\" }\n", to: &body)
                }
                if let departure {
                    YAMLText.append("      - { direction: departure, time: \"", to: &body)
                    Normalise.appendWallText(departure, zone: eventZone, to: &body)
                    YAMLText.append("\" }\n", to: &body)
                }
            }
            list("    dietary: ", dietary)
            list("    accessibility: ", accessibility)
            YAMLText.append("    consent: { share_contact: ", to: &body)
            YAMLText.append(shareContact ? "true" : "false", to: &body)
            YAMLText.append(", photos: ", to: &body)
            YAMLText.append(photos ? "true" : "false", to: &body)
            YAMLText.append(" }\n", to: &body)
            list("    sessions: ", sessionScratch)
            YAMLText.append("    source: { file: ", to: &body)
            YAMLText.appendQuoted(source, to: &body)
            YAMLText.append(", record: ", to: &body)
            YAMLText.appendQuoted(id, to: &body)
            YAMLText.append(" }\n", to: &body)
        }
        return FastPerson(email: email, name: text(name), recordID: id, submittedAt: submittedAt)
    }

    /// Fields the fast path leaves to the general one.
    static let generalOnly: [PersonField] = [
        .arrivalPlace, .arrivalNumber, .departurePlace, .departureNumber, .needsHotel, .hotelPreference,
        .localAddress, .emergencyContact,
    ]

    /// The field of path number `number` and the path without repeat indexes, cached per number.
    private mutating func resolve(number: Int32, paths: [String]) -> (PersonField?, String) {
        let index = Int(number)
        if index < resolvedByNumber.count, let known = resolvedByNumber[index] { return known }
        while resolvedByNumber.count <= index { resolvedByNumber.append(nil) }
        let resolved = field(paths[index])
        resolvedByNumber[index] = resolved
        return resolved
    }

    /// Appends ``Normalise/text(_:)`` of `raw` to `scratch`. Text that is already normal (no space or control at
    /// the ends, single ASCII spaces inside, and only characters `text` leaves as they are: below U+0300 or Arabic
    /// letters) is copied whole; other ASCII has its runs of spaces and controls made one space and its ends
    /// trimmed, byte by byte; anything else goes through `text` itself. Nil when nothing is left.
    private mutating func appendText(_ raw: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        let start = scratch.count
        switch Self.shape(raw) {
        case .normal:
            scratch.append(contentsOf: raw)
        case .ascii:
            var pendingSpace = false
            for byte in raw {
                if byte <= 0x20 || byte == 0x7F {
                    pendingSpace = scratch.count > start
                } else {
                    if pendingSpace { scratch.append(0x20) }
                    pendingSpace = false
                    scratch.append(byte)
                }
            }
        case .other:
            if let text = Normalise.text(String(decoding: raw, as: UTF8.self)) { scratch.append(contentsOf: text.utf8) }
        }
        return scratch.count > start ? start..<scratch.count : nil
    }

    private enum Shape { case normal, ascii, other }

    /// How ``appendText(_:)`` treats valid UTF-8 `raw`.
    private static func shape(_ raw: UnsafeBufferPointer<UInt8>) -> Shape {
        var normal = !raw.isEmpty
        var ascii = true
        var previousWasSpace = true
        var index = 0
        while index < raw.count {
            while index + 8 <= raw.count, isPlainWord(raw, at: index) {
                index += 8
                previousWasSpace = false
            }
            guard index < raw.count else { break }
            let byte = raw[index]
            if byte < 0x80 {
                let space = byte <= 0x20 || byte == 0x7F
                if space && (byte != 0x20 || previousWasSpace) { normal = false }
                previousWasSpace = space
                index += 1
                continue
            }
            ascii = false
            // Decode one scalar (the bytes are valid UTF-8).
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for next in 1..<length { value = value << 6 | UInt32(raw[index + next] & 0x3F) }
            index += length
            previousWasSpace = false
            if value < 0x300 {
                // Latin-1 and Latin Extended: NFC as they are; only C1 controls and U+00A0 are spaces or controls.
                if value <= 0xA0 { return .other }
            } else if value >= 0x600 && value <= 0x6FF,
                Unicode.Scalar(value)!.properties.canonicalCombiningClass == .notReordered
            {
                // Arabic letters: NFC as they are, and neither spaces nor controls.
            } else {
                return .other
            }
        }
        if previousWasSpace { normal = false }
        return normal ? .normal : ascii ? .ascii : .other
    }

    /// Whether ``Normalise/text(_:)`` of `raw` would leave anything.
    private static func hasText(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        if raw.contains(where: { $0 > 0x20 && $0 < 0x7F }) { return true }
        guard raw.contains(where: { $0 >= 0x80 }) else { return false }
        return Normalise.text(String(decoding: raw, as: UTF8.self)) != nil
    }

    /// Whether the eight bytes at `index` are all printable ASCII other than space (0x21–0x7E), tested at once.
    @inline(__always) private static func isPlainWord(_ raw: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let word = UnsafeRawPointer(raw.baseAddress! + index).loadUnaligned(as: UInt64.self)
        let high: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        // No byte with the high bit, none below 0x21, none equal to 0x7F (a zero byte after xor).
        let del = word ^ (ones &* 0x7F)
        return word & high == 0 && (word &- ones &* 0x21) & ~word & high == 0 && (del &- ones) & ~del & high == 0
    }

    /// Lower-case ASCII letters only: such a word is its own ``Normalise/key(_:)`` and its own list.
    private static func isLowercaseWord(_ bytes: ArraySlice<UInt8>) -> Bool {
        !bytes.isEmpty && bytes.allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
    }

    private func text(_ range: Range<Int>) -> String { String(decoding: scratch[range], as: UTF8.self) }

    private func instant(scratch range: Range<Int>) -> Result<Instant, Normalise.InstantProblem> {
        if let (local, offset) = scratch.withUnsafeBufferPointer({
            Normalise.asciiDateTime(bytes: UnsafeBufferPointer(rebasing: $0[range]))
        }) {
            return Normalise.resolve(local, offset: offset, zone: zone)
        }
        return Normalise.instant(text(range), zone: zone, serialDates1904: serialDates1904)
    }

    private func isDateTime(_ range: Range<Int>) -> Bool {
        scratch.withUnsafeBufferPointer {
            Normalise.asciiDateTime(bytes: UnsafeBufferPointer(rebasing: $0[range])) != nil
        }
    }

    private func yesNo(_ range: Range<Int>) -> Bool? {
        switch scratch[range] {
        case [0x79, 0x65, 0x73]: true  // yes
        case [0x6E, 0x6F]: false  // no
        default: Normalise.bool(text(range))
        }
    }
}
