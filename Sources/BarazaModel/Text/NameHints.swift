import Foundation

/// Codes for names people write where a code is expected (`Mali` for `ML`, `french` for `fr`), in English or
/// French, for hints in error messages. Built from Foundation's locale data on first use (error paths only).
public enum NameHints {
    /// The ISO 3166 code of a country named in English or French (`Mali` → `ML`, `Sénégal` → `SN`).
    public static func countryCode(forName name: String) -> String? { countries[key(name)] }

    /// The ISO 639-1 code of a language named in English or French (`french`, `Français` → `fr`).
    public static func languageCode(forName name: String) -> String? { languages[key(name)] }

    static let countries: [String: String] = {
        var table: [String: String] = [:]
        let codes = Locale.Region.isoRegions.map(\.identifier).filter { $0.count == 2 && $0.allSatisfy(\.isLetter) }
        for code in codes.sorted() {
            for locale in [Locale(identifier: "en"), Locale(identifier: "fr")] {
                if let name = locale.localizedString(forRegionCode: code), table[key(name)] == nil {
                    table[key(name)] = code
                }
            }
        }
        return table
    }()

    static let languages: [String: String] = {
        var table: [String: String] = [:]
        let codes = Locale.LanguageCode.isoLanguageCodes.map(\.identifier).filter { $0.count == 2 }
        for code in codes.sorted() {
            for locale in [Locale(identifier: "en"), Locale(identifier: "fr")] {
                if let name = locale.localizedString(forLanguageCode: code), table[key(name)] == nil {
                    table[key(name)] = code
                }
            }
        }
        return table
    }()

    static func key(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return String(String.UnicodeScalarView(folded.unicodeScalars.filter { $0.properties.isAlphabetic }))
            .lowercased()
    }
}
