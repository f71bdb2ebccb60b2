import BarazaModel
import Foundation

/// The interface words of the agenda in English and French, read from `Resources/agenda-strings.json`.
///
/// Labels are data beside the template, so translators edit one file and the Swift code holds no prose.
struct AgendaLabels: Sendable {
    /// The interface languages the agenda offers.
    static let interfaceLanguages = ["en", "fr"]

    /// Label key → text, per interface language.
    let table: [String: [String: String]]

    /// Loads the bundled labels.
    static func bundled() throws -> AgendaLabels {
        guard
            let url = Bundle.module.url(forResource: "agenda-strings", withExtension: "json", subdirectory: "Resources")
        else { throw AgendaError.missingResource("agenda-strings.json") }
        let data = try Data(contentsOf: url)
        let table = try JSONDecoder().decode([String: [String: String]].self, from: data)
        return AgendaLabels(table: table)
    }

    /// The label `key` in `language`, falling back to English, then to the key itself.
    func text(_ key: String, in language: String) -> String {
        table[language]?[key] ?? table["en"]?[key] ?? key
    }

    /// Every key, sorted, so the page lists them in a stable order.
    var keys: [String] { Set(table.values.flatMap(\.keys)).sorted() }

    /// The name of a language in `interfaceLanguage`, or its code in capitals when no name is known.
    func languageName(_ language: Language, in interfaceLanguage: String) -> String {
        table[interfaceLanguage]?["language.\(language.code)"] ?? language.code.uppercased()
    }
}
