import Testing

@testable import ICalendar

/// TEXT escaping works on UTF-8 bytes; it must give what escaping Unicode scalar by scalar gave.
struct TextEscapingTests {
    /// The escaping as it was written first, scalar by scalar: the reference.
    static func escapedByScalars(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case ";": out.append(contentsOf: "\\;".unicodeScalars)
            case ",": out.append(contentsOf: "\\,".unicodeScalars)
            case "\r": out.append(contentsOf: "\\n".unicodeScalars)
            case "\n": if !previousWasCR { out.append(contentsOf: "\\n".unicodeScalars) }
            case "\t": out.append(scalar)
            default: if !(scalar.value < 0x20 || scalar.value == 0x7F) { out.append(scalar) }
            }
        }
        return String(out)
    }

    @Test(arguments: [
        "", "Plenary", "Atelier : villes, climat; eau", "a\\b", "line\r\nnext\rthird\nfourth\n\r", "tab\there",
        "bell\u{07}del\u{7F}nul\u{00}", "Kɔfi Ànánì 会议 🌍, ok", "e\u{0301}; ٱلْعَرَبِيَّة", "\u{85}next-line\u{2028}",
    ])
    func escapesLikeTheScalarByScalarForm(_ text: String) {
        #expect(TextEscaping.escape(text) == Self.escapedByScalars(text))
    }

    @Test func escapesRandomTextsLikeTheScalarByScalarForm() {
        var random = SeededGenerator(seed: 18)
        let pieces: [String] = [
            "a", "Z", " ", ",", ";", "\\", "\r", "\n", "\r\n", "\t", "\u{01}", "\u{1F}", "\u{7F}", "é", "ß", "会",
            "🌍", "\u{0301}", "\u{85}", "\u{200F}", ":", "\"",
        ]
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...24, using: &random)).map { _ in pieces.randomElement(using: &random)! }
                .joined()
            #expect(TextEscaping.escape(text) == Self.escapedByScalars(text), "\(text.debugDescription)")
        }
    }
}
