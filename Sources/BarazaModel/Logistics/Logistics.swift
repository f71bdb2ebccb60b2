/// How the host city moves people: the vehicles it has and the transfer settings, from the `logistics:` section.
///
/// A workspace without a `logistics:` section has no places, so no journey is planned and the transfer checks
/// stay silent.
public struct Logistics: Hashable, Sendable {
    public var vehicles: [Vehicle]
    public var transfers: TransferSettings
    /// Where the section was written; nil when the workspace has none.
    public var location: SourceLocation?

    public init(
        vehicles: [Vehicle] = [], transfers: TransferSettings = TransferSettings(), location: SourceLocation? = nil
    ) {
        self.vehicles = vehicles
        self.transfers = transfers
        self.location = location
    }
}

/// One vehicle the host city can send on transfer runs.
public struct Vehicle: Hashable, Sendable {
    public typealias ID = Identifier<Vehicle>
    public var id: ID
    public var name: String
    /// Passenger seats.
    public var capacity: Int
    /// Whether it carries a wheelchair user (ramp or lift, step-free).
    public var accessible: Bool
    public var location: SourceLocation

    public init(id: ID, name: String, capacity: Int, accessible: Bool = false, location: SourceLocation) {
        self.id = id
        self.name = name
        self.capacity = capacity
        self.accessible = accessible
        self.location = location
    }
}

/// How pick-up runs are formed, and how long it takes to get from one place to another.
public struct TransferSettings: Hashable, Sendable {
    /// The longest a passenger waits: at the arrival place for the run to leave, or at the departure place
    /// before their own deadline.
    public var maxWaitMinutes: Int
    /// How long before a departure a passenger must be at the departure place (check-in, security).
    public var departureBufferMinutes: Int
    /// How long after landing a passenger comes out to the pick-up (immigration, baggage) at every place, when the
    /// workspace sets it (`arrival_buffer_minutes`); nil leaves it to each place's kind (45 minutes at an airport,
    /// 15 at a station). A place's own buffer wins over both: see `arrivalBuffer(at:)`.
    public var arrivalBufferMinutes: Int?
    /// Minutes added for each earlier stop when a run drops off or picks up at several hotels.
    public var stopMinutes: Int
    /// Arrival and departure places served by transfers (airports, stations, bus terminals).
    public var places: [TransferPlace]
    /// Minutes between places, hotels and venues (the same both ways).
    public var travel: [TransferTravel]

    public init(
        maxWaitMinutes: Int = 45, departureBufferMinutes: Int = 180, stopMinutes: Int = 10,
        places: [TransferPlace] = [], travel: [TransferTravel] = []
    ) {
        self.maxWaitMinutes = maxWaitMinutes
        self.departureBufferMinutes = departureBufferMinutes
        self.stopMinutes = stopMinutes
        self.places = places
        self.travel = travel
    }

    /// Minutes from landing to the pick-up at `place`: the place's own buffer, else the workspace's, else the
    /// default of the place's kind.
    public func arrivalBuffer(at place: TransferPlace) -> Int {
        place.arrivalBufferMinutes ?? arrivalBufferMinutes ?? place.kind.defaultArrivalBufferMinutes
    }
}

/// An arrival or departure place in the host city, named by journeys' `place` (e.g. `KGL`).
public struct TransferPlace: Hashable, Sendable {
    public typealias ID = Identifier<TransferPlace>

    /// What sort of place it is, which sets how long arriving passengers take to reach the pick-up.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// Immigration, then the baggage hall: 45 minutes from landing by default.
        case airport
        /// A train station or bus terminal: luggage comes off the train or bus, 15 minutes by default.
        case station

        /// Minutes from arriving to the pick-up when neither the place nor the workspace says.
        public var defaultArrivalBufferMinutes: Int {
            switch self {
            case .airport: 45
            case .station: 15
            }
        }
    }

    public var id: ID
    public var name: String
    /// Airport unless the workspace says `kind: station`.
    public var kind: Kind = .airport
    public var zone: Zone
    /// This place's own departure buffer (a bus terminal needs less than an airport); nil uses the default.
    public var departureBufferMinutes: Int?
    /// This place's own time from arriving to the pick-up (a bus terminal has no baggage hall); nil uses the default.
    public var arrivalBufferMinutes: Int?
    public var location: SourceLocation

    public init(id: ID, name: String, zone: Zone, departureBufferMinutes: Int? = nil, location: SourceLocation) {
        self.id = id
        self.name = name
        self.zone = zone
        self.departureBufferMinutes = departureBufferMinutes
        self.location = location
    }
}

/// Minutes by road between two of: a transfer place, a hotel, a venue (by id; the same both ways).
public struct TransferTravel: Hashable, Sendable {
    public var from: String
    public var to: String
    public var minutes: Int
    public var location: SourceLocation

    public init(from: String, to: String, minutes: Int, location: SourceLocation) {
        self.from = from
        self.to = to
        self.minutes = minutes
        self.location = location
    }
}
