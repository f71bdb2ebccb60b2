import BarazaModel
import PropertyBased
import Testing

@testable import BarazaLogistics

/// `RoomNights` counts rooms by positions, with a shortcut for nights nobody shares; here it is compared with
/// the definition written plainly: each night, the guests who sleep there, grouped into rooms by following
/// `sharing_with` both ways (a search over the graph, not union-find), each room of the type its first guest by
/// id asked for.
struct RoomNightsPropertyTests {
    static let here = SourceLocation(file: "people.yaml", line: 1, column: 1)
    static let firstNight = LocalDate(year: 2027, month: 3, day: 20)!

    /// A generated guest list: per stay, the person (0...7, some with two stays), nights from the first (0...5),
    /// length (0...3, 0 being a stay of no night), room type (nil, single, double) and up to two people shared with.
    static func stays() -> Generator<[[Int]], some SendableSequenceType> {
        Gen.int(in: 0...63).array(of: 6...6).array(of: 0...14)
    }

    static func people(from stays: [[Int]]) -> [Person] {
        let ids = ["zoe", "ama", "kofi", "lea", "ali", "binta", "moussa", "ines"]
        var people = ids.map { Person(id: Person.ID($0), name: $0.capitalized, location: here) }
        for codes in stays {
            let person = codes[0] % ids.count
            let checkIn = firstNight.adding(days: codes[1] % 6)
            let type = [nil, "single", "double"][codes[3] % 3]
            let sharing = [codes[4], codes[5]].filter { $0 % 3 == 0 }.map {
                Reference<Person>(Person.ID(ids[($0 / 3) % ids.count]), at: here)
            }
            people[person].stays.append(
                Stay(
                    hotel: Reference("h", at: here), checkIn: checkIn, checkOut: checkIn.adding(days: codes[2] % 4),
                    roomType: type, sharingWith: sharing, location: here))
        }
        // People in an order that is not their ids' order, as in a real file.
        return people
    }

    /// Rooms of each type per night, from the definition.
    static func bruteForce(_ people: [Person]) -> [String: Int] {
        var counts: [String: Int] = [:]
        var nights: Set<LocalDate> = []
        for p in people { for s in p.stays { nights.formUnion(s.nights) } }
        for night in nights {
            // Guests by id, each person's stays in file order.
            let guests = people.flatMap { p in p.stays.filter { $0.nights.contains(night) }.map { (p.id, $0) } }
                .enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element)
            let present = Set(guests.map(\.0))
            var neighbours: [Person.ID: Set<Person.ID>] = [:]
            for (id, stay) in guests {
                for other in stay.sharingWith where present.contains(other.id) {
                    neighbours[id, default: []].insert(other.id)
                    neighbours[other.id, default: []].insert(id)
                }
            }
            var placed: Set<Person.ID> = []
            for (id, stay) in guests where !placed.contains(id) {
                var room: [Person.ID] = [id]
                placed.insert(id)
                while let next = room.first(where: { !(neighbours[$0] ?? []).isSubset(of: placed) }) {
                    for n in neighbours[next]! where placed.insert(n).inserted { room.append(n) }
                }
                counts["\(stay.roomType ?? "any")|\(night)", default: 0] += 1
                if stay.roomType != nil { counts["any|\(night)", default: 0] += 1 }
            }
        }
        return counts
    }

    @Test func roomsPerNightAndTypeMatchTheDefinition() async {
        await propertyCheck(count: 600, input: Self.stays()) { stays in
            let people = Self.people(from: stays)
            let hotel = Hotel(
                id: "h", name: "H", address: nil, zone: Zone(identifier: "Africa/Kigali")!,
                checkInTime: LocalTime("14:00")!, checkOutTime: LocalTime("11:00")!,
                blocks: [
                    RoomBlock(
                        roomType: "single", rooms: 2, firstNight: Self.firstNight,
                        lastNight: Self.firstNight.adding(days: 3), location: Self.here)
                ], location: Self.here)
            let positions = people.indices.flatMap { p in
                people[p].stays.indices.map { RoomNights.StayPosition(person: p, stay: $0) }
            }
            let rooms = RoomNights(hotel: hotel, stays: positions, people: people)
            let expected = Self.bruteForce(people)
            var counted: [String: Int] = [:]
            for night in rooms.nights {
                for type in ["single", "double"] where rooms.needed(type, on: night) > 0 {
                    counted["\(type)|\(night)"] = rooms.needed(type, on: night)
                }
                if rooms.needed(nil, on: night) > 0 { counted["any|\(night)"] = rooms.needed(nil, on: night) }
            }
            #expect(counted == expected, "\(stays)")
            #expect(Set(rooms.nights) == Set(people.flatMap { $0.stays.flatMap(\.nights) }))
            #expect(rooms.held("single", on: Self.firstNight.adding(days: 3)) == 2)
            #expect(rooms.held("single", on: Self.firstNight.adding(days: 4)) == 0)
        }
    }

    /// Overbooked nights are shown as runs of consecutive nights with the same counts: a gap or a change of
    /// counts starts a new run.
    @Test func overbookedNightsAreShownAsRunsOfTheSameCounts() {
        let counts: [Int: (Int, Int)] = [0: (2, 1), 1: (2, 1), 2: (3, 1), 4: (3, 1), 5: (3, 1), 7: (2, 1)]
        let nights = counts.keys.sorted().map { Self.firstNight.adding(days: $0) }
        let runs = HotelBlockRule.runs(of: nights) {
            counts[$0.daysSince1970 - Self.firstNight.daysSince1970]!
        }
        #expect(
            runs.map { "\($0.first)/\($0.last) \($0.counts.0)>\($0.counts.1)" } == [
                "2027-03-20/2027-03-21 2>1", "2027-03-22/2027-03-22 3>1", "2027-03-24/2027-03-25 3>1",
                "2027-03-27/2027-03-27 2>1",
            ])
        #expect(HotelBlockRule.runs(of: []) { _ in (0, 0) }.isEmpty)
    }
}
