import BarazaModel
import Foundation

extension WorkspaceLoader {
    static let eventKeys = ["id", "title", "timezone", "dates", "languages", "organizer", "url", "attendance"]

    func decodeEvent(_ value: YAMLValue) -> Event? {
        guard let f = value.fields(Self.eventKeys, context: "event") else { return nil }
        let id = f.require("id", expected: "a short id such as `final-2026`")?.identifier()
        let title = f.require("title", expected: "a title, or `{ en: ..., fr: ... }`")?.localizedText()
        let zone = f.require("timezone", expected: "an IANA time zone such as `Africa/Kigali`")?.zone()
        var firstDay: LocalDate?
        var lastDay: LocalDate?
        if let dates = f.require("dates", expected: "`{ start: YYYY-MM-DD, end: YYYY-MM-DD }`"),
            let d = dates.fields(["start", "end"])
        {
            firstDay = d.require("start", expected: "a date YYYY-MM-DD")?.date()
            lastDay = d.require("end", expected: "a date YYYY-MM-DD")?.date()
            if let a = firstDay, let b = lastDay, b < a {
                dates.invalid("an end date on or after the start date", found: "\(a) to \(b)")
            } else if let a = firstDay, let b = lastDay, b.daysSince1970 - a.daysSince1970 + 1 > Self.maximumEventDays {
                // A mistyped year (2207 for 2027) would make every per-day export list thousands of empty days.
                let days = b.daysSince1970 - a.daysSince1970 + 1
                dates.invalid(
                    "an event of at most \(Self.maximumEventDays) days (is a year mistyped?)",
                    found: "\(a) to \(b), \(days) days")
            }
        }
        let languages = f["languages"]?.languages() ?? [.english, .french]
        var organizer = Organizer(name: "", email: "")
        if let o = f["organizer"], let of = o.fields(["name", "email"]) {
            organizer.name = of.require("name", expected: "the organiser's name")?.nonEmptyString() ?? ""
            organizer.email = of.require("email", expected: "an email address")?.email() ?? ""
        }
        guard let id, let title, let zone, let firstDay, let lastDay else { return nil }
        return Event(
            id: Event.ID(id), title: title, zone: zone, firstDay: firstDay, lastDay: lastDay, languages: languages,
            organizer: organizer, url: f["url"]?.webAddress(),
            attendanceFile: f["attendance"]?.nonEmptyString(expected: "a check-in file relative to the workspace"),
            location: value.location)
    }

    func decodeSettings(_ value: YAMLValue) -> CheckSettings {
        var settings = CheckSettings()
        guard let f = value.fields(["waking_hours", "arrival_buffer_minutes", "severity"], context: "checks") else {
            return settings
        }
        if let w = f["waking_hours"]?.dailyWindow() { settings.wakingHours = w }
        if let b = f["arrival_buffer_minutes"]?.int(in: 0...1440, expected: "minutes, 0 to 1440") {
            settings.arrivalBufferMinutes = b
        }
        if let s = f["severity"], let rules = s.fields(knownRuleIDs, context: "checks.severity") {
            for (rule, v) in zip(rules.keys, rules.values).sorted(by: { $0.0 < $1.0 }) {
                switch v.string(expected: "error, warning or off") {
                case "error": settings.severityOverrides[rule] = .some(.error)
                case "warning": settings.severityOverrides[rule] = .some(.warning)
                case "off": settings.severityOverrides[rule] = .some(nil)
                case nil: break
                default: v.invalid("error, warning or off")
                }
            }
        }
        return settings
    }
}

extension WorkspaceLoader {
    /// The longest event, in days: a year.
    static let maximumEventDays = 366
}

