import Foundation

/// What to write instead of a time zone that is not an IANA zone, and why: an abbreviation (`CET`, `WAT`) or a fixed
/// offset (`GMT+1`, `UTC+01:00`) gets the zone of a place that uses it and the reason abbreviations and offsets are
/// not zones; a zone named after a city (`Africa/Kumasi`) or an answer with a known city or country gets that
/// place's zone (Kumasi and Ghana → `Africa/Accra`); anything else the nearest zone by spelling.
public enum ZoneSuggestion {
    /// The zone to suggest for `text`, with a short reason when one helps; nil when nothing is close.
    public static func suggestion(for text: String, city: String? = nil, country: String? = nil) -> (
        zone: String, reason: String?
    )? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // A place the answer (or the person's city or country) names.
        let lastStep = trimmed.split(separator: "/").last.map(String.init) ?? trimmed
        for candidate in [lastStep.replacingOccurrences(of: "_", with: " "), city].compactMap({ $0 }) {
            if let place = NetworkCity.named(candidate) {
                // A zone named after the city itself is a typo away; another city's zone needs saying why.
                let named = place.zoneIdentifier.hasSuffix("/\(place.name)")
                return (place.zoneIdentifier, named ? nil : "\(place.name)'s clocks follow \(place.zoneIdentifier)")
            }
        }
        let upper = trimmed.uppercased()
        if let zone = abbreviations[upper] {
            return (
                zone,
                "`\(trimmed)` is an abbreviation, not a zone: it does not say where, nor when clocks change; "
                    + "write the IANA zone of the place"
            )
        }
        if let hours = fixedOffsetHours(upper) {
            let zone = byOffset[hours] ?? "Etc/GMT\(hours > 0 ? "-" : "+")\(abs(hours))"
            return (
                zone,
                "`\(trimmed)` is a fixed offset, not a zone: it does not say when clocks change; write the IANA "
                    + "zone of the place"
            )
        }
        if let country, let place = NetworkCity.all.first(where: { $0.country == country.uppercased() }) {
            return (place.zoneIdentifier, "\(place.name) (\(place.country)) follows \(place.zoneIdentifier)")
        }
        return nearest(to: trimmed, in: Zone.knownIdentifiers).map { ($0, nil) }
    }

    /// "an IANA time zone such as `Africa/Kigali`", with the suggestion for `text` when there is one.
    public static func expectation(for text: String, city: String? = nil, country: String? = nil) -> String {
        guard let (zone, reason) = suggestion(for: text, city: city, country: country) else {
            return "an IANA time zone such as `Africa/Kigali`"
        }
        guard let reason else { return "an IANA time zone such as `Africa/Kigali` (did you mean `\(zone)`?)" }
        return "an IANA time zone; did you mean `\(zone)`? (\(reason))"
    }

    /// Common abbreviations → a zone of the network (or the secretariat) that uses them.
    static let abbreviations: [String: String] = [
        "CET": "Europe/Paris", "CEST": "Europe/Paris", "MET": "Europe/Paris", "HNEC": "Europe/Paris",
        "WAT": "Africa/Lagos", "CAT": "Africa/Maputo", "EAT": "Africa/Kampala", "SAST": "Africa/Johannesburg",
        "GMT": "Africa/Accra", "UTC": "Africa/Accra", "UT": "Africa/Accra", "Z": "Africa/Accra",
        "WET": "Africa/Casablanca", "WEST": "Africa/Casablanca", "EET": "Africa/Cairo", "BST": "Europe/London",
    ]

    /// Standard offsets (hours) → a network city's zone that keeps it all year.
    static let byOffset: [Int: String] = [
        0: "Africa/Accra", 1: "Africa/Lagos", 2: "Africa/Kigali", 3: "Africa/Kampala",
    ]

    /// `GMT+1`, `UTC+01:00`, `+01`, `UTC-3` → hours east of UTC; nil for anything else.
    static func fixedOffsetHours(_ text: String) -> Int? {
        var rest = Substring(text)
        for prefix in ["GMT", "UTC", "UT"] where rest.hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count)
            break
        }
        rest = rest.drop { $0 == " " }
        guard let sign = rest.first, sign == "+" || sign == "-" else { return nil }
        let digits = rest.dropFirst().prefix { $0.isNumber }
        guard let hours = Int(digits.prefix(2)), hours <= 14 else { return nil }
        return sign == "-" ? -hours : hours
    }
}
