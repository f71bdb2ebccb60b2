import BarazaModel
import BarazaXML
import Foundation

/// Normalisation of untrusted form values: trimming, Unicode NFC, emails, countries, languages, instants.
public enum Normalise {
    /// Trimmed, inner whitespace runs collapsed to one space, control characters dropped, Unicode NFC; nil when
    /// nothing is left.
    public static func text(_ raw: String) -> String? {
        // Fast path: printable ASCII with single inner spaces is already normal (ASCII is NFC).
        var clean = true
        var previousWasSpace = true
        for byte in raw.utf8 {
            if byte >= 0x80 || byte < 0x20 || byte == 0x7F || (byte == 0x20 && previousWasSpace) {
                clean = false
                break
            }
            previousWasSpace = byte == 0x20
        }
        if clean && !previousWasSpace { return raw }
        let quickNFC = isQuickNFC(raw)
        // Second fast path: already NFC, and its only spaces or controls are single inner ASCII spaces (most
        // names with accents or in Arabic): nothing to change, so nothing to rebuild.
        if quickNFC {
            var unchanged = true
            var previousWasSpace = true
            for scalar in raw.unicodeScalars {
                let space = isSpaceOrControl(scalar)
                if space && (scalar != " " || previousWasSpace) {
                    unchanged = false
                    break
                }
                previousWasSpace = space
            }
            if unchanged && !previousWasSpace { return raw }
        }
        return generalText(raw, isNFC: quickNFC)
    }

