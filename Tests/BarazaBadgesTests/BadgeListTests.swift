import BarazaModel
import BarazaTestSupport
import Foundation
import Testing

@testable import BarazaBadges

@Suite("Badge list: roles, names, order")
struct BadgeListTests {
    @Test(
        "One badge role per person, by the default precedence: speaker and moderator, staff, interpreter, press",
        arguments: [
            ([Role.moderator, .staff], BadgeRole.speaker), ([.speaker, .staff], .speaker), ([.staff, .press], .staff),
            ([.staff, .participant], .staff), ([.speaker], .speaker), ([.moderator], .speaker),
            ([.participant, .press], .press), ([.interpreter, .participant], .interpreter),
            ([.participant], .participant), ([], .participant), ([.speaker, .interpreter], .speaker),
        ])
    func rolePrecedence(roles: [Role], expected: BadgeRole) {
        #expect(BadgeRole(roles: Set(roles)) == expected)
    }

    @Test("Bilingual role labels")
    func labels() {
        #expect(BadgeRole.speaker.label.bilingual == "Speaker · Intervenant·e")
        #expect(BadgeRole.staff.label.bilingual == "Staff · Équipe")
        #expect(BadgeRole.interpreter.label.bilingual == "Interpreter · Interprète")
        #expect(BadgeRole.press.label.bilingual == "Press · Presse")
        #expect(BadgeRole.participant.label.bilingual == "Participant · Participant·e")
        #expect(BadgeRole(argument: "Moderator") == .speaker)
        #expect(BadgeRole(argument: "chair") == nil)
    }

    @Test(
        "Family names from a full name keep their particles",
        arguments: [
            ("Aline Uwimana", "Aline", "Uwimana"), ("Maria da Conceição Nhantumbo", "Maria da Conceição", "Nhantumbo"),
            ("Youssef El Amrani", "Youssef", "El Amrani"), ("Khadijetou Mint Sidi", "Khadijetou", "Mint Sidi"),
            ("Ngugi wa Thiong'o", "Ngugi", "wa Thiong'o"), ("Madonna", "", "Madonna"),
            ("Jean de la Fontaine", "Jean", "de la Fontaine"), ("Kwame Owusu-Ansah", "Kwame", "Owusu-Ansah"),
        ])
    func familyNames(name: String, given: String, family: String) {
        let parts = NameParts.split(name)
        #expect(parts.given == given)
        #expect(parts.family == family)
    }

    @Test(
        "Country names in the badge's language; an unknown code stays as written",
        arguments: [
            ("MZ", "pt", "Moçambique"), ("MR", "fr", "Mauritanie"), ("UG", "en", "Uganda"), ("BJ", "fr", "Bénin"),
            ("ZZ", "fr", "ZZ"), ("QQ", "en", "QQ"),
        ])
    func countryNames(code: String, language: String, expected: String) {
        var names = CountryDisplayNames()
        #expect(names.name(of: code, in: language) == expected)
    }

    @Test("Sorted by family name with accents folded, ties broken by person id")
    func order() {
        var builder = WorkspaceBuilder()
        for (id, name) in [
            ("p5", "Zoë Oz"), ("p4", "Ana Ökan"), ("p3", "Eva Éboué"), ("p2", "Luc Ebert"), ("p1", "Léa Éboué"),
            ("p0", "Léa Eboue"), ("p6", "Tom ébène"),
        ] {
            builder.person(id, name: name, roles: [.participant])
        }
        let list = BadgeList(workspace: builder.build(), key: BadgeKey(secret: Array(0..<32), events: ["built-event"]))
        #expect(list.entries.map(\.person.rawValue) == ["p6", "p2", "p3", "p0", "p1", "p4", "p5"])
    }

    @Test("The sort key reads a bounded head of the name: alike that far, given name and person id decide")
    func sortKeyBounded() {
        let head = String(repeating: "Ébène", count: NameParts.sortedScalars / 5)
        #expect(NameParts.sortKey(head + "Zz") == NameParts.sortKey(head + "Aa"))
        #expect(NameParts.sortKey(head + String(repeating: "x", count: 100_000)).unicodeScalars.count <= 400)
        #expect(NameParts.sortKey("Ebène" + "Zz") > NameParts.sortKey("ebene" + "Aa"))

        var builder = WorkspaceBuilder()
        builder.person("p2", name: "Ana " + head + "Aa", roles: [.participant])
        builder.person("p1", name: "Ana " + head + "Zz", roles: [.participant])
        builder.person("p0", name: "Zoë " + head + "Aa", roles: [.participant])
        let list = BadgeList(workspace: builder.build(), key: BadgeKey(secret: Array(0..<32), events: ["built-event"]))
        #expect(list.entries.map(\.person.rawValue) == ["p1", "p2", "p0"])
    }

    @Test("The sample event: every person once, given and family names as written, Portuguese country names")
    func sample() throws {
        let scratch = try ScratchWorkspace()
        let workspace = try scratch.load()
        let list = BadgeList(workspace: workspace, key: ScratchWorkspace.key)
        // Julien Moreau (secretariat, Paris) only speaks online: no printed badge.
        #expect(list.onlineOnly == ["julien-moreau"])
        #expect(list.entries.count == workspace.people.count - 1)
        #expect(Set(list.entries.map(\.person)).count == workspace.people.count - 1)
        let ahmed = try #require(list.entries.first { $0.person == "mohamed-lemine-ould-ahmed" })
        #expect(ahmed.familyName == "Ould Ahmed")
        #expect(ahmed.country == "Mauritanie")
        let maputo = try #require(list.entries.first { $0.countryCode == "MZ" && $0.languages.first?.code == "pt" })
        #expect(maputo.country == "Moçambique")
        #expect(list.entries.allSatisfy { !$0.badgeID.qrPayload.contains("@") })
    }

    @Test("Role filter and printed-set filter")
    func filters() throws {
        let scratch = try ScratchWorkspace()
        let list = BadgeList(workspace: try scratch.load(), key: ScratchWorkspace.key)
        let speakers = list.filtered(roles: [.speaker])
        #expect(!speakers.entries.isEmpty)
        #expect(speakers.entries.allSatisfy { $0.role == .speaker })
        #expect(speakers.entries.count == list.entries.filter { $0.role == .speaker }.count)
        let printed = PrintedBadges().adding(Array(list.entries.dropLast(2)))
        #expect(list.filtered(notIn: printed).entries == Array(list.entries.suffix(2)))
    }
}
