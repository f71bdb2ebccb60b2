import BarazaModel

/// One problem the checks found: data (rule, severity, subjects, times, places), rendered by the caller.
public struct Finding: Hashable, Sendable {
    /// The rule's stable id, e.g. `person-double-booked`.
    public var rule: String
    public var severity: Severity
    /// What the finding is about, most specific first (the person, then the sessions...).
    public var subjects: [Subject]
    /// The timed things involved (sessions, journeys, availability windows), each with its zones for display.
    public var occurrences: [Occurrence]
    /// Minutes two occurrences overlap, or the minutes missing (travel, arrival buffer).
    public var minutes: Int?
    /// Rule-specific facts, in a stable order: `("capacity", "80")`, `("sign-ups", "95")`.
    public var facts: [Fact]
    /// Where the subjects are written, first the place to fix.
    public var locations: [SourceLocation]
    /// The event id of the workspace the finding comes from.
    public var event: String

    public init(
        rule: String, severity: Severity, subjects: [Subject], occurrences: [Occurrence] = [], minutes: Int? = nil,
        facts: [Fact] = [], locations: [SourceLocation], event: String
    ) {
        self.rule = rule
        self.severity = severity
        self.subjects = subjects
        self.occurrences = occurrences
        self.minutes = minutes
        self.facts = facts
        self.locations = locations
        self.event = event
    }
}

/// A named value a rule reports, e.g. `capacity: 80`.
public struct Fact: Hashable, Sendable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// Something a finding is about.
public struct Subject: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case person, session, room, venue, hotel, journey, window, event, travel
    }
    public var kind: Kind
    public var id: String
    /// A human label: the person's name, the session's title.
    public var label: String

    public init(_ kind: Kind, id: String, label: String) {
        self.kind = kind
        self.id = id
        self.label = label
    }
}

/// A timed thing in a finding, with the zones it should be shown in.
public struct Occurrence: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case session, journey, availability }
    public var kind: Kind
    /// Session id, or a label such as `arrival WB 711`.
    public var id: String
    public var label: String
    /// When it happens. A journey is an instant: `start == end`.
    public var interval: Interval
    /// The zone it is written in (the venue's, or the session's explicit zone).
    public var zone: Zone
    /// The home zone of the person the finding is about, when known and different from `zone`.
    public var homeZone: Zone?
    /// The event it belongs to (differs from the finding's for clashes across workspaces).
    public var event: String
    public var location: SourceLocation

    public init(
        kind: Kind, id: String, label: String, interval: Interval, zone: Zone, homeZone: Zone?, event: String,
        location: SourceLocation
    ) {
        self.kind = kind
        self.id = id
        self.label = label
        self.interval = interval
        self.zone = zone
        self.homeZone = homeZone == zone ? nil : homeZone
        self.event = event
        self.location = location
    }
}
