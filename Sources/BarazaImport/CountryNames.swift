import Foundation

/// ISO 3166-1 alpha-2 codes and their names in English and French (from Foundation's locale data), plus the
/// short forms people type in forms.
enum CountryNames {
    static let codes: Set<String> = Set(
        Locale.Region.isoRegions.map(\.identifier).filter { $0.count == 2 && $0.allSatisfy(\.isLetter) })

    static let byKey: [String: String] = {
        var table: [String: String] = [:]
        let english = Locale(identifier: "en")
        let french = Locale(identifier: "fr")
        for code in codes.sorted() {
            for locale in [english, french] {
                if let name = locale.localizedString(forRegionCode: code) {
                    let k = Normalise.key(name)
                    if !k.isEmpty && table[k] == nil { table[k] = code }
                }
            }
        }
        for (alias, code) in aliases { table[Normalise.key(alias)] = code }
        return table
    }()

    static let aliases: [(String, String)] = [
        ("Ivory Coast", "CI"), ("Cote d'Ivoire", "CI"), ("DRC", "CD"), ("RDC", "CD"), ("DR Congo", "CD"),
        ("Democratic Republic of the Congo", "CD"), ("République démocratique du Congo", "CD"),
        ("Congo-Kinshasa", "CD"), ("Congo-Brazzaville", "CG"), ("Republic of the Congo", "CG"),
        ("USA", "US"), ("United States of America", "US"), ("Etats-Unis d'Amérique", "US"), ("UK", "GB"),
        ("Great Britain", "GB"), ("England", "GB"), ("Angleterre", "GB"), ("Swaziland", "SZ"),
        ("Cape Verde", "CV"), ("Cap Vert", "CV"), ("The Gambia", "GM"), ("Gambie", "GM"), ("Tanzanie", "TZ"),
        ("Guinea Bissau", "GW"), ("Guinée Bissau", "GW"), ("Sao Tome", "ST"), ("Burkina", "BF"),
    ]
}
