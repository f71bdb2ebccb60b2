import BarazaModel
import BarazaTestSupport
import Foundation
import Testing

@testable import BarazaImport

/// The byte-level fast paths of ``Normalise`` against their general (Character and Foundation based) twins, on
/// generated answers built from the characters that decide each grammar, plus the NFC quick check against
/// Foundation's normalisation.
@Suite struct NormaliseFastPathTests {
    @Test func dateTimesAgreeWithTheGeneralReader() throws {
        let zones = try ["Africa/Kigali", "Europe/Paris", "America/New_York"].map {
            try #require(Zone(identifier: $0))
        }
        var random = SeededGenerator(seed: 42)
        let pieces = ["0", "1", "2", "3", "5", "9", "-", ":", "T", " ", ".", "Z", "+", "z", "\t", "é"]
        let bases = [
            "2027-03-22T21:40", "2027-03-28T02:30", "2026-11-01T01:30", "2027-02-29T10:00", "2027-12-31 23:59",
            "2027-03-22T24:00", "2027-13-01T10:00", "2022-11-20T07:55:00.000", "2027-10-31T02:30:59",
        ]
        let suffixes = [
            "", "Z", "+03", "-03", "+03:00", "-05:30", "+0300", "+19:00", "+03:60", "+3", "+03:0", ".5", ":5", ":00",
            ":00.", ":00.123Z", ":00+03", " ", "Z ", "+03:00:00", "+030",
        ]
        var cases = bases.flatMap { base in suffixes.map { base + $0 } }
        for _ in 0..<20_000 {
            var text = bases[random.below(bases.count)] + suffixes[random.below(suffixes.count)]
            // Mutate one position, or build free text from the grammar's characters.
            if random.below(3) == 0 {
                text = random.string(from: pieces, maxLength: 28)
            } else if !text.isEmpty {
                var scalars = Array(text.unicodeScalars)
                scalars[random.below(scalars.count)] = pieces[random.below(pieces.count)].unicodeScalars.first!
                text = String(String.UnicodeScalarView(scalars))
            }
            cases.append(text)
        }
        for text in cases {
            for zone in zones {
                let fast = Normalise.instant(text, zone: zone)
                let general = Normalise.generalInstant(text, zone: zone, serialDates1904: false)
                #expect(fast == general, "\(text.debugDescription) in \(zone.identifier)")
            }
        }
    }

