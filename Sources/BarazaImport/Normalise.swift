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
        let nfc = raw.utf8.contains(where: { $0 >= 0x80 }) ? raw.precomposedStringWithCanonicalMapping : raw
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in nfc.unicodeScalars {
            let isSpaceOrControl: Bool
            if scalar.value < 0x80 {
                isSpaceOrControl = scalar.value <= 0x20 || scalar.value == 0x7F
            } else {
                isSpaceOrControl =
                    scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
                    || scalar.properties.generalCategory == .format && scalar.value == 0xFEFF
            }
            if isSpaceOrControl {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return out.isEmpty ? nil : String(out)
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
        guard let text = text(raw)?.lowercased() else { return nil }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].count >= 3, !text.utf8.contains(UInt8(ascii: " ")),
            let dot = parts[1].lastIndex(of: "."), dot != parts[1].startIndex,
            parts[1].index(after: dot) != parts[1].endIndex, !parts[1].hasPrefix("."), !parts[1].contains("..")
        else { return nil }
        return text
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
        let separators: Set<Character> =
            raw.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ";") })
            ? [",", ";"] : spaces ? [" ", "\t", "\n"] : []
        return raw.split(whereSeparator: { separators.contains($0) }).compactMap { text(String($0)) }
    }

    /// Yes/no answers in English and French, spreadsheet booleans included.
    public static func bool(_ raw: String) -> Bool? {
        switch key(raw) {
        case "yes", "y", "oui", "o", "true", "vrai", "1", "agree", "jaccepte", "accepte", "iagree", "consent": true
        case "no", "n", "non", "false", "faux", "0", "disagree", "refuse": false
        default: nil
        }
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
    public static func instant(_ raw: String, zone: Zone, serialDates1904: Bool = false) -> Result<
        Instant, InstantProblem
    > {
        guard var text = text(raw) else { return .failure(.unreadable) }
        if let serial = Double(text), serial > 0, serial < 2_958_466,
            let iso = SerialDate.isoString(serial: serial, date1904: serialDates1904)
        {
            text = iso
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

    /// Why a date-time answer names no instant.
    public enum InstantProblem: Error, Hashable, Sendable {
        case unreadable, nonexistentLocalTime, ambiguousLocalTime

        /// What was expected, for error messages.
        public var expectation: String {
            switch self {
            case .unreadable: "a date-time such as 2027-03-22T19:20 or 2027-03-22T19:20:00+02:00"
            case .nonexistentLocalTime: "a local time that exists (it falls in a clock change gap)"
            case .ambiguousLocalTime: "an offset (the local time occurs twice at a clock change)"
            }
        }
    }

    /// `2027-03-22T19:20+02:00` style text for an instant shown in `zone`, seconds kept when not zero.
    public static func wallText(_ instant: Instant, zone: Zone) -> String {
        let local = zone.localDateTime(at: instant)
        return "\(local.date.iso8601)T\(local.time)\(formatOffset(zone.offset(at: instant)))"
    }
}
