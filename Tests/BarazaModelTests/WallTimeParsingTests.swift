import PropertyBased
import Testing

@testable import BarazaModel

/// `WallTime.parse` reads plain ASCII byte by byte; the character-by-character reading it replaced stays as the
/// reference for everything else. Both must agree on every text, valid or not.
struct WallTimeParsingTests {
    /// Texts near the accepted shapes: the right pieces, with digits, separators and lengths varied.
    static func nearTimestamps() -> Generator<String, some SendableSequenceType> {
        let pieces = [
            "2027", "03", "22", "-", "T", " ", "t", "10", "45", "00", ":", "::", "+", "-", "Z", "z", "02", "0200", "1",
            "123", "99", "24", "60", "19", "18", "59", "é", "\u{00A0}", "\u{0661}", "x", "",
        ]
        let valid = ["2027-03-22T10:45", "2026-10-25T02:30:00+02:00", "2027-01-01 00:00Z", "2027-02-28T23:59-0130"]
        return zip(
            Gen<String?>.element(of: valid), Gen<String?>.element(of: pieces).array(of: 0...6), Gen.int(in: 0...24)
        )
        .map { base, extra, cut in
            let text = base! + extra.map { $0! }.joined()
            // Cut or mutate the valid prefix too, so that nearly valid texts come up often.
            return cut < 12 ? String(text.prefix(text.count - cut)) : text
        }
    }

    @Test func theByteReadingAgreesWithTheCharacterReading() async {
        var accepted = 0
        await propertyCheck(count: 3000, input: Self.nearTimestamps()) { text in
            let fast = WallTime.parse(text)
            let reference = WallTime.parseCharacters(text)
            #expect(fast?.0 == reference?.0 && fast?.offset == reference?.offset, "\(text.debugDescription)")
            if fast != nil { accepted += 1 }
        }
        #expect(accepted >= 300, "only \(accepted) of 3000 texts parsed: the generator drifted away from timestamps")
    }

    @Test(
        arguments: [
            ("2027-03-22T10:45", "2027-03-22T10:45:00", nil),
            ("2026-10-25T02:30:15+02:00", "2026-10-25T02:30:15", 7200),
            ("2027-01-01 00:00Z", "2027-01-01T00:00:00", 0), ("2027-02-28T23:59-0130", "2027-02-28T23:59:00", -5400),
            ("  2027-03-22T10:45\u{00A0}", "2027-03-22T10:45:00", nil),
            ("2027-03-22T10:45+02::00", "2027-03-22T10:45:00", 7200),
        ] as [(String, String, Int?)])
    func knownTexts(_ text: String, _ local: String, _ offset: Int?) throws {
        let parsed = try #require(WallTime.parse(text))
        #expect(parsed.0.iso8601 == local)
        #expect(parsed.offset == offset)
    }

    @Test(arguments: [
        "2027-02-29T10:00", "2027-03-22T24:00", "2027-03-22T10:60", "2027-03-22T10:45+19:00", "2027-3-22T10:45",
    ])
    func impossibleTextsAreRefused(_ text: String) {
        #expect(WallTime.parse(text) == nil)
    }
}
