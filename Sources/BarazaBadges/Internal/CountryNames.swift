import Foundation

/// Country names for badges, from the ICU data Foundation ships (no table to keep up to date).
enum CountryNames {
    /// Languages whose country names are written in Latin script, so they sit well next to a Latin city name.
    static let badgeLanguages: Set<String> = ["en", "fr", "pt", "es"]

    /// The name of the country with ISO code `code` in `language`; the code itself when ICU does not know it.
    static func name(of code: String, in language: String) -> String {
        let upper = code.uppercased()
        guard Locale.Region.isoRegions.contains(Locale.Region(upper)) else { return upper }
        return Locale(identifier: language).localizedString(forRegionCode: upper) ?? upper
    }
}
