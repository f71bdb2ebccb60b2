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
        // Stays per hotel: (person, stay).
        var byHotel: [Hotel.ID: [(Person, Stay)]] = [:]
        for p in w.people {
            for s in p.stays where w.hotelsByID.keys.contains(s.hotel.id) {
                byHotel[s.hotel.id, default: []].append((p, s))
            }
        }
        // A hotel without blocks holds nothing for the event: its guests booked for themselves.
        for hotel in w.hotels where byHotel[hotel.id] != nil && !hotel.blocks.isEmpty {
            let rooms = RoomNights(hotel: hotel, stays: byHotel[hotel.id]!)
            for type in rooms.types {
                let over = rooms.nights.filter { rooms.needed(type, on: $0) > rooms.held(type, on: $0) }
                guard !over.isEmpty else { continue }
                let worst = over.map { rooms.needed(type, on: $0) }.max()!
                let shown = over.map {
                    "\($0) (\(rooms.needed(type, on: $0)) needed, \(rooms.held(type, on: $0)) held)"
                }
                let block = hotel.blocks.first { $0.roomType == type }
                let stays = byHotel[hotel.id]!.filter { $0.1.nights.contains(over[0]) }.map(\.1.location).sorted()
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
}

/// Rooms needed and held per night and room type at one hotel. A nil type is a stay without a room type: it
/// counts against every room the hotel holds.
struct RoomNights {
    private(set) var nights: [LocalDate] = []
    private(set) var types: [String?] = []
    private var needed: [String: Int] = [:]
    private var held: [String: Int] = [:]

    init(hotel: Hotel, stays: [(Person, Stay)]) {
        var nightSet: Set<LocalDate> = []
        var typeSet: Set<String> = []
        for (_, s) in stays { nightSet.formUnion(s.nights) }
        for b in hotel.blocks {
            typeSet.insert(b.roomType)
            var n = b.firstNight
            while n <= b.lastNight {
                held[key(b.roomType, n), default: 0] += b.rooms
                held[key(nil, n), default: 0] += b.rooms
                n = n.adding(days: 1)
            }
        }
        nights = nightSet.sorted()
        for night in nights {
            // People sharing a room that night form one room: union-find over `sharing_with`.
            let here = stays.filter { $0.1.nights.contains(night) }.sorted { $0.0.id < $1.0.id }
            var parent = Dictionary(here.map { ($0.0.id, $0.0.id) }, uniquingKeysWith: { a, _ in a })
            func root(_ x: Person.ID) -> Person.ID {
                var x = x
                while parent[x]! != x { x = parent[x]! }
                return x
            }
            for (p, s) in here {
                for other in s.sharingWith where parent[other.id] != nil {
                    let a = root(p.id)
                    let b = root(other.id)
                    if a != b { parent[max(a, b)] = min(a, b) }
                }
            }
            var typeOfRoom: [Person.ID: String?] = [:]
            for (p, s) in here where typeOfRoom[root(p.id)] == nil { typeOfRoom[root(p.id)] = .some(s.roomType) }
            for (_, type) in typeOfRoom {
                if let type { typeSet.insert(type) }
                needed[key(type, night), default: 0] += 1
                if type != nil { needed[key(nil, night), default: 0] += 1 }
            }
        }
        // The all-rooms total is checked only when some stay names no type; otherwise the typed checks say it all.
        let untyped = stays.contains { $0.1.roomType == nil }
        types = typeSet.sorted().map { Optional($0) } + (untyped ? [nil] : [])
    }

    private func key(_ type: String?, _ night: LocalDate) -> String { "\(type ?? "\u{0}")|\(night.iso8601)" }

    /// Rooms of `type` needed on `night` (all rooms for a nil type).
    func needed(_ type: String?, on night: LocalDate) -> Int { needed[key(type, night)] ?? 0 }

    /// Rooms of `type` held on `night` (all rooms for a nil type).
    func held(_ type: String?, on night: LocalDate) -> Int { held[key(type, night)] ?? 0 }
}
