import BarazaModel
import BarazaWorkspace
import Foundation
import Testing

/// Every text field has a documented size limit (`TextLimit`): a longer value is refused with its place, field,
/// length and limit, and only a short excerpt of it; any value larger than a YAML file may hold is refused while
/// the file is parsed.
struct FieldLimitTests {
    typealias Hostile = HostileInputTests

    static let lineLimit = "500 characters (one line of text: a name, title, organisation...)"

    @Test func aNameOf100000CharactersIsRefusedWithItsLengthAndAnExcerptOnly() throws {
        let name = String(repeating: "Ngozi Okonkwo-Adébáyọ̀ ", count: 5_000).prefix(100_000)
        let scalars = name.unicodeScalars.count
        let messages = try Hostile.messages(Hostile.people(name: "\"\(name)\""))
        let excerpt = String(String.UnicodeScalarView(name.unicodeScalars.prefix(32)))
        #expect(
            messages == [
                "people.yaml:3:11: people[0].name: \(scalars) characters (`\(excerpt)…`) is too long; expected at "
                    + "most \(Self.lineLimit)"
            ])
        #expect(messages.allSatisfy { $0.count < 250 })
    }

    /// Limits count Unicode scalars: a name in Ge'ez script (three bytes a letter) gets the room of one in Latin
    /// letters, and an accent typed as a combining mark counts as one more.
    @Test func limitsCountUnicodeScalarsNotBytesOrCharacters() throws {
        for (name, fits) in [
            (String(repeating: "a", count: 500), true), (String(repeating: "a", count: 501), false),
            (String(repeating: "ሀ", count: 500), true), (String(repeating: "ሀ", count: 501), false),
            (String(repeating: "e\u{301}", count: 250), true), (String(repeating: "e\u{301}", count: 250) + "x", false),
        ] {
            let folder = try Hostile.workspace(Hostile.people(name: name))
            defer { try? FileManager.default.removeItem(at: folder) }
            do {
                let people = try loader.load(directory: folder.path).people
                #expect(fits, "\(name.unicodeScalars.count) scalars loaded")
                #expect(people.map { Array($0.name.unicodeScalars) } == [Array(name.unicodeScalars)])
            } catch {
                #expect(!fits)
                #expect(
                    error.errors.map(\.message).allSatisfy {
                        $0.contains("people[0].name: \(name.unicodeScalars.count) characters (")
                            && $0.hasSuffix("is too long; expected at most \(Self.lineLimit)")
                    }, "\(error)")
            }
        }
    }

    @Test func abstractsAndBiosHold20000CharactersTitlesOneLine() throws {
        let bio = String(repeating: "Urbaniste, ", count: 2_000).prefix(20_000)
        let fits = Hostile.people.replacingOccurrences(of: "    timezone", with: "    bio: \"\(bio)\"\n    timezone")
        let folder = try Hostile.workspace(["people.yaml": Data(fits.utf8)])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try loader.load(directory: folder.path).people.first?.bio?.english?.count == 20_000)

        let tooLong = fits.replacingOccurrences(of: "bio: \"", with: "bio: { fr: \"x").replacingOccurrences(
            of: "\"\n    timezone", with: "\" }\n    timezone")
        let messages = try Hostile.messages(["people.yaml": Data(tooLong.utf8)])
        #expect(messages.count == 1, "\(messages.map { $0.prefix(300) })")
        #expect(messages.first?.hasPrefix("people.yaml:4:16: people[0].bio.fr: 20001 characters (`xUrbaniste") == true)
        #expect(
            messages.first?.hasSuffix(
                "is too long; expected at most 20000 characters (an abstract, bio or other free text)") == true)

        let sessions = WorkspaceTemplate(eventID: "training", timezone: "Africa/Niamey").files["sessions.yaml"]!
        let title = try #require(sessions.firstMatch(of: /title: (.+)\n/)?.1)
        let long = sessions.replacingOccurrences(of: title, with: String(repeating: "Atelier ", count: 70))
        let sessionMessages = try Hostile.messages(["sessions.yaml": Data(long.utf8)])
        #expect(sessionMessages.count == 1)
        #expect(sessionMessages.first?.contains("sessions[0].title: 559 characters (`Atelier Atelier") == true)
    }

    @Test func anEmailLongerThanSMTPCarriesIsRefused() throws {
        let email = String(repeating: "a", count: 243) + "@example.org"
        #expect(email.count == 255)
        let text = Hostile.people.replacingOccurrences(of: "    timezone", with: "    email: \(email)\n    timezone")
        let messages = try Hostile.messages(["people.yaml": Data(text.utf8)])
        #expect(
            messages == [
                "people.yaml:4:12: people[0].email: 255 characters (`aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…`) is too long; "
                    + "expected at most 254 characters (an email address)"
            ])
    }

    /// A value larger than any field allows is kept as an excerpt and its length while the file is parsed, in
    /// any field, under a key the format does not have, or as such a key.
    @Test func aValueOfMegabytesIsRefusedWhereverItIs() throws {
        let huge = String(repeating: "z", count: 3_000_000)
        #expect(huge.utf8.count > TextLimit.maximumScalarBytes)
        let inName = try Hostile.messages(Hostile.people(name: huge))
        #expect(
            inName == [
                "people.yaml:3:11: people[0].name: 3000000 characters (`\(huge.prefix(32))…`) is too long; expected at "
                    + "most \(Self.lineLimit)"
            ])
        let inUnknownKey = try Hostile.messages([
            "people.yaml": Data(
                Hostile.people.replacingOccurrences(of: "    timezone", with: "    note: \(huge)\n    timezone").utf8)
        ])
        #expect(inUnknownKey.count == 1)
        #expect(inUnknownKey.first?.hasPrefix("people.yaml:4:5: people[0]: unknown key `note`") == true)
        // An implicit key is at most 1,024 characters for libyaml; an explicit one (`? key`) has no limit there.
        let asKey = try Hostile.messages([
            "people.yaml": Data(
                Hostile.people.replacingOccurrences(of: "    timezone", with: "    ? \(huge)\n    : 1\n    timezone")
                    .utf8)
        ])
        #expect(asKey.count == 1)
        #expect(asKey.first?.contains(String(repeating: "z", count: 81)) == false, "\(asKey.first?.prefix(300) ?? "")")
        #expect(asKey.first?.hasPrefix("people.yaml:4:7: people[0]: unknown key `zzzzzzzz") == true, "\(asKey)")
        let implicitKey = try Hostile.messages([
            "people.yaml": Data(
                Hostile.people.replacingOccurrences(of: "    timezone", with: "    \(huge): 1\n    timezone").utf8)
        ])
        #expect(implicitKey.count == 1 && implicitKey.first?.contains("YAML syntax: ") == true, "\(implicitKey)")
    }

    /// Any value an error quotes is cut to a short excerpt with its length: a pasted document in a time zone
    /// field is not echoed back whole.
    @Test func anErrorQuotesOnlyAnExcerptOfALongValue() throws {
        let zone = "Africa/" + String(repeating: "Kigali", count: 70)
        let text = Hostile.people.replacingOccurrences(of: "Africa/Niamey", with: zone)
        let messages = try Hostile.messages(["people.yaml": Data(text.utf8)])
        #expect(
            messages == [
                "people.yaml:4:15: people[0].timezone: `\(zone.prefix(60))…` (427 characters) is not valid; expected "
                    + "an IANA time zone such as `Africa/Kigali`"
            ])
    }
}
