import BarazaModel

/// The language a calendar's text is written in: English, French, or both (English first).
public enum CalendarLanguage: String, Hashable, Sendable, CaseIterable {
    case english = "en"
    case french = "fr"
    case both = "en+fr"

    /// The person's first language among English and French; both when they speak neither or gave none.
    public init(for person: Person) {
        let preferred = person.languages.first { $0 == .english || $0 == .french }
        switch preferred {
        case Language.english?: self = .english
        case Language.french?: self = .french
        default: self = .both
        }
    }

    /// The `LANGUAGE` parameter for single-language text; nil when both languages are written.
    var tag: String? { self == .both ? nil : rawValue }

    /// `text` in this language: one of the two, or `English / Français`.
    func pick(_ text: LocalizedText) -> String {
        switch self {
        case .english: text.text(in: .english)
        case .french: text.text(in: .french)
        case .both: text.bilingual
        }
    }

    /// Picks between an English and a French wording.
    func pick(en: String, fr: String) -> String {
        switch self {
        case .english: en
        case .french: fr
        case .both: en == fr ? en : "\(en) / \(fr)"
        }
    }
}
