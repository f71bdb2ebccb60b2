import BarazaModel
import PropertyBased
import Testing

@testable import BarazaWorkspace

/// The checks every text field goes through compare numbers; the Unicode properties they stand for stay here as
/// the reference.
struct TextCheckTests {
    @Test func forbiddenScalarsAreTheControlCharactersAndDirectionOverridesOfEveryPlane() {
        var forbidden = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }  // surrogates
            let reference =
                scalar != "\t" && scalar != "\n"
                && (scalar.properties.generalCategory == .control || YAMLValue.isDirectionOverride(scalar))
            if YAMLValue.isForbidden(scalar) != reference {
                Issue.record("U+\(String(value, radix: 16, uppercase: true)): \(!reference) instead of \(reference)")
            }
            if reference { forbidden += 1 }
        }
        // 65 control characters less tab and line feed, and 9 direction controls.
        #expect(forbidden == 72)
    }

    /// The language-code check as it read characters before it read bytes.
    static func characterReading(_ code: String) -> String? {
        let c = code.lowercased()
        guard (2...3).contains(c.count), c.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return c
    }

    @Test func languageCodesAreReadAsTheCharacterReadingReadThem() async {
        let pieces = ["e", "N", "fr", "Z", "é", "É", "\u{212A}", "ß", "1", "-", " ", "\u{0301}", "ǅ", "İ", "ﬀ", ""]
        await propertyCheck(count: 3000, input: Gen<String?>.element(of: pieces).array(of: 0...4)) { drawn in
            let code = drawn.map { $0! }.joined()
            #expect(Language(code)?.code == Self.characterReading(code), "\(code.debugDescription)")
        }
        for code in ["en", "FR", "wol", "e", "engl", "é\u{0301}", "\u{212A}m", "ar "] {
            #expect(Language(code)?.code == Self.characterReading(code), "\(code.debugDescription)")
        }
    }
}
