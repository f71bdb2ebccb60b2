import BarazaModel

/// One trip of one vehicle: a pick-up at an arrival place, a drop-off run to a departure place, a morning or
/// evening run between an event hotel and a venue, or a shuttle between two venues.
public struct TransferRun: Hashable, Sendable {
    /// What the run is for.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// From an arrival place (airport, station) to hotels.
        case arrival
        /// From hotels to a departure place.
        case departure
        /// Between two venues, for people whose next session is at the second venue (site visits).
        case shuttle
        /// From an event hotel to the venue of its guests' first session of the day.
        case morning
        /// From the venue of its passengers' last session of the day back to their event hotel.
        case evening
    }

    /// Stable id, e.g. `arrival-KGL-2027-03-22-1450`; the same inputs give the same ids.
    public var id: String
    public var kind: Kind
    /// Stops in driving order: the first is where the run starts.
    public var stops: [TransferStop]
    /// When the vehicle leaves its first stop.
    public var departs: Instant
    /// When the vehicle reaches its last stop.
    public var arrives: Instant
    /// The people on board, by person id.
    public var passengers: [TransferPassenger]
    /// The vehicle assigned; nil when none was free (reported by the `transfer-no-vehicle` check).
    public var vehicle: Vehicle.ID?
    /// Whether a passenger needs an accessible vehicle.
    public var needsAccessibleVehicle: Bool
    /// The zone its times are shown in (the host city's).
    public var zone: Zone
    /// For a shuttle, the session it takes people to (the first by id when it serves several).
    public var session: Session.ID?

    /// The time the vehicle is taken: from when it must be at the first stop to when it is back there.
    public var busy: Interval
}

/// A place a run stops at.
public struct TransferStop: Hashable, Sendable {
    /// Which kind of place.
    public enum Kind: String, Hashable, Sendable { case place, hotel, venue, unknown }
    public var kind: Kind
    /// The place, hotel or venue id.
    public var id: String
    public var name: String

    public init(kind: Kind, id: String, name: String) {
        self.kind = kind
        self.id = id
        self.name = name
    }
}

/// One person on a run: where and when they get on and off, and how long they wait.
public struct TransferPassenger: Hashable, Sendable {
    public var person: Person.ID
    /// The arrival or departure that puts them on the run (nil for shuttles).
    public var journey: Journey?
    public var pickUp: TransferStop
    public var pickUpTime: Instant
    public var dropOff: TransferStop
    public var dropOffTime: Instant
    /// Minutes waited: after landing before the run leaves, or at the departure place before their deadline.
    public var waitMinutes: Int
    /// For departures: when the person must be at the departure place (departure minus the buffer).
    public var deadline: Instant?
}
