/// Anyone the event plans for: speakers, moderators, participants, staff, press, interpreters.
///
/// A person's fields live in one shared, copy-on-write storage: copying a `Person` (into a dictionary, a finding,
/// a sorted list) costs one reference count instead of one per text and list field, which decided the time of
/// checking 100,000 imported people. Changing a copy copies the storage first, as for any value type.
public struct Person: Hashable, Sendable {
    public typealias ID = Identifier<Person>

    public var id: ID {
        get { storage.fields.id }
        _modify {
            makeUnique()
            yield &storage.fields.id
        }
    }
    /// The name as the person writes it, in any script.
    public var name: String {
        get { storage.fields.name }
        _modify {
            makeUnique()
            yield &storage.fields.name
        }
    }
    public var givenName: String? {
        get { storage.fields.givenName }
        _modify {
            makeUnique()
            yield &storage.fields.givenName
        }
    }
    public var familyName: String? {
        get { storage.fields.familyName }
        _modify {
            makeUnique()
            yield &storage.fields.familyName
        }
    }
    /// Lower-cased email; contact details leave Baraza only when `consent.shareContact` is true.
    public var email: String? {
        get { storage.fields.email }
        _modify {
            makeUnique()
            yield &storage.fields.email
        }
    }
    public var organisation: String? {
        get { storage.fields.organisation }
        _modify {
            makeUnique()
            yield &storage.fields.organisation
        }
    }
    public var city: String? {
        get { storage.fields.city }
        _modify {
            makeUnique()
            yield &storage.fields.city
        }
    }
    /// ISO 3166-1 alpha-2 code.
    public var country: String? {
        get { storage.fields.country }
        _modify {
            makeUnique()
            yield &storage.fields.country
        }
    }
    /// Where the person's clock is; nil when unknown.
    public var homeZone: Zone? {
        get { storage.fields.homeZone }
        _modify {
            makeUnique()
            yield &storage.fields.homeZone
        }
    }
    public var languages: [Language] {
        get { storage.fields.languages }
        _modify {
            makeUnique()
            yield &storage.fields.languages
        }
    }
    public var roles: Set<Role> {
        get { storage.fields.roles }
        _modify {
            makeUnique()
            yield &storage.fields.roles
        }
    }
    /// When the person can take part; empty means no constraint given.
    public var availability: [TimeWindow] {
        get { storage.fields.availability }
        _modify {
            makeUnique()
            yield &storage.fields.availability
        }
    }
    public var journeys: [Journey] {
        get { storage.fields.journeys }
        _modify {
            makeUnique()
            yield &storage.fields.journeys
        }
    }
    public var stays: [Stay] {
        get { storage.fields.stays }
        _modify {
            makeUnique()
            yield &storage.fields.stays
        }
    }
    public var dietary: [String] {
        get { storage.fields.dietary }
        _modify {
            makeUnique()
            yield &storage.fields.dietary
        }
    }
    public var accessibility: [String] {
        get { storage.fields.accessibility }
        _modify {
            makeUnique()
            yield &storage.fields.accessibility
        }
    }
    public var consent: Consent {
        get { storage.fields.consent }
        _modify {
            makeUnique()
            yield &storage.fields.consent
        }
    }
    /// Sessions the person signed up for, as written on the person (merged into each session's sign-ups).
    public var signUps: [Reference<Session>] {
        get { storage.fields.signUps }
        _modify {
            makeUnique()
            yield &storage.fields.signUps
        }
    }
    /// A short biography for speaker pages and packs, in English and/or French.
    public var bio: LocalizedText? {
        get { storage.fields.bio }
        _modify {
            makeUnique()
            yield &storage.fields.bio
        }
    }
    /// Gender as the person gave it (free text, lower-cased), for aggregate figures only; nil when not given.
    public var gender: String? {
        get { storage.fields.gender }
        _modify {
            makeUnique()
            yield &storage.fields.gender
        }
    }
    /// Where an imported person came from (registration export and record id); nil when written by hand.
    public var source: Provenance? {
        get { storage.fields.source }
        _modify {
            makeUnique()
            yield &storage.fields.source
        }
    }
    public var location: SourceLocation {
        get { storage.fields.location }
        _modify {
            makeUnique()
            yield &storage.fields.location
        }
    }
    /// Where the person sleeps when they live in the host city (no hotel stay needed); nil otherwise.
    public var localAddress: String? {
        get { storage.fields.localAddress }
        _modify {
            makeUnique()
            yield &storage.fields.localAddress
        }
    }
    /// Whether the person asked for a hotel room; nil when not asked.
    public var needsHotel: Bool? {
        get { storage.fields.needsHotel }
        _modify {
            makeUnique()
            yield &storage.fields.needsHotel
        }
    }
    /// The hotel the person would like, as they answered (a hotel id or name, or free text).
    public var hotelPreference: String? {
        get { storage.fields.hotelPreference }
        _modify {
            makeUnique()
            yield &storage.fields.hotelPreference
        }
    }
    /// Whom to call in an emergency: for the host city's own lists, never exported beyond them.
    public var emergencyContact: String? {
        get { storage.fields.emergencyContact }
        _modify {
            makeUnique()
            yield &storage.fields.emergencyContact
        }
    }

