import Foundation

/// Splitting a full name into given and family names when the workspace gives only `name`, and the keys
/// badge lists are sorted by.
enum NameParts {
    /// Lower-case words that belong to the family name that follows them (Portuguese, French, Dutch,
    /// Arabic transliterations, Kikuyu): "da Silva", "Ould Ahmed", "Ben Salah", "wa Thiong'o".
    private static let particles: Set<String> = [
        "da", "das", "de", "del", "della", "di", "do", "dos", "du", "la", "le", "van", "von", "der", "den",
        "ould", "mint", "ben", "bent", "bint", "bin", "ibn", "el", "al", "ait", "aït", "wa", "abu", "bou",
    ]

    /// Scalars of a name that decide its place in the list: far more than any real name holds.
    static let sortedScalars = 400

    /// The name's given and family parts. A one-word name is a family name with no given name.
    static func split(_ name: String) -> (given: String, family: String) {
        let words = name.split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.count > 1 else { return ("", words.first ?? "") }
        var start = words.count - 1
        while start > 1, particles.contains(words[start - 1].lowercased()) { start -= 1 }
        return (words[..<start].joined(separator: " "), words[start...].joined(separator: " "))
    }

    /// A key that sorts accented and unaccented letters together and ignores case ("Ében" beside "Eben",
    /// "Ökan" before "Oz"): diacritics and case folded, punctuation other than letters and digits dropped.
    /// Independent of the machine's locale, so every run sorts alike.
    ///
    /// Only the first `sortedScalars` scalars count (names alike that far are then ordered by given name and
    /// person id): a hostile name of millions of characters costs no more to sort than a long one.
    static func sortKey(_ text: String) -> String {
        let head = String(text.unicodeScalars.prefix(sortedScalars))
        let folded = head.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var key = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                key.append(scalar)
            } else if scalar.properties.isWhitespace, key.last != " " {
                key.append(" ")
            }
        }
        return String(key).trimmingCharacters(in: .whitespaces)
    }
}
