/// One item of the programme: a plenary, a workshop, a break, a meal, a site visit, an online session.
public struct Session: Hashable, Sendable {
    public typealias ID = Identifier<Session>

    public enum Kind: String, CaseIterable, Hashable, Sendable {
        case plenary, workshop, panel, talk, training, `break`, meal, visit, online, ceremony, other
    }

    public var id: ID
    public var title: LocalizedText
    public var abstract: LocalizedText?
    public var kind: Kind
    /// When it starts, as written: a wall time in the venue's zone, or in an explicit zone.
    public var start: WallTime
    /// When it ends, as written (from `end`, or start plus `duration` on an unbroken clock).
    public var end: WallTime
    /// The resolved span; nil when a wall time is nonexistent or ambiguous (see `timeProblems`).
    public var interval: Interval?
    /// Why `interval` is missing.
    public var timeProblems: [LocalTimeProblem]
    public var venue: Reference<Venue>?
    public var room: Reference<Room>?
    public var tags: [String]
    public var language: Language?
    /// Languages interpreted into for this session, on top of the room's booths.
    public var interpretation: [Language]
    public var speakers: [Reference<Person>]
    public var moderators: [Reference<Person>]
    /// Participants signed up, from the session and from each person's `sessions`.
    public var signUps: [Reference<Person>]
    /// Expected headcount when sign-ups are not collected.
    public var expectedAttendance: Int?
    /// Files under the workspace (slides, documents).
    public var materials: [String]
    public var url: String?
    /// Whether `baraza propose` may move it, and what its placement must respect.
    public var constraints: SessionConstraints
    public var location: SourceLocation

    public init(
        id: ID, title: LocalizedText, abstract: LocalizedText? = nil, kind: Kind, start: WallTime, end: WallTime,
        interval: Interval?, timeProblems: [LocalTimeProblem] = [], venue: Reference<Venue>?, room: Reference<Room>?,
        tags: [String] = [], language: Language? = nil, interpretation: [Language] = [],
        speakers: [Reference<Person>] = [], moderators: [Reference<Person>] = [], signUps: [Reference<Person>] = [],
        expectedAttendance: Int? = nil, materials: [String] = [], url: String? = nil,
        constraints: SessionConstraints = SessionConstraints(), location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.abstract = abstract
        self.kind = kind
        self.start = start
        self.end = end
        self.interval = interval
        self.timeProblems = timeProblems
        self.venue = venue
        self.room = room
        self.tags = tags
        self.language = language
        self.interpretation = interpretation
        self.speakers = speakers
        self.moderators = moderators
        self.signUps = signUps
        self.expectedAttendance = expectedAttendance
        self.materials = materials
        self.url = url
        self.constraints = constraints
        self.location = location
    }

    /// Speakers then moderators: the people the session books.
    public var presenters: [Reference<Person>] { speakers + moderators }

    /// Everyone the session involves: presenters, then signed-up participants, each person once (first mention).
    public var attendees: [Reference<Person>] {
        var seen = Set<Person.ID>()
        return (presenters + signUps).filter { seen.insert($0.id).inserted }
    }

    /// The zone the session's times are written in.
    public var zone: Zone { start.zone }
}
