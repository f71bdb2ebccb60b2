/// Anyone the event plans for: speakers, moderators, participants, staff, press, interpreters.
public struct Person: Hashable, Sendable {
    public typealias ID = Identifier<Person>
    public var id: ID
    /// The name as the person writes it, in any script.
    public var name: String
    public var givenName: String?
    public var familyName: String?
    /// Lower-cased email; contact details leave Baraza only when `consent.shareContact` is true.
    public var email: String?
    public var organisation: String?
    public var city: String?
    /// ISO 3166-1 alpha-2 code.
    public var country: String?
    /// Where the person's clock is; nil when unknown.
    public var homeZone: Zone?
    public var languages: [Language]
    public var roles: Set<Role>
    /// When the person can take part; empty means no constraint given.
    public var availability: [TimeWindow]
    public var journeys: [Journey]
    public var stays: [Stay]
    public var dietary: [String]
    public var accessibility: [String]
    public var consent: Consent
    /// Sessions the person signed up for, as written on the person (merged into each session's sign-ups).
    public var signUps: [Reference<Session>]
    /// A short biography for speaker pages and packs, in English and/or French.
    public var bio: LocalizedText?
    /// Gender as the person gave it (free text, lower-cased), for aggregate figures only; nil when not given.
    public var gender: String?
    /// Where an imported person came from (registration export and record id); nil when written by hand.
    public var source: Provenance?
    public var location: SourceLocation
    /// Where the person sleeps when they live in the host city (no hotel stay needed); nil otherwise.
    public var localAddress: String?
    /// Whether the person asked for a hotel room; nil when not asked.
    public var needsHotel: Bool?
    /// The hotel the person would like, as they answered (a hotel id or name, or free text).
    public var hotelPreference: String?
    /// Whom to call in an emergency: for the host city's own lists, never exported beyond them.
    public var emergencyContact: String?

    public init(
        id: ID, name: String, givenName: String? = nil, familyName: String? = nil, email: String? = nil,
        organisation: String? = nil, city: String? = nil, country: String? = nil, homeZone: Zone? = nil,
        languages: [Language] = [], roles: Set<Role> = [.participant], availability: [TimeWindow] = [],
        journeys: [Journey] = [], stays: [Stay] = [], dietary: [String] = [], accessibility: [String] = [],
        consent: Consent = Consent(), signUps: [Reference<Session>] = [], bio: LocalizedText? = nil,
        gender: String? = nil, location: SourceLocation, localAddress: String? = nil,
        source: Provenance? = nil, needsHotel: Bool? = nil, hotelPreference: String? = nil,
        emergencyContact: String? = nil
    ) {
        self.id = id
        self.name = name
        self.givenName = givenName
        self.familyName = familyName
        self.email = email
        self.organisation = organisation
        self.city = city
        self.country = country
        self.homeZone = homeZone
        self.languages = languages
        self.roles = roles
        self.availability = availability
        self.journeys = journeys
        self.stays = stays
        self.dietary = dietary
        self.accessibility = accessibility
        self.consent = consent
        self.signUps = signUps
        self.bio = bio
        self.gender = gender
        self.source = source
        self.location = location
        self.localAddress = localAddress
        self.needsHotel = needsHotel
        self.hotelPreference = hotelPreference
        self.emergencyContact = emergencyContact
    }

    /// The arrival journey into the event, if known (the last arrival when several are given).
    public var arrival: Journey? {
        journeys.filter { $0.direction == .arrival && $0.instant != nil }.max { $0.instant! < $1.instant! }
    }

    /// The departure journey out of the event, if known (the first departure when several are given).
    public var departure: Journey? {
        journeys.filter { $0.direction == .departure && $0.instant != nil }.min { $0.instant! < $1.instant! }
    }
}

/// What a person does at the event.
public enum Role: String, CaseIterable, Hashable, Comparable, Sendable {
    case speaker, moderator, participant, staff, press, interpreter

    public static func < (a: Role, b: Role) -> Bool { a.rawValue < b.rawValue }
}

/// What a person agreed to share.
public struct Consent: Hashable, Sendable {
    /// Whether email and organisation may appear in attendance lists and packs.
    public var shareContact: Bool
    /// Whether the person may appear in photos published after the event.
    public var photos: Bool

    public init(shareContact: Bool = false, photos: Bool = false) {
        self.shareContact = shareContact
        self.photos = photos
    }
}

/// A written reference to something defined elsewhere, kept with where it was written so checks can point at it.
public struct Reference<Target>: Hashable, Sendable {
    public var id: Identifier<Target>
    public var location: SourceLocation

    public init(_ id: Identifier<Target>, at location: SourceLocation) {
        self.id = id
        self.location = location
    }
}

/// A span of time given as two wall-clock readings in one zone (availability windows).
public struct TimeWindow: Hashable, Sendable {
    public var start: WallTime
    public var end: WallTime
    /// The resolved span; nil when either end is a nonexistent or ambiguous local time.
    public var interval: Interval?
    public var location: SourceLocation

    public init(start: WallTime, end: WallTime, interval: Interval?, location: SourceLocation) {
        self.start = start
        self.end = end
        self.interval = interval
        self.location = location
    }
}

/// The raw file and record an imported person was read from, kept for provenance.
public struct Provenance: Hashable, Sendable {
    /// The raw export's path relative to the workspace (e.g. `registrations/form.xml`).
    public var file: String
    /// The record's id in that file (`meta/instanceID`, `_uuid`), or `row <n>` / `line <n>` when it has none.
    public var record: String

    public init(file: String, record: String) {
        self.file = file
        self.record = record
    }
}
