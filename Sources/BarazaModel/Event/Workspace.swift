/// Everything one event workspace describes, validated and with every wall time resolved where possible.
public struct Workspace: Sendable {
    /// The workspace folder, as given on the command line.
    public var path: String
    public var event: Event
    public var venues: [Venue]
    public var travelTimes: [TravelTime]
    public var hotels: [Hotel]
    public var people: [Person]
    public var sessions: [Session]
    public var settings: CheckSettings
    /// Vehicles and transfer settings from the `logistics:` section (empty when there is none).
    public var logistics: Logistics
    /// How badges are printed (the `badges:` section).
    public var badgeSettings: BadgeSettings
    /// What certificates certify, with the logo and signatory they carry (the `certificates:` section).
    public var certificateSettings: CertificateSettings
    /// Names of session tags in each language (the `tags:` section), by tag.
    public var tagNames: [String: LocalizedText]
    /// Sessions written without a `start` that no placement places yet: `baraza propose` places them; checks and
    /// exports leave them out.
    public var unplaced: [UnplacedSession]
    /// Every `placements:` entry as written, applied to `sessions` unless marked `ignored`.
    public var placements: [Placement]
    /// How `baraza propose` places sessions (the `propose:` section).
    public var proposeSettings: ProposeSettings
    /// The entries of `people-overrides.yaml`, already laid over the people they name.
    public var personOverrides: [PersonOverrideTarget] = []
    /// What the workspace records about its outputs (check-ins, badge key and record, published invitations),
    /// read on demand through the loader that made it.
    public var state = WorkspaceState()
    /// Values derived once for the rules of one check run (set by the checker on its own copy; nil otherwise).
    public var memo: WorkspaceMemo?

    public let venuesByID: [Venue.ID: Venue]
    public let roomsByID: [Room.ID: (room: Room, venue: Venue.ID)]
    /// Each person by id (the first of a repeated id), and where they are in `people`.
    public let peopleByID: PeopleByID
    public let sessionsByID: [Session.ID: Session]
    public let hotelsByID: [Hotel.ID: Hotel]
    /// Who attends which session, by position (each session's sign-ups, each person's sessions); built once here
    /// because several checks and exports need it.
    public let sessionAttendees: SessionAttendees
    /// The positions in `people` in the order of their ids (ties, which a loaded workspace never has, by position),
    /// for the plans that walk people by id. Sorted when asked (100,000 people take some 0.05 s, and most commands
    /// never ask), once per check run.
    public var peopleInIDOrder: [Int] {
        memo?.value("people in id order") { Self.idOrder(of: people) } ?? Self.idOrder(of: people)
    }

    private static func idOrder(of people: [Person]) -> [Int] {
        let ids = people.map(\.id)
        return ids.indices.sorted { ids[$0] != ids[$1] ? ids[$0] < ids[$1] : $0 < $1 }
    }

    public init(
        path: String, event: Event, venues: [Venue], travelTimes: [TravelTime], hotels: [Hotel], people: [Person],
        sessions: [Session], settings: CheckSettings, logistics: Logistics = Logistics(),
        badgeSettings: BadgeSettings = BadgeSettings(),
        certificateSettings: CertificateSettings = CertificateSettings(),
        tagNames: [String: LocalizedText] = [:],
        unplaced: [UnplacedSession] = [], placements: [Placement] = [],
        proposeSettings: ProposeSettings = ProposeSettings()
    ) {
        self.path = path
        self.event = event
        self.venues = venues
        self.travelTimes = travelTimes
        self.hotels = hotels
        self.people = people
        self.sessions = sessions
        self.settings = settings
        self.logistics = logistics
        self.badgeSettings = badgeSettings
        self.certificateSettings = certificateSettings
        self.tagNames = tagNames
        self.unplaced = unplaced
        self.placements = placements
        self.proposeSettings = proposeSettings
        venuesByID = Dictionary(venues.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var rooms: [Room.ID: (room: Room, venue: Venue.ID)] = [:]
        for venue in venues {
            for room in venue.rooms where rooms[room.id] == nil { rooms[room.id] = (room, venue.id) }
        }
        roomsByID = rooms
        sessionsByID = Dictionary(sessions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        hotelsByID = Dictionary(hotels.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        peopleByID = PeopleByID(people)
        sessionAttendees = SessionAttendees(sessions: sessions, people: people.count, byID: peopleByID)
    }

    /// The positions in `sessions` of the sessions the first person with `id` attends (see ``SessionAttendees``); empty
    /// when no one in `people` has it.
    public func sessionIndices(attendedBy id: Person.ID) -> ArraySlice<Int> {
        peopleByID.position(of: id).map { sessionAttendees.sessions(attendedByPersonAt: $0) } ?? []
    }

    /// The venue a session takes place at: its own, or its room's.
    public func venue(of session: Session) -> Venue? {
        if let v = session.venue { return venuesByID[v.id] }
        if let r = session.room, let entry = roomsByID[r.id] { return venuesByID[entry.venue] }
        return nil
    }

    /// The room a session takes place in, if it names one that exists.
    public func room(of session: Session) -> Room? { session.room.flatMap { roomsByID[$0.id]?.room } }

    /// Minutes to travel between two venues; 0 for the same venue, nil when not given.
    public func travelMinutes(from a: Venue.ID, to b: Venue.ID) -> Int? {
        if a == b { return 0 }
        return travelTimes.first { $0.between == [a, b] }?.minutes
    }
}

/// The people of a workspace by id, as they were when the workspace was made: for each id, the position in
/// `people` of the first person with it. Positions are kept rather than copies of the people, so rules can read
/// people in place by position, and ids hashed here need not be hashed again to find a position.
public struct PeopleByID: Sendable {
    private let people: [Person]
    private let positions: [Person.ID: Int]

    public init(_ people: [Person]) {
        var positions: [Person.ID: Int] = [:]
        positions.reserveCapacity(people.count)
        for (position, person) in people.enumerated() where positions[person.id] == nil {
            positions[person.id] = position
        }
        self.people = people
        self.positions = positions
    }

    /// The first person with `id`, if any.
    public subscript(id: Person.ID) -> Person? { positions[id].map { people[$0] } }

    /// Where the first person with `id` is in the workspace's `people`.
    public func position(of id: Person.ID) -> Int? { positions[id] }

    /// Every id, once.
    public var keys: Dictionary<Person.ID, Int>.Keys { positions.keys }
}

/// How strict the checks are, from the `checks:` section of `event.yaml`.
public struct CheckSettings: Hashable, Sendable {
    /// Severity per rule id; `nil` turns the rule off.
    public var severityOverrides: [String: Severity?]
    /// The part of the day a person may be asked to attend online, in their home zone.
    public var wakingHours: DailyWindow
    /// Minutes a speaker needs between landing and their first session, on top of venue travel.
    public var arrivalBufferMinutes: Int

    public init(
        severityOverrides: [String: Severity?] = [:],
        wakingHours: DailyWindow = DailyWindow("07:00-22:00")!, arrivalBufferMinutes: Int = 60
    ) {
        self.severityOverrides = severityOverrides
        self.wakingHours = wakingHours
        self.arrivalBufferMinutes = arrivalBufferMinutes
    }
}

/// How serious a finding is. Errors make `baraza check` exit 1.
public enum Severity: String, Hashable, Comparable, Sendable, CaseIterable {
    case error, warning

    public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
}
