import BarazaModel
import PropertyBased
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

/// `arrival` and `departure` walk the journeys once in place; the definition they replaced (all arrivals with an
/// instant, then the latest; all departures, then the earliest) stays here as the reference.
struct PersonJourneyTests {
    /// Up to six journeys, either way, at a handful of instants (ties are common), some without an instant (a
    /// time that does not exist on the clock), each told apart by its flight number.
    static func journeyLists() -> Generator<[Journey], some SendableSequenceType> {
        zip(Gen.bool(), Gen.int(in: 0...4), Gen.int(in: 0...99)).array(of: 0...6).map { drawn in
            drawn.enumerated().map { position, draw in
                let (isArrival, hour, number) = draw
                let time = WallTime(local: local("2027-03-2\(2 + hour % 3)T0\(hour):00"), zone: zone("Africa/Kigali"))
                return Journey(
                    direction: isArrival ? .arrival : .departure, mode: .flight, number: "WB \(number)-\(position)",
                    time: time, instant: hour == 4 ? nil : Instant(secondsSince1970: Int64(hour) * 3600),
                    location: PersonValueTests.here)
            }
        }
    }

    @Test func theOnePassAgreesWithTheDefinition() async {
        await propertyCheck(count: 2000, input: Self.journeyLists()) { journeys in
            let person = Person(
                id: "kossi-agbo", name: "Kossi Agbo", journeys: journeys, location: PersonValueTests.here)
            let arrival = journeys.filter { $0.direction == .arrival && $0.instant != nil }
                .max { $0.instant! < $1.instant! }
            let departure = journeys.filter { $0.direction == .departure && $0.instant != nil }
                .min { $0.instant! < $1.instant! }
            #expect(person.arrival == arrival)
            #expect(person.departure == departure)
            #expect(person.instant(of: .arrival) == arrival?.instant)
            #expect(person.instant(of: .departure) == departure?.instant)
        }
    }
}
