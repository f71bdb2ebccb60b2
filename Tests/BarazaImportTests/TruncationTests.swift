import BarazaModel
import BarazaTestSupport
import BarazaXML
import Foundation
import PropertyBased
import Testing

@testable import BarazaImport

/// An answer longer than its field allows is cut to fit, on a character boundary and in NFC, and reported with the
/// record, its place and the field; the rest of the record is imported as it is.
struct TruncationTests {
    /// Characters of many shapes: ASCII, precomposed and decomposed accents, stacked marks, Hangul syllables and
    /// jamo, an emoji family (a ZWJ sequence), a flag, Arabic with a shadda, Ge'ez, and a space.
    static let characters: [String] = [
        "a", "é", "e\u{301}", "o\u{323}\u{300}", "한", "\u{1100}\u{1161}\u{11A8}", "👨‍👩‍👧", "🇷🇼", "مّ", "ሀ", " ",
        "x" + String(repeating: "\u{301}", count: 7),
    ]

    /// The longest prefix of whole characters of `text` with at most `limit` scalars, spaces at its end dropped,
    /// found by trying every prefix: the obvious twin of `Normalise.truncated`.
    static func bruteForce(_ text: String, limit: Int) -> String {
        let characters = Array(text)
        var best = ""
        for count in 0...characters.count {
            let prefix = String(characters[0..<count])
            if prefix.unicodeScalars.count <= limit { best = prefix }
        }
        if best.isEmpty && !text.isEmpty {
            best = String(String.UnicodeScalarView(text.unicodeScalars.prefix(limit)))
        }
        while best.hasSuffix(" ") { best.removeLast() }
        return best
    }

    @Test func truncationKeepsWholeCharactersAndNFCAsTheBruteForceDoes() async {
        await propertyCheck(
            input: Gen.int(in: 0...(Self.characters.count - 1)).array(of: 0...60), Gen.int(in: 1...40)
        ) { indexes, limit in
            guard let text = Normalise.text(indexes.map { Self.characters[$0] }.joined()) else { return }
            let cut = Normalise.truncated(text, to: limit)
            #expect(cut.unicodeScalars.count <= limit)
            #expect(text.unicodeScalars.starts(with: cut.unicodeScalars))
            #expect(Array(cut.unicodeScalars) == Array(cut.precomposedStringWithCanonicalMapping.unicodeScalars))
            #expect(Array(cut.unicodeScalars) == Array(Self.bruteForce(text, limit: limit).unicodeScalars))
            if text.unicodeScalars.count <= limit { #expect(cut == text) }
        }
    }

    @Test func aCharacterLongerThanTheLimitIsCutBetweenScalars() {
        let zalgo = "x" + String(repeating: "\u{301}", count: 900)
        #expect(Normalise.truncated(zalgo, to: 500).unicodeScalars.count == 500)
        #expect(Normalise.truncated("ab cd", to: 3) == "ab")
    }

    /// An export of three people, the second with a name of 100,000 characters and an organisation of 600.
    static func export(in folder: String) throws -> (path: String, name: String) {
        var raw = ""
        var (index, scalars) = (0, 0)
        while scalars < 130_000 {
            let character = index % 9 == 8 ? " " : characters[index % (characters.count - 1)]
            raw += character
            scalars += character.unicodeScalars.count
            index += 1
        }
        let name = Normalise.truncated(Normalise.text(raw)!, to: 100_000)
        #expect(name.unicodeScalars.count > 99_990)
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <submissions>
              <inscription id="f"><name>Aminata Traoré</name><email>aminata@example.org</email>\
            <orx:meta xmlns:orx="http://openrosa.org/xforms"><orx:instanceID>uuid:1</orx:instanceID></orx:meta></inscription>
              <inscription id="f"><name>\(name)</name><email>long@example.org</email>\
            <organisation>\(String(repeating: "Ville ", count: 100))</organisation><city>Lagos</city>\
            <orx:meta xmlns:orx="http://openrosa.org/xforms"><orx:instanceID>uuid:2</orx:instanceID></orx:meta></inscription>
              <inscription id="f"><name>Kofi Mensah</name><email>kofi@example.org</email>\
            <orx:meta xmlns:orx="http://openrosa.org/xforms"><orx:instanceID>uuid:3</orx:instanceID></orx:meta></inscription>
            </submissions>

            """
        return (try write(xml, to: "long-name.xml", in: folder), name)
    }

    @Test func aNameOf100000CharactersIsCutReportedAndTheRecordKept() throws {
        let (file, name) = try Self.export(in: try scratchFolder())
        let ws = try scratchWorkspace()
        let report = try RegistrationImport(file: file, workspace: ws).run(dryRun: false)
        #expect(report.people == 3)
        #expect(report.badRecords.isEmpty)
        #expect(
            report.truncated.map(\.description) == [
                "\(file):4: record uuid:2: name: \(name.unicodeScalars.count) characters, more than the 500 allowed "
                    + "(one line of text: a name, title, organisation...); kept the first "
                    + "\(Normalise.truncated(name, to: 500).unicodeScalars.count)",
                "\(file):4: record uuid:2: organisation: 599 characters, more than the 500 allowed (one line of text: "
                    + "a name, title, organisation...); kept the first 500",
            ])
        let person = try #require(try load(ws).people.first { $0.email == "long@example.org" })
        #expect(Array(person.name.unicodeScalars) == Array(Normalise.truncated(name, to: 500).unicodeScalars))
        #expect(person.name.unicodeScalars.count > 490)
        #expect(person.organisation?.unicodeScalars.count == 500)
        #expect(person.city == "Lagos")
        #expect(person.source?.record == "uuid:2")
    }

    /// An email longer than SMTP carries cannot be cut: the record is refused. A session id longer than an id may
    /// be is one sign-up dropped: the person is kept.
    @Test func anOverlongEmailRefusesTheRecordAndAnOverlongSessionIDOnlyItsSignUp() throws {
        let longID = String(repeating: "s", count: 101)
        let xml = """
            <registrations><data id="f"><full_name>A</full_name><email>\(String(repeating: "a", count: 250))@b.org\
            </email></data><data id="f"><full_name>B</full_name><email>b@example.org</email>\
            <sessions>\(longID)</sessions></data></registrations>
            """
        let file = try write(xml, to: "long.xml", in: try scratchFolder())
        let ws = try scratchWorkspace()
        let report = try RegistrationImport(file: file, workspace: ws).run(dryRun: true)
        #expect(report.people == 1)
        #expect(
            report.badRecords.map { "\($0.field): \($0.reason)" } == [
                "email: an email address of at most 254 characters"
            ])
        #expect(
            report.droppedAnswers.map { "\($0.field): \($0.reason)" } == [
                "sessions: session ids of at most 100 bytes, found one of 101; sign-up dropped, the person kept"
            ])
    }
}
