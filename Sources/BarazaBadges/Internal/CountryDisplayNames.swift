import Foundation

/// Country codes to the names a badge prints (the opposite of the import, which reads names into codes), from the
/// ICU data Foundation ships (no table to keep up to date).
struct CountryDisplayNames {
    /// Languages whose country names are written in Latin script, so they sit well next to a Latin city name.
    static let badgeLanguages: Set<String> = ["en", "fr", "pt", "es"]

    private static let isoCodes = Set(Locale.Region.isoRegions.map(\.identifier))

    /// Names already looked up, by language and code: an event has few countries and many people.
    private var cache: [String: String] = [:]

    /// The name of the country with ISO code `code` in `language`; the code itself when ICU does not know it.
    mutating func name(of code: String, in language: String) -> String {
        let upper = code.uppercased()
        let key = language + "|" + upper
        if let known = cache[key] { return known }
        let name =
            Self.isoCodes.contains(upper)
            ? Locale(identifier: language).localizedString(forRegionCode: upper) ?? upper : upper
        cache[key] = name
        return name
    }
}
