import BarazaChecks
import BarazaModel

/// More rooms booked at a hotel on some night than the event's blocks hold there (people sharing take one room).
/// Hotels without blocks are not checked.
public struct HotelBlockRule: Rule {
    public init() {}
    public var id: String { "hotel-block-overbooked" }
    public var defaultSeverity: Severity { .error }
    public var summary: String { "stays need more rooms of a type on some night than the hotel's blocks hold" }

    public func check(_ w: Workspace) -> [Finding] {
        var findings: [Finding] = []
        let byHotel = RoomNights.staysByHotel(w)
        // A hotel without blocks holds nothing for the event: its guests booked for themselves.
        for hotel in w.hotels where byHotel[hotel.id] != nil && !hotel.blocks.isEmpty {
            let guests = byHotel[hotel.id]!
            let rooms = RoomNights(hotel: hotel, stays: guests, people: w.people)
            for type in rooms.types {
                let over = rooms.nights.filter { rooms.needed(type, on: $0) > rooms.held(type, on: $0) }
                guard !over.isEmpty else { continue }
                let worst = over.map { rooms.needed(type, on: $0) }.max()!
                let shown = Self.runs(of: over) { (rooms.needed(type, on: $0), rooms.held(type, on: $0)) }.map {
                    let days = $0.first == $0.last ? "\($0.first)" : "\($0.first) to \($0.last)"
                    return "\(days) (\($0.counts.0) needed, \($0.counts.1) held)"
                }
                let block = hotel.blocks.first { $0.roomType == type }
                let stays = guests.map { w.people[$0.person].stays[$0.stay] }.filter { $0.covers(night: over[0]) }
                    .map(\.location).sorted()
                findings.append(
                    finding(
                        w, subjects: [Subject(.hotel, id: hotel.id.rawValue, label: hotel.name)],
                        facts: [
                            Fact("room type", type ?? "any"), Fact("nights", shown.joined(separator: ", ")),
                            Fact("rooms needed", "\(worst)"),
                        ],
                        locations: [block?.location ?? hotel.location] + stays.suffix(1)))
            }
        }
        return findings
    }

    /// `nights` (sorted) in runs of consecutive nights with the same `counts`: a block short by two rooms all week
    /// reads as one range, not seven dates.
    static func runs(of nights: [LocalDate], counts: (LocalDate) -> (Int, Int)) -> [(
        first: LocalDate, last: LocalDate, counts: (Int, Int)
    )] {
        var runs: [(first: LocalDate, last: LocalDate, counts: (Int, Int))] = []
        for night in nights {
            let here = counts(night)
            if let last = runs.last, last.last.adding(days: 1) == night, last.counts == here {
                runs[runs.count - 1].last = night
            } else {
                runs.append((night, night, here))
            }
        }
        return runs
    }
}

/// Rooms needed and held per night and room type at one hotel. A nil type is a stay without a room type: it
/// counts against every room the hotel holds.
///
/// Works on positions (a person's place in `people`, a stay's place in their `stays`), so that an event of
/// 100,000 guests sorts and groups small values rather than copies of people.
struct RoomNights {
    /// One stay: the person's position in `people` and the stay's in that person's `stays`.
    struct StayPosition {
        var person: Int
        var stay: Int
    }

    private struct Key: Hashable {
        var type: String?
        var night: Int
    }

    private(set) var nights: [LocalDate] = []
    private(set) var types: [String?] = []
    private var needed: [Key: Int] = [:]
    private var held: [Key: Int] = [:]

    /// The stays at each event hotel, in the order of `people` and of each person's stays.
    static func staysByHotel(_ w: Workspace) -> [Hotel.ID: [StayPosition]] {
        var byHotel: [Hotel.ID: [StayPosition]] = [:]
        for (pi, p) in w.people.enumerated() {
            for (si, s) in p.stays.enumerated() where w.hotelsByID[s.hotel.id] != nil {
                byHotel[s.hotel.id, default: []].append(StayPosition(person: pi, stay: si))
            }
        }
        return byHotel
    }

    init(hotel: Hotel, stays positions: [StayPosition], people: [Person]) {
        var typeSet: Set<String> = []
        for b in hotel.blocks {
            typeSet.insert(b.roomType)
            guard b.firstNight <= b.lastNight else { continue }
            for night in b.firstNight.daysSince1970...b.lastNight.daysSince1970 {
                held[Key(type: b.roomType, night: night), default: 0] += b.rooms
                held[Key(type: nil, night: night), default: 0] += b.rooms
            }
        }
        // The stays by person id (ties in the order given), then each night's guests in that order.
        let order = positions.indices.sorted { a, b in
            let (x, y) = (people[positions[a].person].id, people[positions[b].person].id)
            return x != y ? x < y : a < b
        }
        var guests: [Int: [Int]] = [:]
        var untyped = false
        for i in order {
            let stay = people[positions[i].person].stays[positions[i].stay]
            untyped = untyped || stay.roomType == nil
            for night in stay.checkIn.daysSince1970..<max(stay.checkIn.daysSince1970, stay.checkOut.daysSince1970) {
                guests[night, default: []].append(i)
            }
        }
        for (night, here) in guests {
            for type in Self.roomTypes(of: here.map { positions[$0] }, people: people) {
                if let type { typeSet.insert(type) }
                needed[Key(type: type, night: night), default: 0] += 1
                if type != nil { needed[Key(type: nil, night: night), default: 0] += 1 }
            }
        }
        nights = guests.keys.sorted().map(LocalDate.init(daysSince1970:))
        // The all-rooms total is checked only when some stay names no type; otherwise the typed checks say it all.
        types = typeSet.sorted().map { Optional($0) } + (untyped ? [nil] : [])
    }

    /// The room type of each room taken by `here`, one night's guests in person-id order: people sharing a room
    /// (union-find over `sharing_with`) take one, of the type the first of them (by id) asked for; a person with
    /// two stays that night takes one.
    private static func roomTypes(of here: [StayPosition], people: [Person]) -> [String?] {
        let stay = { (g: StayPosition) in people[g.person].stays[g.stay] }
        guard here.contains(where: { !stay($0).sharingWith.isEmpty }) else {
            var types: [String?] = []
            var previous: Person.ID?
            for g in here where people[g.person].id != previous {
                previous = people[g.person].id
                types.append(stay(g).roomType)
            }
            return types
        }
        var parent = Dictionary(
            here.map { (people[$0.person].id, people[$0.person].id) }, uniquingKeysWith: { a, _ in a })
        func root(_ x: Person.ID) -> Person.ID {
            var x = x
            while parent[x]! != x { x = parent[x]! }
            return x
        }
        for g in here {
            for other in stay(g).sharingWith where parent[other.id] != nil {
                let a = root(people[g.person].id)
                let b = root(other.id)
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        var types: [String?] = []
        var taken: Set<Person.ID> = []
        for g in here where taken.insert(root(people[g.person].id)).inserted { types.append(stay(g).roomType) }
        return types
    }

    /// Rooms of `type` needed on `night` (all rooms for a nil type).
    func needed(_ type: String?, on night: LocalDate) -> Int {
        needed[Key(type: type, night: night.daysSince1970)] ?? 0
    }

    /// Rooms of `type` held on `night` (all rooms for a nil type).
    func held(_ type: String?, on night: LocalDate) -> Int { held[Key(type: type, night: night.daysSince1970)] ?? 0 }
}

extension Stay {
    /// Whether the person sleeps at the hotel the night of `night`.
    func covers(night: LocalDate) -> Bool { checkIn <= night && night < checkOut }
}
