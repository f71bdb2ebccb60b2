import BarazaModel
import Testing

/// The first byte that is not UTF-8, where an editor shows it.
struct InvalidUTF8Tests {
    @Test func theFirstInvalidByteIsFoundWithItsLineAndCharacterColumn() {
        #expect(InvalidUTF8.first(in: Array("Aïcha\nKofi\n".utf8)) == nil)
        // Windows-1252 `é` after an accented line: line 2, the fourth character.
        let bytes = Array("Aïcha\nJB,B".utf8) + [0xE9] + Array("nin\n".utf8)
        let found = InvalidUTF8.first(in: bytes)
        #expect(found?.offset == 11 && found?.line == 2 && found?.column == 5 && found?.byte == 0xE9)
        // Overlong forms and surrogates are not UTF-8 either, as Swift's own validation says.
        for bad: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xE2, 0x82]] {
            let found = InvalidUTF8.first(in: Array("ab\n".utf8) + bad)
            #expect(found?.offset == 3 && found?.line == 2 && found?.column == 1, "\(bad)")
            #expect(String(validating: bad, as: UTF8.self) == nil)
        }
    }
}
