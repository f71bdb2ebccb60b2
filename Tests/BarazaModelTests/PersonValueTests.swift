import BarazaModel
import Testing

/// `Person` keeps its fields in shared storage: copies must still behave as independent values.
struct PersonValueTests {
    static let here = SourceLocation(file: "people.yaml", line: 3, column: 5)

    static func kossi() -> Person {
        Person(
            id: "kossi-agbo", name: "Kossi Agbo", email: "kossi@example.org", languages: [.french],
            roles: [.speaker], dietary: ["vegan"], location: here)
    }

    @Test func changingACopyLeavesTheOriginalAsItWas() {
        let original = Self.kossi()
        var copy = original
        #expect(copy == original)
        copy.name = "Kossi A."
        copy.languages.append(.english)
        copy.dietary[0] = "halal"
        #expect(original.name == "Kossi Agbo")
        #expect(original.languages == [.french])
        #expect(original.dietary == ["vegan"])
        #expect(copy.name == "Kossi A.")
        #expect(copy.languages == [.french, .english])
        #expect(copy.dietary == ["halal"])
        #expect(copy != original)
    }

    @Test func equalFieldsMakeEqualPeopleWithEqualHashes() {
        var a = Self.kossi()
        var b = Self.kossi()
        #expect(a == b)
        #expect(Set([a, b]).count == 1)
        a.consent.shareContact = true
        #expect(a != b)
        b.consent.shareContact = true
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
    }

    @Test func peopleInADictionaryAreCopiesToo() {
        var byID = ["kossi-agbo": Self.kossi()]
        var person = byID["kossi-agbo"]!
        person.city = "Lomé"
        #expect(byID["kossi-agbo"]!.city == nil)
        byID["kossi-agbo"]!.city = "Kumasi"
        #expect(person.city == "Lomé")
        #expect(byID["kossi-agbo"]!.city == "Kumasi")
    }
}
