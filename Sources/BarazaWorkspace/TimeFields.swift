import BarazaModel
import Foundation

/// Readers for the time-related values of the format: zones, dates, wall times, durations.
extension YAMLValue {
    func zone() -> Zone? {
        guard let text = nonEmptyString(expected: "an IANA time zone such as `Africa/Kigali`") else { return nil }
        if let zone = Zone(identifier: text) { return zone }
        invalid(ZoneSuggestion.expectation(for: text))
        return nil
    }

    func date() -> LocalDate? {
        guard let text = string(expected: "a date YYYY-MM-DD") else { return nil }
        guard let date = LocalDate(iso8601: text) else {
            invalid("a date YYYY-MM-DD")
            return nil
        }
        return date
    }

    func timeOfDay() -> LocalTime? {
        guard let text = string(expected: "a time of day HH:MM") else { return nil }
        guard let time = LocalTime(text) else {
            invalid("a time of day HH:MM (24-hour clock)")
            return nil
        }
        return time
    }

    func dailyWindow() -> DailyWindow? {
        guard let text = string(expected: "hours HH:MM-HH:MM") else { return nil }
        guard let window = DailyWindow(text) else {
            invalid("hours HH:MM-HH:MM, e.g. 08:00-18:00")
            return nil
        }
        return window
    }

    static let dateTimeExpectation =
        "a date-time YYYY-MM-DDTHH:MM, optionally with the offset that picks one side of a clock change (e.g. +01:00)"

    /// A wall-clock reading and its optional explicit offset.
    func dateTime() -> (LocalDateTime, offset: Int?)? {
        guard let text = string(expected: Self.dateTimeExpectation) else { return nil }
        guard let parsed = WallTime.parse(text) else {
            invalid(Self.dateTimeExpectation)
            return nil
        }
        return parsed
    }

    /// Minutes: `90`, `90m`, `1h`, `1h30`, `1h30m`, or ISO 8601 `PT1H30M`.
    func minutes() -> Int? {
        let expected = "a duration in minutes (`90`), or `1h30`, `45m`, `PT1H30M`"
        guard let text = string(expected: expected) else { return nil }
        guard let m = parseMinutes(text), m > 0, m <= 7 * 24 * 60 else {
            invalid(expected)
            return nil
        }
        return m
    }
}

func parseMinutes(_ raw: String) -> Int? {
    var text = raw.lowercased().replacingOccurrences(of: " ", with: "")
    if let n = Int(text) { return n }
    if text.hasPrefix("pt") { text.removeFirst(2) }
    // Hours then minutes, each at most once: `1h`, `45m`, `1h30m`, and `1h30` (minutes after an hour unit).
    var total = 0
    var number = ""
    var units: [Character] = []
    for c in text {
        if c.isASCII && c.isNumber {
            number.append(c)
        } else if c == "h" || c == "m" {
            guard let n = Int(number), !units.contains("m"), !units.contains(c) else { return nil }
            total += c == "h" ? n * 60 : n
            number = ""
            units.append(c)
        } else {
            return nil
        }
    }
    if !number.isEmpty {
        guard units == ["h"], let n = Int(number) else { return nil }
        total += n
    }
    return units.isEmpty ? nil : total
}
