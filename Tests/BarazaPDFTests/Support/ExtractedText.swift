import Foundation

/// Matching names against text that pdftotext extracted.
///
/// pdftotext wraps right-to-left runs in bidi embedding marks, breaks wrapped names across lines (dropping
/// the hyphen where a hyphenated name breaks), and may give Arabic in presentation forms or, for some
/// producers, in visual order; the comparison ignores all of that.
enum ExtractedText {
    static func contains(_ text: String, _ name: String) -> Bool {
        let haystack = squeezed(text)
        if haystack.contains(squeezed(name)) { return true }
        // Visual-order fallback: every word present, forwards or reversed.
        return name.split(separator: " ").allSatisfy { word in
            let word = squeezed(String(word))
            return haystack.contains(word) || haystack.contains(String(word.reversed()))
        }
    }

    /// NFKC-normalised, without whitespace, hyphens or bidi controls.
    private static func squeezed(_ string: String) -> String {
        let controls: Set<Unicode.Scalar> = [
            "\u{200E}", "\u{200F}", "\u{202A}", "\u{202B}", "\u{202C}",
            "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}", "-", "\u{2010}",
        ]
        let scalars = string.precomposedStringWithCompatibilityMapping.unicodeScalars
            .filter { !controls.contains($0) && !$0.properties.isWhitespace }
        return String(String.UnicodeScalarView(scalars))
    }
}