    /// The stored fields, as one value.
    struct Fields: Hashable, Sendable {
        var id: ID
        var name: String
        var givenName: String?
        var familyName: String?
        var email: String?
        var organisation: String?
        var city: String?
        var country: String?
        var homeZone: Zone?
        var languages: [Language]
        var roles: Set<Role>
        var availability: [TimeWindow]
        var journeys: [Journey]
        var stays: [Stay]
        var dietary: [String]
        var accessibility: [String]
        var consent: Consent
        var signUps: [Reference<Session>]
        var bio: LocalizedText?
        var gender: String?
        var source: Provenance?
        var location: SourceLocation
        var localAddress: String?
        var needsHotel: Bool?
        var hotelPreference: String?
        var emergencyContact: String?
    }

    /// The fields behind a reference, shared by copies until one of them changes.
    final class Storage: @unchecked Sendable {
        // Mutated only through `makeUnique()`, i.e. when no other value shares it.
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    /// Read by ``PersonArchive``, which writes the fields as they are.
    private(set) var storage: Storage

    /// A person of `fields` (``PersonArchive`` reading them back).
    init(fields: Fields) { storage = Storage(fields) }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
    }

    public static func == (a: Person, b: Person) -> Bool {
        a.storage === b.storage || a.storage.fields == b.storage.fields
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(storage.fields) }

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
        storage = Storage(
            Fields(
                id: id, name: name, givenName: givenName, familyName: familyName, email: email,
                organisation: organisation, city: city, country: country, homeZone: homeZone, languages: languages,
                roles: roles, availability: availability, journeys: journeys, stays: stays, dietary: dietary,
                accessibility: accessibility, consent: consent, signUps: signUps, bio: bio, gender: gender,
                source: source, location: location, localAddress: localAddress, needsHotel: needsHotel,
                hotelPreference: hotelPreference, emergencyContact: emergencyContact))
    }

    /// The arrival journey into the event, if known (the last arrival when several are given; of arrivals at the
    /// same instant, the first written).
    public var arrival: Journey? { latestOrEarliest(.arrival) }

    /// The departure journey out of the event, if known (the first departure when several are given; of
    /// departures at the same instant, the first written).
    public var departure: Journey? { latestOrEarliest(.departure) }

    /// The instant of ``arrival`` (`.arrival`) or ``departure`` (`.departure`), read without copying the journey:
    /// rules ask it of every one of 100,000 people, and only a finding needs the journey itself.
    public func instant(of direction: Journey.Direction) -> Instant? { best(direction)?.instant }

    private func latestOrEarliest(_ direction: Journey.Direction) -> Journey? {
        best(direction).map { storage.fields.journeys[$0.position] }
    }

    /// Where the latest arrival or the earliest departure with a known instant is in `journeys`, and its instant,
    /// found in one pass over the journeys in place: several checks ask each of 100,000 people, so no list of
    /// candidates is made.
    private func best(_ direction: Journey.Direction) -> (position: Int, instant: Instant)? {
        let journeys = storage.fields.journeys
        var best: (position: Int, instant: Instant)?
        for position in journeys.indices where journeys[position].direction == direction {
            guard let instant = journeys[position].instant else { continue }
            // Only a strictly later arrival or earlier departure replaces the one kept: ties keep the first written.
            if let kept = best?.instant {
                let isBetter = direction == .arrival ? kept < instant : instant < kept
                guard isBetter else { continue }
            }
            best = (position, instant)
        }
        return best
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
