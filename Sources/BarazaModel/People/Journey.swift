/// A trip into or out of the event city: a flight, train, bus...
public struct Journey: Hashable, Sendable {
    public enum Direction: String, Hashable, Sendable { case arrival, departure }
    public enum Mode: String, CaseIterable, Hashable, Sendable { case flight, train, bus, car, boat, other }

    public var direction: Direction
    public var mode: Mode
    /// Airline or operator (`RwandAir`) and number (`WB 711`).
    public var carrier: String?
    public var number: String?
    /// The arrival or departure place in the event city, e.g. an airport code (`KGL`) or station.
    public var place: String?
    /// The wall-clock time as written, in the zone of the place (a landing time in Kigali's zone).
    public var time: WallTime
    /// The resolved instant; nil when `time` is a nonexistent or ambiguous local time.
    public var instant: Instant?
    public var location: SourceLocation

    public init(
        direction: Direction, mode: Mode, carrier: String? = nil, number: String? = nil, place: String? = nil,
        time: WallTime, instant: Instant?, location: SourceLocation
    ) {
        self.direction = direction
        self.mode = mode
        self.carrier = carrier
        self.number = number
        self.place = place
        self.time = time
        self.instant = instant
        self.location = location
    }
}
