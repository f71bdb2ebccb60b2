import BarazaModel
import BarazaTestSupport
import BarazaXML
import Foundation
import Testing

@testable import BarazaImport

/// The import reads most records through a fast path on the batch's bytes; every record it accepts must give the
/// same person, YAML and counts as the general path, and every record the general path refuses must be left to it.
struct FastNormaliserTests {
    /// Answers per column: clean ones first (the fast path must take records made only of those), then the rest.
    static let answers: [(column: String, clean: [String], other: [String])] = [
        (
            "full_name", ["Awa Diallo", "Zoë Ndiaye", "Ngozi بن علي", "O'Brien Kofi"],
            [
                "  Awa   Diallo\t", "Ze\u{301}phyrin Okafor", "\u{7}Bell", "", "   ", "Line\nBreak", "\u{FEFF}Bom",
                "Ngozi\u{A0}Okafor", "Zoë\u{85}", "مُحَمَّد علي",
                "Zoë  Ndiaye", " Ñandú", "Ωmega", "Amani 😀", "ـبـ", "Ça\u{2003}va",
                "\u{645}\u{651}\u{64E}د", "\u{627}\u{653}منة",
                // Longer than a name may be (cut by the general path), and long in bytes only (kept whole).
                String(repeating: "Awa Diallo ", count: 60), String(repeating: "بن ", count: 150),
            ]
        ),
        ("given_name", ["Aïssatou"], ["", "  Jean-Luc ", "Amina\u{0}", String(repeating: "Aminata ", count: 40)]),
        ("family_name", ["Traoré"], ["", " Mensah  ", "\u{2028}", String(repeating: "Traoré ", count: 50)]),
        (
            "email", ["awa.diallo@example.org", "Salma.Nakato@Example.Com"],
            [
                " awa@example.org ", "a@b", "no-at.example.org", "a@@b.org", "é@exemple.fr", "a b@c.org", "a@.bc",
                "A\"q@x.org", "", String(repeating: "a", count: 250) + "@example.org",
            ]
        ),
        (
            "organisation", ["Université de Bizerte", "Network secretariat (draft)"],
            ["", "Org \"quoted\" \\ slash", String(repeating: "Université ", count: 50)]
        ),
        ("city", ["Kigali", "Sèmè-Podji"], ["", "  Lagos "]),
        ("country", ["RW", "sn"], ["Sénégal", "Kenya", "Côte d'Ivoire", "XX", "Narnia", "", "r w"]),
        ("timezone", ["Africa/Kigali"], ["Mars/Olympus", "", "Europe/Paris"]),
        ("role", ["participant", "speaker"], ["Intervenant", "speaker, staff", "wizard", "PARTICIPANT", ""]),
        ("language", ["fr", "en", "ar"], ["English, français", "anglais", "xx", "fr en", "Français", ""]),
        (
            "dietary", [""],
            ["halal", "vegetarian halal", "sans gluten, végétarien", "halal, " + String(repeating: "x", count: 600)]
        ),
        ("accessibility", [""], ["wheelchair", "sign language"]),
        (
            "arrival_datetime", ["2027-03-20T10:30:00.000+02:00", "2027-03-20T08:05"],
            [
                "2027-03-20", "20/03/2027 10:00", "2027-03-28T02:30", "46000.5", "soon", "2027-03-20T10:30:00Z",
            ]
        ),
        ("departure_datetime", ["2027-03-25T18:00:00.000+02:00"], ["2027-03-19T10:00:00+02:00", "later"]),
        (
            "sessions", ["s1 s2", "s3"],
            ["s1,s3", "s1 s1", "s9", "s1  s2", "", "s2;s4", "s1 " + String(repeating: "s", count: 101)]
        ),
        ("consent_share_contact", ["yes", "no"], ["Oui", "non", "maybe", "TRUE", ""]),
        ("consent_photos", ["no"], ["yes", "peut-être"]),
        ("formhub/uuid", ["4b1c8e0f"], ["", "  "]),
        ("remarks", ["none"], ["", "\u{3000}"]),
    ]

    static func normaliser(sessions: Set<String>?, spaces: Bool, zone: Zone) -> RecordNormaliser {
        RecordNormaliser(
            mapping: RegistrationMapping(), zone: zone,
            knownSessions: sessions.map { SessionDirectory(sessions: $0.sorted().map { ($0, []) }) },
            serialDates1904: false,
            displayPath: "export.xml", spaceSeparatedLists: spaces)
    }

