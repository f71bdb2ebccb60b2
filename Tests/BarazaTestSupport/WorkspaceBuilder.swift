import BarazaModel

/// Builds a `Workspace` in Swift, without YAML, for tests that generate many of them (property tests).
///
/// Every wall time is read in `zone` unless a session names its own; locations are synthetic
/// (`builder.yaml`, one line per definition) so findings still point somewhere.
public struct WorkspaceBuilder: Sendable {
    public var eventID: String
    public var zone: Zone
    public var firstDay: LocalDate
    public var lastDay: LocalDate
    public var venues: [Venue] = []
    public var people: [Person] = []
    public var sessions: [Session] = []
    public var travelTimes: [TravelTime] = []
    public var settings = CheckSettings()
    private var line = 1

    public init(
        eventID: String = "built-event", zone: Zone = Zone(identifier: "Africa/Kigali")!,
        firstDay: LocalDate = LocalDate(year: 2026, month: 11, day: 17)!,
        lastDay: LocalDate = LocalDate(year: 2026, month: 11, day: 19)!
    ) {
        self.eventID = eventID
        self.zone = zone
        self.firstDay = firstDay
        self.lastDay = lastDay
    }

    /// A fresh synthetic source location, one line further down `builder.yaml`.
    public mutating func nextLocation() -> SourceLocation {
        defer { line += 1 }
        return SourceLocation(file: "builder.yaml", line: line, column: 3)
    }

    /// Adds a physical venue with the given rooms (no capacity, no opening hours unless given).
    @discardableResult
    public mutating func venue(
        _ id: String, city: String = "Kigali", country: String = "RW", zone: Zone? = nil, rooms: [String] = [],
        openingHours: OpeningHours? = nil
    ) -> Venue.ID {
        let roomList = rooms.map { Room(id: Room.ID($0), name: $0, capacity: nil, location: nextLocation()) }
        let kind = Venue.Kind.physical(
            city: city, country: country, zone: zone ?? self.zone, address: nil, openingHours: openingHours)
        venues.append(Venue(id: Venue.ID(id), name: id, kind: kind, rooms: roomList, location: nextLocation()))
        return Venue.ID(id)
    }

    /// Adds an online venue.
    @discardableResult
    public mutating func onlineVenue(_ id: String) -> Venue.ID {
        venues.append(Venue(id: Venue.ID(id), name: id, kind: .online(url: nil), rooms: [], location: nextLocation()))
        return Venue.ID(id)
    }

    /// Adds a person.
    @discardableResult
    public mutating func person(
        _ id: String, name: String? = nil, email: String? = nil, homeZone: Zone? = nil, languages: [Language] = [],
        roles: Set<Role> = [.speaker]
    ) -> Person.ID {
        people.append(
            Person(
                id: Person.ID(id), name: name ?? id, email: email, homeZone: homeZone, languages: languages,
                roles: roles, location: nextLocation()))
        return Person.ID(id)
    }

    /// Adds a session running over `interval` (already resolved), read in `zone` (default: the builder's).
    @discardableResult
    public mutating func session(
        _ id: String, interval: Interval, zone: Zone? = nil, kind: Session.Kind = .talk, venue: String? = nil,
        room: String? = nil, speakers: [String] = [], moderators: [String] = [], signUps: [String] = []
    ) -> Session.ID {
        let z = zone ?? self.zone
        let location = nextLocation()
        func refs<T>(_ ids: [String]) -> [Reference<T>] { ids.map { Reference(Identifier<T>($0), at: location) } }
        sessions.append(
            Session(
                id: Session.ID(id), title: LocalizedText(english: id, french: id), kind: kind,
                start: WallTime(local: z.localDateTime(at: interval.start), zone: z),
                end: WallTime(local: z.localDateTime(at: interval.end), zone: z), interval: interval,
                venue: venue.map { Reference(Venue.ID($0), at: location) },
                room: room.map { Reference(Room.ID($0), at: location) }, speakers: refs(speakers),
                moderators: refs(moderators), signUps: refs(signUps), location: location))
        return Session.ID(id)
    }

    /// The workspace described so far.
    public func build() -> Workspace {
        let event = Event(
            id: Event.ID(eventID), title: LocalizedText(english: eventID, french: eventID), zone: zone,
            firstDay: firstDay, lastDay: lastDay, languages: [.english, .french],
            organizer: Organizer(name: "Secretariat", email: "secretariat@example.org"),
            location: SourceLocation(file: "builder.yaml", line: 0, column: 1))
        return Workspace(
            path: "built", event: event, venues: venues, travelTimes: travelTimes, hotels: [], people: people,
            sessions: sessions, settings: settings)
    }
}

extension Instant {
    /// The instant a UTC ISO 8601 reading names, e.g. `Instant(utc: "2026-10-25T01:00")`; traps on bad input
    /// (tests only).
    public init(utc text: String) {
        guard let (local, offset) = WallTime.parse(text) else { preconditionFailure("not a date-time: \(text)") }
        guard case .unique(let i) = Zone.utc.resolve(local) else { preconditionFailure("UTC always resolves") }
        self = i.adding(seconds: Int64(-(offset ?? 0)))
    }
}
