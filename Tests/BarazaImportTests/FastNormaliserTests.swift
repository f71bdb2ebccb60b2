import BarazaModel
import BarazaTestSupport
import BarazaXML
import Foundation
import Testing

@testable import BarazaImport

/// The import reads each record once, in one loop; each field tries its fast path on the answer's bytes and leaves
/// unusual answers to the general functions. The fast paths must change nothing: the same records read with and
/// without them give the same people, diagnostics, YAML and counts.
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
            [
                "s1,s3", "s1 s1", "s9", "s1  s2", "", "s2;s4", "s1 " + String(repeating: "s", count: 101),
                // A title, and a title whose words are ids (the whole answer names one session).
                "Opening Plenary", "s3 s4", "opening plenary, s2",
            ]
        ),
        ("consent_share_contact", ["yes", "no"], ["Oui", "non", "maybe", "TRUE", ""]),
        ("consent_photos", ["no"], ["yes", "peut-être"]),
        ("arrival_airport", [""], ["KGL", "Kigali International (KGL)", "nbo", "Gare du Nord"]),
        ("arrival_flight", [""], ["et813", "WB 101", String(repeating: "vol ", count: 140)]),
        ("departure_airport", [""], ["kgl"]),
        ("hebergement", [""], ["oui", "No - I live in Kigali", "peut-être"]),
        ("hotel_preference", [""], ["Radisson Blu", "near the venue", "Marriot"]),
        ("local_address", [""], ["KG 7 Ave", String(repeating: "Rue ", count: 130)]),
        ("emergency_contact", [""], ["+250 788 000 000"]),
        ("formhub/uuid", ["4b1c8e0f"], ["", "  "]),
        ("remarks", ["none"], ["", "\u{3000}"]),
    ]

    static func normaliser(sessions: Set<String>?, spaces: Bool, zone: Zone, fast: Bool) -> RecordNormaliser {
        var normaliser = RecordNormaliser(
            mapping: RegistrationMapping(), zone: zone,
            knownSessions: sessions.map {
                SessionDirectory(
                    sessions: $0.sorted().map { ($0, $0 == "s1" ? ["Opening plenary"] : $0 == "s2" ? ["S3 S4"] : []) })
            },
            serialDates1904: false, displayPath: "export.xml", spaceSeparatedLists: spaces,
            places: PlaceDirectory(places: [("KGL", "Kigali International"), ("NBO", nil)]))
        normaliser.hotels = PlaceDirectory(places: [("radisson", "Radisson Blu Hotel"), ("marriott", "Marriott")])
        normaliser.usesFastPaths = fast
        return normaliser
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

    /// What the record loop gives for a record, as bytes (Swift's `==` on strings holds canonically equivalent
    /// texts equal, NFC or not): the person or the problems, the diagnostics, the YAML.
    struct Reading: Equatable, CustomStringConvertible {
        var outcome: [[UInt8]]
        var yaml: [UInt8]

        init(_ outcome: RecordNormaliser.Outcome, yaml: [UInt8]) {
            func lines(_ records: [BadRecord]) -> [String] {
                records.map { "\($0.location) \($0.record) \($0.field) \($0.reason)" }
            }
            let texts: [String]
            switch outcome {
            case .invalid(let problems):
                texts = ["invalid"] + lines(problems)
            case .person(let p):
                texts =
                    ["person", p.email, p.name, p.recordID, "\(p.submittedAt.map(\.secondsSince1970) ?? -1)"]
                    + lines(p.truncated) + ["notes"] + lines(p.notes)
            }
            self.outcome = texts.map { Array($0.utf8) }
            self.yaml = yaml
        }

        var description: String {
            (outcome + [yaml]).map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
        }
    }

    func compare(cleanOnly: Bool, sessions: Set<String>?, spaces: Bool, zoneName: String, seed: UInt64) throws {
        let zone = try #require(Zone(identifier: zoneName))
        var random = SeededGenerator(seed: seed)
        var fast = Self.normaliser(sessions: sessions, spaces: spaces, zone: zone, fast: true)
        var general = Self.normaliser(sessions: sessions, spaces: spaces, zone: zone, fast: false)
        let records = (0..<1_500).map { Self.record(&random, cleanOnly: cleanOnly, line: $0 + 2) }
        let batch = FormRecordBatch(records)
        var (valid, invalid, notes, cut) = (0, 0, 0, 0)
        for index in records.indices {
            var readings: [Reading] = []
            for fastPaths in [true, false] {
                var yaml: [UInt8] = []
                let outcome =
                    fastPaths
                    ? fast.person(
                        batch, index, ordinal: index + 1, render: "registrations/x.xml", zone: zone, into: &yaml)
                    : general.person(
                        batch, index, ordinal: index + 1, render: "registrations/x.xml", zone: zone, into: &yaml)
                switch outcome {
                case .invalid:
                    #expect(yaml.isEmpty)
                    if fastPaths { invalid += 1 }
                case .person(let person):
                    #expect(!yaml.isEmpty)
                    if fastPaths {
                        valid += 1
                        if !person.notes.isEmpty { notes += 1 }
                        if !person.truncated.isEmpty { cut += 1 }
                    }
                }
                readings.append(Reading(outcome, yaml: yaml))
            }
            let same = readings[0] == readings[1]
            #expect(same, "record \(index) \(records[index]):\n\(readings[0])\nwithout fast paths:\n\(readings[1])")
        }
        #expect(fast.unmapped == general.unmapped)
        #expect(!fast.unmapped.isEmpty)
        // The generated records cover every outcome.
        #expect(valid > 100)
        if !cleanOnly {
            #expect(invalid > 10)
            #expect(notes > 10)
            #expect(cut > 10)
        }
    }

    /// Each field's fast path against its general path, inside the one record loop: on the same records, with and
    /// without fast paths, the same people, diagnostics, YAML and counts.
    @Test(arguments: [false, true])
    func fastPathsChangeNothing(cleanOnly: Bool) throws {
        try compare(
            cleanOnly: cleanOnly, sessions: ["s1", "s2", "s3", "s4"], spaces: true, zoneName: "Africa/Kigali", seed: 1)
        try compare(cleanOnly: cleanOnly, sessions: nil, spaces: false, zoneName: "Europe/Paris", seed: 2)
        try compare(cleanOnly: cleanOnly, sessions: ["s1", "s2"], spaces: true, zoneName: "America/St_Johns", seed: 3)
    }

    /// The usual answers (clean ones of the table above) are the fast paths' own: none needs the general path.
    @Test func theUsualAnswersTakeTheFastPaths() throws {
        func bytes(_ text: String) -> ArraySlice<UInt8> { Array(text.utf8)[...] }
        for answer in ["RW", "sn"] { #expect(AnswerBytes.countryCode(bytes(answer)) != nil) }
        for answer in ["participant", "speaker", "fr", "en", "ar"] {
            #expect(AnswerBytes.isLowercaseWord(bytes(answer)))
        }
        for answer in ["s1 s2", "s3"] { #expect(AnswerBytes.isPlainList(bytes(answer))) }
        for answer in ["yes", "no"] { #expect(AnswerBytes.yesNo(bytes(answer)) != nil) }
        for answer in ["awa.diallo@example.org", "Salma.Nakato@Example.Com"] {
            #expect(Normalise.asciiEmail(answer)?.valid == true)
        }
        for answer in ["2027-03-20T10:30:00.000+02:00", "2027-03-20T08:05", "2027-01-02T03:04:05.678+01:00"] {
            #expect(Normalise.asciiDateTime(answer) != nil)
        }
        // Text already normal is copied as it is; other ASCII is normalised byte by byte.
        for (raw, normal) in [
            ("Zoë Ndiaye", "Zoë Ndiaye"), ("Ngozi بن علي", "Ngozi بن علي"), ("  Awa \t Diallo ", "Awa Diallo"),
        ] {
            var text: [UInt8] = []
            var raw = raw
            let range = raw.withUTF8 { AnswerBytes.appendText($0, to: &text) }
            #expect(range.map { Array(text[$0]) } == Array(normal.utf8))
        }
    }

    /// A spreadsheet's batches number their columns anew (a row without a cell leaves its column out): an answer
    /// goes to its column's field whatever number its batch gives the column.
    @Test func batchesNumberingColumnsDifferentlyReadTheSame() throws {
        let zone = try #require(Zone(identifier: "Africa/Kigali"))
        var normaliser = Self.normaliser(sessions: nil, spaces: false, zone: zone, fast: true)
        let first = FormRecordBatch([
            FormRecord(fields: [("full_name", "Awa Diallo"), ("email", "awa@example.org")], sourceLine: 2)
        ])
        let second = FormRecordBatch([
            FormRecord(fields: [("email", "kofi@example.org"), ("full_name", "Kofi Mensah")], sourceLine: 3)
        ])
        #expect(first.paths != second.paths)
        for (batch, email, name) in [
            (first, "awa@example.org", "Awa Diallo"), (second, "kofi@example.org", "Kofi Mensah"),
        ] {
            var yaml: [UInt8] = []
            guard
                case .person(let person) = normaliser.person(batch, 0, ordinal: 1, render: nil, zone: zone, into: &yaml)
            else {
                Issue.record("no person from \(batch.record(0))")
                continue
            }
            #expect(person.email == email)
            #expect(person.name == name)
        }
    }
}
