/// A language by its ISO 639-1 code (`en`, `fr`, `ar`, `pt`, `wo`...), lower case.
public struct Language: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let code: String

    /// Accepts a two- or three-letter ISO 639 code; nil otherwise.
    public init?(_ code: String) {
        let c = code.lowercased()
        // Lower-cased, an ASCII letter is a byte from `a` to `z`, and each such letter is one character.
        guard (2...3).contains(c.utf8.count), c.utf8.allSatisfy({ (0x61...0x7A).contains($0) }) else { return nil }
        self.code = c
    }

    public static let english = Language("en")!
    public static let french = Language("fr")!

    public static func < (a: Self, b: Self) -> Bool { a.code < b.code }
    public var description: String { code }
}

/// Text in English and/or French; at least one is present.
public struct LocalizedText: Hashable, Sendable {
    public var english: String?
    public var french: String?

    public init(english: String?, french: String?) {
        self.english = english
        self.french = french
    }

    /// The text in `language`, falling back to the other one.
    public func text(in language: Language) -> String {
        (language == .french ? french ?? english : english ?? french) ?? ""
    }

    /// Both languages, `English / Français`, or the one present.
    public var bilingual: String {
        switch (english, french) {
        case (let e?, let f?) where e != f: return "\(e) / \(f)"
        case (let e?, _): return e
        case (nil, let f?): return f
        default: return ""
        }
    }
}
