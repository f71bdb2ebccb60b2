import Foundation

/// The small vocabulary dietary needs are counted in, whatever language a form or a person file wrote them in:
/// `vegetarian`, `vegan`, `halal`, `kosher`, `no pork`, `gluten-free`, `lactose-free`, and `allergy: <what>`.
/// `Végétarienne`, `veggie` and `vegetarian` are one need, so meal counts never count them apart.
public enum DietaryNeed {
    /// The needs of the vocabulary, in the order caterers read them.
    public static let vocabulary = [
        "vegetarian", "vegan", "halal", "kosher", "no pork", "gluten-free", "lactose-free",
    ]

    /// The need an answer names: a vocabulary word for a known English or French answer (case, accents, spaces
    /// and punctuation ignored); `allergy: peanuts` for an allergy (`Allergie aux arachides` → `allergy:
    /// arachides`); the answer as written for anything else; nil for "none" (`aucun`, `néant`, `n/a`, `-`).
    public static func canonical(_ answer: String) -> String? {
        // 100,000 imported people write a few dozen distinct answers: each is worked out once.
        if let known = memo.lookup(answer) { return known }
        let need = work(answer)
        memo.keep(answer, need)
        return need
    }

    private static func work(_ answer: String) -> String? {
        let text = answer.trimmingCharacters(in: .whitespacesAndNewlines)
        let k = key(text)
        if k.isEmpty || none.contains(k) { return nil }
        if let word = synonyms[k] { return word }
        if k.hasPrefix("allerg") { return allergy(text) }
        return text
    }

    /// `allergy: <what>`, the words that say "allergy" taken off the front.
    static func allergy(_ text: String) -> String {
        var rest = Substring(text)
        let lead = [
            "allergic to", "allergies:", "allergies", "allergy to", "allergy:", "allergy", "allergique aux",
            "allergique au", "allergique à", "allergique", "allergie aux", "allergie au", "allergie à", "allergie :",
            "allergie:", "allergie", "aux", "au", "à", "to", ":", "-",
        ]
        var changed = true
        while changed {
            changed = false
            rest = rest.drop { $0 == " " }
            for word in lead where rest.lowercased().hasPrefix(word) {
                rest = rest.dropFirst(word.count)
                changed = true
                break
            }
        }
        let what = rest.trimmingCharacters(in: .whitespaces)
        return what.isEmpty ? "allergy" : "allergy: \(what)"
    }

    /// Lower case, accents and everything but letters and digits removed (`Sans porc` → `sansporc`).
    static func key(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return String(
            String.UnicodeScalarView(folded.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) })
        )
        .lowercased().replacingOccurrences(of: "œ", with: "oe")
    }

    static let none: Set<String> = [
        "none", "no", "nothing", "na", "nil", "aucun", "aucune", "rien", "neant", "non", "pasderegime",
        "noneed", "nodietaryneeds", "nodietaryrequirements", "aucunregime", "aucunregimeparticulier", "normal",
        "standard",
    ]

    static let synonyms: [String: String] = {
        let table: [(String, [String])] = [
            (
                "vegetarian",
                [
                    "vegetarian", "veggie", "vegetarien", "vegetarienne", "vegetariens", "vegetariennes",
                    "vegetarian diet",
                    "regime vegetarien", "lacto ovo vegetarian", "vegetariano",
                ]
            ),
            ("vegan", ["vegan", "vegane", "vegans", "vegetalien", "vegetalienne", "plant based", "strict vegetarian"]),
            ("halal", ["halal", "halal food", "halal only", "viande halal", "nourriture halal"]),
            ("kosher", ["kosher", "casher", "cacher", "kasher", "cachere", "kashrout"]),
            (
                "no pork",
                [
                    "no pork", "nopork", "pork free", "without pork", "sans porc", "pas de porc", "porc exclu",
                    "no_pork",
                    "sans_porc",
                ]
            ),
            (
                "gluten-free",
                [
                    "gluten free", "gluten-free", "no gluten", "sans gluten", "coeliac", "celiac", "coeliaque",
                    "cœliaque", "celiaque", "gluten_free", "sans_gluten",
                ]
            ),
            (
                "lactose-free",
                [
                    "lactose free", "lactose-free", "no lactose", "sans lactose", "lactose intolerant",
                    "intolerant au lactose", "intolerance au lactose", "lactose intolerance", "dairy free",
                    "sans produits laitiers", "lactose_free", "sans_lactose",
                ]
            ),
        ]
        var out: [String: String] = [:]
        for (word, names) in table {
            for name in names { out[key(name)] = word }
        }
        return out
    }()
}

/// Answers already worked out by `DietaryNeed.canonical`, shared by the threads decoding people; at most
/// `capacity` answers are kept (a workspace of free-text answers gains nothing from more).
private final class DietaryMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var needs: [String: String?] = [:]
    static let capacity = 4096

    func lookup(_ answer: String) -> String?? { lock.withLock { needs[answer] } }

    func keep(_ answer: String, _ need: String?) {
        lock.withLock { if needs.count < Self.capacity { needs[answer] = need } }
    }
}

extension DietaryNeed {
    fileprivate static let memo = DietaryMemo()
}
