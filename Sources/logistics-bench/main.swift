// Plans transfer runs for N synthetic journeys and prints how long planning took, for bench/logistics_bench.py.
//
//   logistics-bench <journeys> [--vehicles 60]
//
// Half the journeys are arrivals and half departures (one of each per person), spread over three days at three
// places with a deterministic generator; 20 hotels; 1 person in 50 needs an accessible vehicle. Only
// `TransferPlanner.plan` is timed (building the workspace in memory is not).
import BarazaLogistics
import BarazaModel
import Foundation

var arguments = Array(CommandLine.arguments.dropFirst())
var vehicleCount = 60
if let i = arguments.firstIndex(of: "--vehicles"), i + 1 < arguments.count, let n = Int(arguments[i + 1]) {
    vehicleCount = n
    arguments.removeSubrange(i...(i + 1))
}
guard let journeys = arguments.first.flatMap(Int.init), journeys >= 2 else {
    print("usage: logistics-bench <journeys, at least 2> [--vehicles N]")
    exit(2)
}

/// A small deterministic generator (SplitMix64), so every run plans the same workload.
struct SplitMix {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

let zone = Zone(identifier: "Africa/Kigali")!
let here = SourceLocation(file: "bench", line: 1, column: 1)
let day0 = LocalDate(year: 2027, month: 3, day: 22)!
func instant(_ day: Int, minute: Int) -> (WallTime, Instant) {
    let local = LocalDateTime(date: day0.adding(days: day), time: LocalTime(hour: minute / 60, minute: minute % 60)!)
    let wall = WallTime(local: local, zone: zone)
    return (wall, try! wall.resolve().get())
}

let placeIDs = ["KGL", "nyabugogo", "kanombe-gate"]
let hotels = (0..<20).map { h in
    Hotel(
        id: Hotel.ID("hotel-\(h)"), name: "Hotel \(h)", address: nil, zone: zone,
        checkInTime: LocalTime(hour: 14, minute: 0)!, checkOutTime: LocalTime(hour: 11, minute: 0)!,
        blocks: [
            RoomBlock(
                roomType: "single", rooms: 100_000, firstNight: day0, lastNight: day0.adding(days: 6), location: here)
        ],
        location: here)
}
var travel: [TransferTravel] = []
for (p, place) in placeIDs.enumerated() {
    for h in 0..<20 {
        travel.append(TransferTravel(from: place, to: "hotel-\(h)", minutes: 10 + (p * 7 + h * 3) % 40, location: here))
    }
}
let kinds: [(Int, Bool)] = [(22, false), (14, false), (6, true), (4, false)]
let vehicles = (0..<vehicleCount).map { v in
    let (capacity, accessible) = kinds[v % kinds.count]
    return Vehicle(
        id: Vehicle.ID("v\(v)"), name: "Vehicle \(v)", capacity: capacity, accessible: accessible, location: here)
}
var random = SplitMix(state: 20_270_322)
var people: [Person] = []
for i in 0..<(journeys / 2) {
    let place = placeIDs[random.next(placeIDs.count)]
    let (aw, ai) = instant(random.next(3), minute: random.next(1440))
    let (dw, di) = instant(4 + random.next(2), minute: random.next(1440))
    let hotel = Hotel.ID("hotel-\(random.next(20))")
    people.append(
        Person(
            id: Person.ID("p\(i)"), name: "Person \(i)",
            journeys: [
                Journey(direction: .arrival, mode: .flight, place: place, time: aw, instant: ai, location: here),
                Journey(direction: .departure, mode: .flight, place: place, time: dw, instant: di, location: here),
            ],
            stays: [
                Stay(hotel: Reference(hotel, at: here), checkIn: day0, checkOut: day0.adding(days: 6), location: here)
            ],
            accessibility: i % 50 == 0 ? ["wheelchair"] : [], location: here))
}
let event = Event(
    id: "bench", title: LocalizedText(english: "Bench", french: "Bench"), zone: zone, firstDay: day0,
    lastDay: day0.adding(days: 5), languages: [.english], organizer: Organizer(name: "B", email: "b@example.org"),
    location: here)
let logistics = Logistics(
    vehicles: vehicles,
    transfers: TransferSettings(
        places: placeIDs.map { TransferPlace(id: TransferPlace.ID($0), name: $0, zone: zone, location: here) },
        travel: travel),
    location: here)
let workspace = Workspace(
    path: "bench", event: event, venues: [], travelTimes: [], hotels: hotels, people: people, sessions: [],
    settings: CheckSettings(), logistics: logistics)

let clock = ContinuousClock()
var plan: TransferPlan?
let elapsed = clock.measure { plan = TransferPlanner().plan(workspace) }
let runs = plan!.runs
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
print(
    "journeys=\(journeys) runs=\(runs.count) without_vehicle=\(runs.filter { $0.vehicle == nil }.count)"
        + " worst_wait_min=\(runs.flatMap(\.passengers).map(\.waitMinutes).max() ?? 0) plan_seconds=\(seconds)")