    /// A record choosing for each column a clean answer, another answer, or none.
    static func record(_ random: inout SeededGenerator, cleanOnly: Bool, line: Int) -> FormRecord {
        var fields: [(path: String, value: String)] = []
        for (column, clean, other) in answers {
            switch random.below(cleanOnly ? 4 : 6) {
            case 0: continue
            case 1, 2, 3: fields.append((column, clean[random.below(clean.count)]))
            default: fields.append((column, other[random.below(other.count)]))
            }
        }
        if !cleanOnly && random.below(4) == 0, let duplicate = fields.randomElement(using: &random) {
            fields.append(duplicate)
        }
        let ids = ["uuid:\(line)", " uuid:\(line) ", "", "uuid:\(line)-" + String(repeating: "9", count: 600)]
        let id = random.below(5) == 0 ? nil : ids[random.below(cleanOnly ? 1 : ids.count)]
        let submitted = random.below(4) == 0 ? nil : ["2027-01-02T03:04:05.678+01:00", "2027-01-02"][random.below(2)]
        if let id { fields.append(("meta/instanceID", id)) }
        var record = FormRecord(fields: fields, sourceLine: line)
        record.recordID = id?.isEmpty == false ? id : nil
        record.submittedAt = submitted
        return record
    }

    func compare(cleanOnly: Bool, sessions: Set<String>?, spaces: Bool, zoneName: String, seed: UInt64) throws {
        let zone = try #require(Zone(identifier: zoneName))
        var random = SeededGenerator(seed: seed)
        var fast = Self.normaliser(sessions: sessions, spaces: spaces, zone: zone)
        var general = Self.normaliser(sessions: sessions, spaces: spaces, zone: zone)
        var taken = 0
        var cut = 0
        let records = (0..<1_500).map { Self.record(&random, cleanOnly: cleanOnly, line: $0 + 2) }
        let batch = FormRecordBatch(records)
        for (index, record) in records.enumerated() {
            let reference = general.person(record, ordinal: index + 1)
            var rendered: [UInt8] = []
            guard
                let person = fast.fastPerson(
                    batch, index, ordinal: index + 1, render: "registrations/x.xml", zone: zone, into: &rendered)
            else {
                #expect(rendered.isEmpty)
                _ = fast.person(batch.record(index), ordinal: index + 1)
                if case .person(let person) = reference, !person.truncated.isEmpty { cut += 1 }
                continue
            }
            taken += 1
            guard case .person(let expected) = reference else {
                Issue.record("record \(index) is invalid for the general path but the fast path took it: \(record)")
                continue
            }
            var body: [UInt8] = []
            RegistrationImport.appendBody(expected, source: "registrations/x.xml", zone: zone, to: &body)
            // Bytes, not strings: Swift's `==` on strings holds canonically equivalent texts equal (NFC or not).
            #expect(Array(person.email.utf8) == Array(expected.email.utf8))
            #expect(Array(person.recordID.utf8) == Array(expected.recordID.utf8))
            #expect(person.submittedAt == expected.submittedAt)
            #expect(rendered == body, "record \(index): \(String(decoding: rendered, as: UTF8.self))")
        }
        #expect(fast.unmapped == general.unmapped)
        if cleanOnly {
            // Records made of usual answers (names, codes, emails and dates as exports write them) must not need
            // the general path, or the fast one would be pointless.
            // (A record kept with a dropped answer, such as a sign-up to an unknown session, is the general path's.)
            let valid = records.indices.filter {
                if case .person(let p) = general.person(records[$0], ordinal: $0 + 1) { return p.notes.isEmpty }
                return false
            }
            #expect(taken == valid.count)
            #expect(valid.count > 100)
        } else {
            #expect(taken > 10)
            // Records with answers over their limit are left to the general path, which cuts them.
            #expect(cut > 10)
        }
    }

    @Test(arguments: [false, true])
    func agreesWithTheGeneralPath(cleanOnly: Bool) throws {
        try compare(
            cleanOnly: cleanOnly, sessions: ["s1", "s2", "s3", "s4"], spaces: true, zoneName: "Africa/Kigali", seed: 1)
        try compare(cleanOnly: cleanOnly, sessions: nil, spaces: false, zoneName: "Europe/Paris", seed: 2)
        try compare(cleanOnly: cleanOnly, sessions: ["s1", "s2"], spaces: true, zoneName: "America/St_Johns", seed: 3)
    }
}