    /// `text` without its fast paths: NFC, then spaces and controls trimmed and collapsed, scalar by scalar.
    /// `isNFC` is `isQuickNFC(raw)` when the caller already knows it.
    static func generalText(_ raw: String, isNFC: Bool? = nil) -> String? {
        let nfc = isNFC ?? isQuickNFC(raw) ? raw : raw.precomposedStringWithCanonicalMapping
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in nfc.unicodeScalars {
            if isSpaceOrControl(scalar) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return out.isEmpty ? nil : String(out)
    }

    /// Normalised `text` (see ``text(_:)``) cut to at most `limit` Unicode scalars: whole characters (grapheme
    /// clusters) only, so no accent is torn from its letter nor an emoji sequence split, unless the first character
    /// alone is longer (then whole scalars); a space left at the end is dropped, and the result is NFC. Costs
    /// `limit`, not the text's length.
    public static func truncated(_ text: String, to limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        var used = 0
        var end = text.startIndex
        while end < text.endIndex {
            let next = text.index(after: end)
            let scalars = text.unicodeScalars[end..<next].count
            if used + scalars > limit { break }
            used += scalars
            end = next
        }
        if end == text.endIndex { return text }
        var cut =
            end == text.startIndex
            ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(limit))) : String(text[..<end])
        while cut.utf8.last == 0x20 { cut.removeLast() }
        // A prefix of NFC text cut between characters is NFC; the general form is kept for text that was not.
        return isQuickNFC(cut) ? cut : cut.precomposedStringWithCanonicalMapping
    }

    /// White space, control characters and the byte-order mark: what `text` trims and collapses.
    @inline(__always) static func isSpaceOrControl(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value <= 0x20 || scalar.value == 0x7F }
        return scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
            || scalar.properties.generalCategory == .format && scalar.value == 0xFEFF
    }

    /// Whether `raw` is NFC by the Unicode quick check restricted to scalars where it is certain: everything below
    /// U+0300 (ASCII, Latin-1, Latin Extended, IPA, spacing modifiers: all NFC_QC=Yes, combining class 0) and the
    /// Arabic block's letters of combining class 0 (its only NFC_QC=Maybe scalars, U+0653–U+0655, are marks). A
    /// string of such scalars has nothing to compose or reorder; any other scalar sends it to Foundation.
    static func isQuickNFC(_ raw: String) -> Bool {
        for scalar in raw.unicodeScalars where scalar.value >= 0x300 {
            guard (0x600...0x6FF).contains(scalar.value),
                scalar.properties.canonicalCombiningClass == .notReordered
            else { return false }
        }
        return true
    }

    /// A key for matching names loosely: lower case, accents and punctuation removed (`Adresse e-mail` →
    /// `adresseemail`, `Prénom` → `prenom`).
    public static func key(_ raw: String) -> String {
        if !raw.utf8.contains(where: { $0 >= 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(raw.utf8.count)
            for byte in raw.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): bytes.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
                default: break
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        let folded = raw.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        return String(
            String.UnicodeScalarView(folded.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) })
        )
        .lowercased()
    }

    /// A lower-cased email address, or nil when `raw` is not one (one `@`, a dotted domain, no spaces).
    public static func email(_ raw: String) -> String? {
        if let fast = asciiEmail(raw) { return fast.valid ? fast.email : nil }
        return generalEmail(raw)
    }

    /// `email(_:)` for any text (the reference for ``asciiEmail(_:)``).
    static func generalEmail(_ raw: String) -> String? {
        guard let text = text(raw)?.lowercased() else { return nil }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].count >= 3, !text.utf8.contains(UInt8(ascii: " ")),
            let dot = parts[1].lastIndex(of: "."), dot != parts[1].startIndex,
            parts[1].index(after: dot) != parts[1].endIndex, !parts[1].hasPrefix("."), !parts[1].contains("..")
        else { return nil }
        return text
    }

    /// `email(_:)` for printable ASCII without spaces (the usual answer), byte by byte; nil when `raw` is not such
    /// text and the general path must decide.
    static func asciiEmail(_ raw: String) -> (valid: Bool, email: String)? {
        var raw = raw
        return raw.withUTF8 { asciiEmail(bytes: $0) }
    }

    /// ``asciiEmail(_:)`` on UTF-8 bytes.
    static func asciiEmail(bytes b: UnsafeBufferPointer<UInt8>) -> (valid: Bool, email: String)? {
        var at = -1
        for (i, byte) in b.enumerated() {
            guard byte > 0x20 && byte < 0x7F else { return nil }
            if byte == UInt8(ascii: "@") { at = at == -1 ? i : -2 }
        }
        let lowered = String(
            unsafeUninitializedCapacity: b.count,
            initializingUTF8With: { out in
                for i in 0..<b.count {
                    let byte = b[i]
                    out[i] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                }
                return b.count
            })
        // One `@`, a non-empty local part, a domain of 3+ characters with an inner dot, no leading or double dot.
        guard at > 0 else { return (false, lowered) }
        let domain = UnsafeBufferPointer(rebasing: b[(at + 1)...])
        guard domain.count >= 3, domain[0] != UInt8(ascii: "."),
            let dot = domain.lastIndex(of: UInt8(ascii: ".")), dot != 0, dot != domain.count - 1
        else { return (false, lowered) }
        for i in 1..<domain.count where domain[i] == UInt8(ascii: ".") && domain[i - 1] == UInt8(ascii: ".") {
            return (false, lowered)
        }
        return (true, lowered)
    }

    /// An ISO 3166-1 alpha-2 code from a code or a country name in English or French, nil when unknown.
    public static func country(_ raw: String) -> String? {
        guard let text = text(raw) else { return nil }
        if text.count == 2, text.allSatisfy({ $0.isASCII && $0.isLetter }) {
            let code = text.uppercased()
            return CountryNames.codes.contains(code) ? code : nil
        }
        return CountryNames.byKey[key(text)]
    }

    /// Language codes from codes or names (`en fr`, `English, Français`, `anglais; arabe`).
    /// Unknown items are returned in `unknown`.
    public static func languages(_ raw: String) -> (codes: [Language], unknown: [String]) {
        var codes: [Language] = []
        var unknown: [String] = []
        for item in list(raw) {
            let k = key(item)
            if let code = languageNames[k] ?? (k.count <= 3 ? Language(k)?.code : nil), let language = Language(code) {
                if !codes.contains(language) { codes.append(language) }
            } else {
                unknown.append(item)
            }
        }
        return (codes, unknown)
    }

    static let languageNames: [String: String] = [
        "english": "en", "anglais": "en", "french": "fr", "francais": "fr", "arabic": "ar", "arabe": "ar",
        "portuguese": "pt", "portugais": "pt", "spanish": "es", "espagnol": "es", "swahili": "sw", "kiswahili": "sw",
        "kinyarwanda": "rw", "wolof": "wo", "hausa": "ha", "haoussa": "ha", "yoruba": "yo", "bambara": "bm",
        "fula": "ff", "peul": "ff", "german": "de", "allemand": "de", "italian": "it", "italien": "it",
        "amharic": "am", "amharique": "am", "zulu": "zu", "lingala": "ln", "fon": "fon", "twi": "tw",
    ]

    /// Items of a multi-valued answer: split on commas or semicolons when there are any, else on spaces
    /// (ODK select_multiple) when `spaces` is true, trimmed, empty items dropped.
    public static func list(_ raw: String, spaces: Bool = true) -> [String] {
        if let fast = asciiList(raw, spaces: spaces) { return fast }
        return generalList(raw, spaces: spaces)
    }

    /// `list(_:spaces:)` for any text (the reference for ``asciiList(_:spaces:)``).
    static func generalList(_ raw: String, spaces: Bool) -> [String] {
        let separators: Set<Character> =
            raw.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ";") })
            ? [",", ";"] : spaces ? [" ", "\t", "\n"] : []
        return raw.split(whereSeparator: { separators.contains($0) }).compactMap { text(String($0)) }
    }

    /// Whether an answer reads as an XLSForm `select_multiple` answer: choice names between spaces (`halal vegan`,
    /// `lactose_free`), each lower-case ASCII letters, digits, `_`, `-` or `.`. Free text (`Allergie aux
    /// arachides`) does not, and is not split on its spaces.
    static func isChoiceList(_ raw: String) -> Bool {
        raw.utf8.allSatisfy { byte in
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte == 0x2D
                || byte == 0x2E || byte == 0x20 || byte == 0x09 || byte == 0x0A
        }
    }

    /// `list(_:spaces:)` for printable ASCII (no control characters, so splitting bytes equals splitting
    /// characters): items trimmed and inner space runs collapsed, as ``text(_:)`` does. Nil for other text.
    static func asciiList(_ raw: String, spaces: Bool) -> [String]? {
        var raw = raw
        return raw.withUTF8 { b -> [String]? in
            var commas = false
            for byte in b {
                guard byte >= 0x20 && byte < 0x7F else { return nil }
                if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") { commas = true }
            }
            var items: [String] = []
            var item: [UInt8] = []
            func finish() {
                while item.last == 0x20 { item.removeLast() }
                if !item.isEmpty { items.append(String(decoding: item, as: UTF8.self)) }
                item.removeAll(keepingCapacity: true)
            }
            for byte in b {
                let separates =
                    commas ? byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") : spaces && byte == 0x20
                if separates {
                    finish()
                } else if byte == 0x20 {
                    if let last = item.last, last != 0x20 { item.append(byte) }
                } else {
                    item.append(byte)
                }
            }
            finish()
            return items
        }
    }

    /// Yes/no answers in English and French, spreadsheet booleans included.
    public static func bool(_ raw: String) -> Bool? {
        switch key(raw) {
        case "yes", "y", "oui", "o", "true", "vrai", "1", "agree", "jaccepte", "accepte", "iagree", "consent": true
        case "no", "n", "non", "false", "faux", "0", "disagree", "refuse": false
        default: nil
        }
    }

    /// A yes/no answer that may say more after its first word (`Oui, à l'hôtel du bloc`, `No - I live in Kigali`).
    public static func leadingBool(_ raw: String) -> Bool? {
        if let whole = bool(raw) { return whole }
        let first = raw.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).first.map(String.init) ?? ""
        return bool(first)
    }

    /// Dietary answers in the shared vocabulary (``DietaryNeed``), once each, "none" answers dropped.
    public static func dietary(_ items: [String]) -> [String] {
        var out: [String] = []
        for item in items {
            guard let need = DietaryNeed.canonical(item), !out.contains(need) else { continue }
            out.append(need)
        }
        return out
    }

    /// A flight or train number as airlines print it: upper case, one space between the airline code and the
    /// number (`et813` → `ET 813`); anything else as written.
    public static func journeyNumber(_ raw: String) -> String {
        let compact = raw.uppercased().filter { $0 != " " && $0 != "-" }
        guard compact.count >= 3, compact.count <= 8, compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { return raw }
        let code = compact.prefix(2)
        let number = compact.dropFirst(2)
        guard number.first?.isNumber == true, number.dropLast().allSatisfy(\.isNumber) else { return raw }
        return "\(code) \(number)"
    }

    /// A role from its English or French name.
    public static func role(_ raw: String) -> Role? {
        let k = key(raw)
        if let role = Role(rawValue: k) { return role }
        return roleNames[k]
    }

    static let roleNames: [String: Role] = [
        "participante": .participant, "attendee": .participant, "delegate": .participant, "delegue": .participant,
        "deleguee": .participant, "intervenant": .speaker, "intervenante": .speaker, "orateur": .speaker,
        "oratrice": .speaker, "panelist": .speaker, "panelliste": .speaker, "paneliste": .speaker,
        "moderatrice": .moderator, "moderateur": .moderator, "organisateur": .staff, "organisatrice": .staff,
        "organiser": .staff, "organizer": .staff, "equipe": .staff, "benevole": .staff, "volunteer": .staff,
        "presse": .press, "journalist": .press, "journaliste": .press, "media": .press, "medias": .press,
        "interprete": .interpreter,
    ]

    /// An instant from ISO 8601 text (`2022-11-20T07:55:00.000+03:00`, `…+03`, `…Z`, `2022-11-20 07:55`) or a
    /// spreadsheet serial number. A reading without an offset is taken in `zone`.
    /// A date written with slashes or dots (`15/03/2027 10:31:25`, `3/15/2027 10:31 PM`) is read in `dateOrder`;
    /// without one, only when its day and month cannot be confused.
    public static func instant(
        _ raw: String, zone: Zone, serialDates1904: Bool = false, dateOrder: DateOrder? = nil
    ) -> Result<Instant, InstantProblem> {
        if let fast = asciiDateTime(raw) { return resolve(fast.local, offset: fast.offset, zone: zone) }
        return generalInstant(raw, zone: zone, serialDates1904: serialDates1904, dateOrder: dateOrder)
    }

    /// `instant(_:zone:serialDates1904:dateOrder:)` for any text (the reference for ``asciiDateTime(_:)``).
    static func generalInstant(
        _ raw: String, zone: Zone, serialDates1904: Bool, dateOrder: DateOrder? = nil
    ) -> Result<Instant, InstantProblem> {
        guard var text = text(raw) else { return .failure(.unreadable) }
        if let serial = Double(text), serial > 0, serial < 2_958_466,
            let iso = SerialDate.isoString(serial: serial, date1904: serialDates1904)
        {
            text = iso
        }
        switch slashDateTime(text, order: dateOrder) {
        case .success(let iso)?: text = iso
        case .failure(let problem)?: return .failure(problem)
        case nil: break
        }
        // Drop fractional seconds; complete a two-digit offset (`+03` → `+03:00`).
        if let dot = text.firstIndex(of: "."), text.distance(from: text.startIndex, to: dot) >= 19 {
            var end = text.index(after: dot)
            while end < text.endIndex, text[end].isASCII, text[end].isNumber { end = text.index(after: end) }
            text.removeSubrange(dot..<end)
        }
        if text.count >= 3 {
            let tail = text.suffix(3)
            if let sign = tail.first, sign == "+" || sign == "-", tail.dropFirst().allSatisfy(\.isNumber),
                text.count > 19
            {
                text += ":00"
            }
        }
        guard let (local, offset) = WallTime.parse(text) else { return .failure(.unreadable) }
        return resolve(local, offset: offset, zone: zone)
    }

    /// Whether an answer is a date without a time of day: `2027-03-26`, `26/03/2027`, or a whole spreadsheet serial.
    static func isDateOnly(_ raw: String) -> Bool {
        guard let text = text(raw) else { return false }
        if let serial = Double(text) { return serial == serial.rounded() && serial > 0 }
        let digits = text.filter(\.isNumber).count
        return digits == 8 && text.count == 10 && text.allSatisfy { $0.isNumber || $0 == "-" || $0 == "/" || $0 == "." }
    }

    static func resolve(_ local: LocalDateTime, offset: Int?, zone: Zone) -> Result<Instant, InstantProblem> {
        if let offset {
            let asUTC = Int64(local.date.daysSince1970) * 86_400 + Int64(local.time.secondsSinceMidnight)
            return .success(Instant(secondsSince1970: asUTC - Int64(offset)))
        }
        switch WallTime(local: local, zone: zone).resolve() {
        case .success(let instant): return .success(instant)
        case .failure(.nonexistent): return .failure(.nonexistentLocalTime)
        case .failure: return .failure(.ambiguousLocalTime)
        }
    }

    /// The usual shape of a date-time answer, read byte by byte: `YYYY-MM-DD[T ]HH:MM[:SS[.fff]]` then nothing,
    /// `Z`, `±HH:MM`, `±HHMM` or (after seconds) `±HH`. Nil for anything else, which the general path then reads
    /// (and refuses or accepts exactly as before); this one only ever accepts what that path accepts, the same way.
    static func asciiDateTime(_ raw: String) -> (local: LocalDateTime, offset: Int?)? {
        var raw = raw
        return raw.withUTF8 { asciiDateTime(bytes: $0) }
    }

    /// ``asciiDateTime(_:)`` on UTF-8 bytes.
    static func asciiDateTime(bytes b: UnsafeBufferPointer<UInt8>) -> (local: LocalDateTime, offset: Int?)? {
        let n = b.count
        guard n >= 16 else { return nil }
        @inline(__always) func digit(_ i: Int) -> Int? {
            guard i < n else { return nil }
            let d = b[i] &- UInt8(ascii: "0")
            return d < 10 ? Int(d) : nil
        }
        @inline(__always) func two(_ i: Int) -> Int? {
            guard let a = digit(i), let c = digit(i + 1) else { return nil }
            return a * 10 + c
        }
        guard let century = two(0), let year = two(2), b[4] == UInt8(ascii: "-"), let month = two(5),
            b[7] == UInt8(ascii: "-"), let day = two(8), b[10] == UInt8(ascii: "T") || b[10] == 0x20,
            let hour = two(11), b[13] == UInt8(ascii: ":"), let minute = two(14)
        else { return nil }
        var i = 16
        var second = 0
        var hasSeconds = false
        if i < n && b[i] == UInt8(ascii: ":") {
            guard let s = two(i + 1) else { return nil }
            second = s
            hasSeconds = true
            i += 3
            if i < n && b[i] == UInt8(ascii: ".") {
                i += 1
                let start = i
                while digit(i) != nil { i += 1 }
                guard i > start else { return nil }
            }
        }
        var offset: Int?
        if i < n {
            if b[i] == UInt8(ascii: "Z") && i + 1 == n {
                offset = 0
            } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                guard let oh = two(i + 1) else { return nil }
                var om = 0
                switch n - i - 1 {
                case 2: guard hasSeconds else { return nil }
                case 4:
                    guard let m = two(i + 3) else { return nil }
                    om = m
                case 5:
                    guard b[i + 3] == UInt8(ascii: ":"), let m = two(i + 4) else { return nil }
                    om = m
                default: return nil
                }
                guard oh <= 18, om < 60 else { return nil }
                offset = (b[i] == UInt8(ascii: "-") ? -1 : 1) * (oh * 3600 + om * 60)
            } else {
                return nil
            }
        }
        guard let date = LocalDate(year: century * 100 + year, month: month, day: day),
            let time = LocalTime(hour: hour, minute: minute, second: second)
        else { return nil }
        return (LocalDateTime(date: date, time: time), offset)
    }

    /// Which number of a date written `03/04/2027` is the day: spreadsheets and form tools write dates in their
    /// user's locale, and the same text is 3 April in Kigali and 4 March in the United States.
    public enum DateOrder: String, Sendable, CaseIterable {
        /// `15/03/2027`: day, month, year (French, British, most of Africa).
        case dayFirst = "day-first"
        /// `3/15/2027`: month, day, year (United States).
        case monthFirst = "month-first"
    }

    /// `text` as ISO 8601 (`2027-03-15T22:31:25`) when it is a date written with slashes or dots (`15/03/2027`,
    /// `3/15/2027 10:31:25 PM`, `15.03.2027 10:31`, Google Forms' `2027/03/15 10:31:25 PM GMT+1`); nil when it is
    /// not. Without `order`, a date whose day and month could be swapped (`03/04/2027`) is `.ambiguousDateOrder`,
    /// never guessed; a year written first is always followed by the month.
    static func slashDateTime(_ text: String, order: DateOrder?) -> Result<String, InstantProblem>? {
        let year: Substring
        let (day, month): (Int, Int)
        let time: Substring
        if let m = text.wholeMatch(of: /(\d{4})\/(\d{1,2})\/(\d{1,2})(.*)/), let b = Int(m.2), let c = Int(m.3) {
            (year, month, day, time) = (m.1, b, c, m.4)
        } else if let m = text.wholeMatch(of: /(\d{1,2})([\/.])(\d{1,2})\2(\d{4})(.*)/), let a = Int(m.1),
            let b = Int(m.3)
        {
            let dayFirst: Bool
            switch order {
            case .dayFirst?: dayFirst = true
            case .monthFirst?: dayFirst = false
            case nil:
                guard a > 12 || b > 12 || a == b else { return .failure(.ambiguousDateOrder) }
                dayFirst = a > 12 || a == b
            }
            (year, time) = (m.4, m.5)
            (day, month) = dayFirst ? (a, b) : (b, a)
        } else {
            return nil
        }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let date = "\(year)-\(two(month))-\(two(day))"
        if time.isEmpty { return .success(date) }
        let clock =
            /[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?(?:\s*(?:GMT|UTC)\s*([+-])(\d{1,2})(?::?(\d{2}))?)?\s*/
        guard let t = time.wholeMatch(of: clock), var hour = Int(t.1) else { return .failure(.unreadable) }
        if let half = t.4 {
            guard (1...12).contains(hour) else { return .failure(.unreadable) }
            hour = hour % 12 + (half.lowercased() == "p" ? 12 : 0)
        }
        var iso = "\(date)T\(two(hour)):\(t.2)" + (t.3.map { ":\($0)" } ?? "")
        if let sign = t.5, let offsetHours = t.6.flatMap({ Int($0) }) {
            // An offset needs seconds before it to be read (`…T10:31:25+01:00`).
            if t.3 == nil { iso += ":00" }
            iso += "\(sign)\(two(offsetHours)):\(t.7 ?? "00")"
        }
        return .success(iso)
    }

    /// Why a date-time answer names no instant.
    public enum InstantProblem: Error, Hashable, Sendable {
        case unreadable, nonexistentLocalTime, ambiguousLocalTime
        /// A date such as `03/04/2027` that reads as two days, and no `date_order` to choose.
        case ambiguousDateOrder

        /// What was expected, for error messages.
        public var expectation: String {
            switch self {
            case .ambiguousDateOrder:
                "`date_order: day-first` (03/04/2027 is 3 April) or `date_order: month-first` (4 March) in the "
                    + "mapping file: this date reads both ways"
            case .unreadable: "a date-time such as 2027-03-22T19:20 or 2027-03-22T19:20:00+02:00"
            case .nonexistentLocalTime: "a local time that exists (it falls in a clock change gap)"
            case .ambiguousLocalTime: "an offset (the local time occurs twice at a clock change)"
            }
        }
    }

    /// Appends ``wallText(_:zone:)`` to `out`, formatted digit by digit (the general formatter for years outside
    /// 0–9999).
    static func appendWallText(_ instant: Instant, zone: Zone, to out: inout [UInt8]) {
        let offset = zone.offset(at: instant)
        let local = LocalDateTime(utc: instant.adding(seconds: Int64(offset)))
        let offsetMinutes = abs(offset) / 60
        guard (0...9999).contains(local.date.year), offsetMinutes / 60 < 100 else {
            out.append(contentsOf: wallText(instant, zone: zone).utf8)
            return
        }
        func two(_ v: Int) {
            out.append(UInt8(ascii: "0") + UInt8(v / 10))
            out.append(UInt8(ascii: "0") + UInt8(v % 10))
        }
        two(local.date.year / 100)
        two(local.date.year % 100)
        out.append(UInt8(ascii: "-"))
        two(local.date.month)
        out.append(UInt8(ascii: "-"))
        two(local.date.day)
        out.append(UInt8(ascii: "T"))
        two(local.time.hour)
        out.append(UInt8(ascii: ":"))
        two(local.time.minute)
        if local.time.second != 0 {
            out.append(UInt8(ascii: ":"))
            two(local.time.second)
        }
        out.append(offset < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        two(offsetMinutes / 60)
        out.append(UInt8(ascii: ":"))
        two(offsetMinutes % 60)
    }

    public static func wallText(_ instant: Instant, zone: Zone) -> String {
        let local = zone.localDateTime(at: instant)
        return "\(local.date.iso8601)T\(local.time)\(formatOffset(zone.offset(at: instant)))"
    }
}