extension YAMLValue {
    /// An id: letters, digits, `-`, `_`, `.`, `@` (emails may serve as ids), not starting with `.`: ids name
    /// export files and folders, so `.`, `..` or a hidden name must never be one.
    func identifier() -> String? {
        let expected = "an id of letters, digits, `-`, `_`, `.`, not starting with `.`"
        guard let text = nonEmptyString(expected: expected) else { return nil }
        // Plain ASCII ids (nearly all) are checked byte by byte; others by Unicode letter and number classes.
        let asciiValid = text.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x5F
                || b == 0x2E || b == 0x40
        }
        guard !text.hasPrefix("."), asciiValid || text.allSatisfy({ $0.isLetter || $0.isNumber || "-_.@".contains($0) })
        else {
            invalid(expected)
            return nil
        }
        // Ids name export files (`certificate-<id>.pdf`, `<id>.zip`); a file name holds at most 255 bytes.
        guard text.utf8.count <= Self.maximumIdentifierBytes else {
            invalid(
                "an id of at most \(Self.maximumIdentifierBytes) bytes (ids name export files)",
                found: "\(text.prefix(24))… (\(text.utf8.count) bytes)")
            return nil
        }
        return text
    }

    /// A web address: `http://` or `https://` with a host. Other schemes (`javascript:`, `file:`, `data:`) would
    /// turn into live links in agenda pages, packs and invitations.
    func webAddress() -> String? {
        let expected = "a web address starting with `https://` (or `http://`)"
        guard let text = nonEmptyString(expected: expected, limit: .webAddress) else { return nil }
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
            let host = url.host, !host.isEmpty
        else {
            invalid(expected)
            return nil
        }
        return text
    }

    /// The longest id, in UTF-8 bytes: leaves room for a prefix and extension in a 255-byte file name.
    static let maximumIdentifierBytes = 100

    /// A title: plain text (used for both languages) or `{ en: ..., fr: ... }`, each text at most `limit`.
    func localizedText(limit: TextLimit = .line) -> LocalizedText? {
        if case .scalar = node {
            return nonEmptyString(limit: limit).map { LocalizedText(english: $0, french: $0) }
        }
        guard let f = fields(["en", "fr"]) else { return nil }
        if f["en"] == nil && f["fr"] == nil {
            invalid("at least one of `en` and `fr`", found: "no text")
            return nil
        }
        // A text given but refused is reported by itself.
        let en = f["en"]?.nonEmptyString(limit: limit)
        let fr = f["fr"]?.nonEmptyString(limit: limit)
        guard en != nil || fr != nil else { return nil }
        return LocalizedText(english: en, french: fr)
    }

    func languages() -> [Language] {
        list(expected: "a list of language codes such as [en, fr]").compactMap { item in
            guard let s = item.nonEmptyString(expected: "a language code such as `en` or `fr`") else { return nil }
            guard let l = Language(s) else {
                let hint = NameHints.languageCode(forName: s).map { " (`\(s)` is a language's name: write `\($0)`)" }
                item.invalid("an ISO 639 language code such as `en`, `fr`, `ar`, `pt`" + (hint ?? ""))
                return nil
            }
            return l
        }
    }

    func email() -> String? {
        guard let text = nonEmptyString(expected: "an email address", limit: .email) else { return nil }
        // Printable ASCII (nearly every address) is checked byte by byte: one `@` with something before it, a `.`
        // after it, no space. Other text goes through the Unicode checks.
        let utf8 = text.utf8
        if utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) {
            guard let at = utf8.firstIndex(of: UInt8(ascii: "@")), at != utf8.startIndex,
                !utf8[utf8.index(after: at)...].contains(UInt8(ascii: "@")),
                utf8[utf8.index(after: at)...].contains(UInt8(ascii: "."))
            else {
                invalid("an email address such as `name@example.org`")
                return nil
            }
            return utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) ? text.lowercased() : text
        }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !text.contains(where: \.isWhitespace) else {
            invalid("an email address such as `name@example.org`")
            return nil
        }
        return text.lowercased()
    }

    /// A list of texts (a single text is a one-item list), each at most `limit`.
    func strings(limit: TextLimit = .line) -> [String] {
        list(expected: "a list of text").compactMap { $0.nonEmptyString(limit: limit) }
    }

    func references<T>(_ expected: String) -> [Reference<T>] {
        list(expected: "a list of \(expected) ids").compactMap { item in
            item.identifier().map { Reference(Identifier<T>($0), at: item.location) }
        }
    }

    func reference<T>() -> Reference<T>? { identifier().map { Reference(Identifier<T>($0), at: location) } }
}
