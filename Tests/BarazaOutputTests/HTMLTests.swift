import PropertyBased
import Testing

@testable import BarazaOutput

/// The one HTML escape of the hand-written pages: markup characters become entities, control characters go, and
/// text with nothing to change is returned as it is.
struct HTMLTests {
    @Test(
        "Markup characters become entities; control characters other than tab and line feed are dropped",
        arguments: [
            ("Aïcha Ben Salah", "Aïcha Ben Salah"),
            ("نادية آيت لحسن · Kigali", "نادية آيت لحسن · Kigali"),
            ("<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
            ("Ponts & \"chaussées\"", "Ponts &amp; &quot;chaussées&quot;"),
            ("a\u{0}b\u{7}c\u{1B}d\u{7F}e\u{85}f\u{9F}g", "abcdefg"),
            ("tab\there\nline", "tab\there\nline"),
            ("\u{A0}«°»\u{BF}", "\u{A0}«°»\u{BF}"),
            ("", ""),
        ])
    func escapes(raw: String, escaped: String) {
        #expect(HTML.escape(raw) == escaped)
    }

    /// The byte scan that skips most texts agrees with the escape scalar by scalar, on texts made of markup,
    /// controls (C0 and C1), the other scalars that share their first bytes, and letters of several scripts.
    @Test func theQuickScanAgreesWithTheEscape() async {
        let pieces = [
            "a", "Z", " ", "&", "<", ">", "\"", "'", "\t", "\n", "\r", "\u{0}", "\u{1F}", "\u{7F}", "\u{80}", "\u{85}",
            "\u{9F}", "\u{A0}", "·", "«", "é", "ç", "ŋ", "ع", "ح", "ⴰ", "日", "😀", "\u{200B}", "\u{FEFF}", "\u{2028}",
        ]
        await propertyCheck(count: 2000, input: Gen.int(in: 0...(pieces.count - 1)).array(of: 0...24)) { codes in
            let text = codes.map { pieces[$0] }.joined()
            #expect(HTML.escape(text) == HTML.escapeScalars(text), "\(text.unicodeScalars.map(\.value))")
            #expect(HTML.mayChange(text) || HTML.escapeScalars(text) == text)
        }
    }
}