    @Test func listsAgreeWithTheGeneralSplitter() {
        var random = SeededGenerator(seed: 7)
        let alphabet = ["a", "B", "1", " ", "  ", ",", ";", "\t", "\n", "\r\n", "é", "e\u{301}", "\u{7F}", "x y", "_"]
        for _ in 0..<20_000 {
            let text = random.string(from: alphabet, maxLength: 12)
            for spaces in [true, false] {
                // Compared as bytes: `==` on strings holds canonically equivalent texts (NFC or not) equal.
                #expect(
                    Normalise.list(text, spaces: spaces).map { Array($0.utf8) }
                        == Normalise.generalList(text, spaces: spaces).map { Array($0.utf8) },
                    "\(text.debugDescription) spaces: \(spaces)")
            }
        }
    }

    @Test func emailsAgreeWithTheGeneralCheck() {
        var random = SeededGenerator(seed: 11)
        let alphabet = ["a", "Z", "0", ".", "..", "@", "-", "_", "+", " ", "\t", "é", "\u{7F}", "example", ".org"]
        var cases = ["a@b.co", "A@B.CO", "@b.co", "a@.bc", "a@bc.", "a@b..c", "a@@b.c", "a@b", "a@b.c", "a@bc", ""]
        for _ in 0..<20_000 { cases.append(random.string(from: alphabet, maxLength: 10)) }
        for text in cases {
            #expect(
                Normalise.email(text).map { Array($0.utf8) } == Normalise.generalEmail(text).map { Array($0.utf8) },
                "\(text.debugDescription)")
        }
    }

    @Test func wallTextsAndQuotedScalarsAgreeWithTheGeneralFormatters() throws {
        let zones = try ["Africa/Kigali", "Europe/Paris", "America/St_Johns", "Asia/Kathmandu", "Pacific/Kiritimati"]
            .map { try #require(Zone(identifier: $0)) }
        var random = SeededGenerator(seed: 3)
        for _ in 0..<5_000 {
            // From year 1 to 2200, some on whole minutes, some with seconds.
            let seconds = Int64(random.below(70_000_000_000)) - 62_000_000_000
            let instant = Instant(secondsSince1970: random.below(2) == 0 ? seconds / 60 * 60 : seconds)
            for zone in zones {
                var out = Array("x".utf8)
                Normalise.appendWallText(instant, zone: zone, to: &out)
                #expect(String(decoding: out, as: UTF8.self) == "x" + Normalise.wallText(instant, zone: zone))
            }
        }
        let alphabet = [
            "a", "\"", "\\", "\n", "\t", "\r", "\u{1}", "\u{1F}", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}", "\u{A0}",
            "\u{2027}", "\u{2028}", "\u{2029}", "\u{202A}", "\u{FEFF}", "\u{FEFE}", "\u{FFFD}", "é", "ب", "😀", " ",
        ]
        for _ in 0..<5_000 {
            let text = random.string(from: alphabet, maxLength: 6)
            var escaped = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": escaped += "\\\""
                case "\\": escaped += "\\\\"
                case "\n": escaped += "\\n"
                case "\t": escaped += "\\t"
                case "\r": escaped += "\\r"
                case "\u{1}", "\u{1F}", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}", "\u{2028}", "\u{2029}", "\u{FEFF}":
                    escaped += "\\u" + String(format: "%04X", scalar.value)
                default: escaped.unicodeScalars.append(scalar)
                }
            }
            #expect(YAMLText.quoted(text) == escaped + "\"", "\(text.debugDescription)")
        }
    }

    @Test func emailIndexFindsTheSamePeopleAsADictionaryEvenWhenEveryHashCollides() throws {
        for hash in [EmailIndex.standardHash, { (email: String) in UInt64(email.utf8.count % 3) }] {
            let spool = try RegistrationSpool(in: NSTemporaryDirectory(), displayPath: "test")
            var index = EmailIndex(hash: hash)
            var reference: [String: Int] = [:]
            var random = SeededGenerator(seed: 5)
            for ordinal in 1...3_000 {
                // Some ordinals are records not kept (no spool entry), as invalid records are.
                if random.below(10) == 0 { continue }
                let email = "p\(random.below(700))@example.org"
                try spool.add(
                    ordinal: ordinal, text: ArraySlice("t\(ordinal)\n".utf8), recordID: "r\(ordinal)", email: email,
                    line: ordinal)
                let (entry, inserted) = try index.insert(email, ordinal: ordinal, submittedAt: nil, spool: spool)
                #expect(inserted == (reference[email] == nil))
                if inserted { reference[email] = entry }
                #expect(reference[email] == entry)
                #expect(index.entries[entry].firstOrdinal <= ordinal)
            }
            #expect(index.entries.count == reference.count)
            let first = try #require(index.entries.first?.firstOrdinal)
            #expect(try spool.recordID(first) == ("r\(first)", first))
            var texts: [String] = []
            try spool.eachText(index.entries.map(\.firstOrdinal)) { texts.append(String(decoding: $0, as: UTF8.self)) }
            #expect(texts == index.entries.map { "t\($0.firstOrdinal)\n" })
        }
    }

    @Test func textAgreesWithTheGeneralNormalisation() {
        var random = SeededGenerator(seed: 7)
        // Letters in several scripts, precomposed and decomposed accents, and every kind of space or control.
        let alphabet = [
            "a", "Z", "é", "e\u{301}", "ç", "ã", "\u{627}", "\u{644}", "\u{653}", "\u{4E2D}", " ", "  ", "\t", "\n",
            "\r", "\u{A0}", "\u{2003}", "\u{FEFF}", "\u{200B}", "\u{7F}", "\u{85}", "\u{1}", "-", "'", "\"", "1",
        ]
        var unchanged = 0
        for _ in 0..<30_000 {
            let raw = random.string(from: alphabet, maxLength: 10)
            let fast = Normalise.text(raw)
            // Compared as bytes: `==` on strings holds canonically equivalent texts (NFC or not) equal.
            #expect(
                fast.map { Array($0.utf8) } == Normalise.generalText(raw).map { Array($0.utf8) },
                "\(raw.debugDescription)")
            if fast.map({ Array($0.utf8) }) == Array(raw.utf8) { unchanged += 1 }
        }
        // The fast paths must be taken often enough to be tested.
        #expect(unchanged > 1000, "only \(unchanged) texts came back unchanged")
    }

    @Test func quickNFCOnlyAcceptsTextFoundationLeavesAlone() {
        // Every scalar the quick check accepts is unchanged by NFC, alone and after a base letter.
        let accepted = (0x80..<0x300).compactMap(Unicode.Scalar.init) + (0x600...0x6FF).compactMap(Unicode.Scalar.init)
        for scalar in accepted where Normalise.isQuickNFC(String(scalar)) {
            for text in [String(scalar), "a" + String(scalar), "\u{627}" + String(scalar)] {
                #expect(text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars))
            }
        }
        // The Arabic marks that compose (hamza above, madda) and combining accents are sent to Foundation.
        #expect(!Normalise.isQuickNFC("\u{627}\u{653}"))
        #expect(!Normalise.isQuickNFC("e\u{301}"))
        #expect(Normalise.text("\u{627}\u{653}").map { Array($0.unicodeScalars) } == ["\u{622}"])
        #expect(Normalise.isQuickNFC("Ngozi بن علي Inês Cissé"))
    }
}
