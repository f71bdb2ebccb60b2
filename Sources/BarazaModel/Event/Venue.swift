/// A place sessions happen: a building with rooms in a city, or an online meeting space.
public struct Venue: Hashable, Sendable {
    public typealias ID = Identifier<Venue>
    public var id: ID
    /// The name every export uses: the English one when the workspace gives both.
    public var name: String
    /// The name in each language (`name: { en: ..., fr: ... }`); one text for both when written plainly.
    public var names: LocalizedText
    public var kind: Kind
    public var rooms: [Room]
    public var location: SourceLocation

    /// Physical or online.
    public enum Kind: Hashable, Sendable {
        /// A building: city, ISO 3166 country code, zone, address and opening hours.
        case physical(city: String, country: String, zone: Zone, address: String?, openingHours: OpeningHours?)
        /// A video-conference space; it has no zone of its own.
        case online(url: String?)
    }

    /// A venue; `names` default to `name` in both languages.
    public init(
        id: ID, name: String, names: LocalizedText? = nil, kind: Kind, rooms: [Room], location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.names = names ?? LocalizedText(english: name, french: name)
        self.kind = kind
        self.rooms = rooms
        self.location = location
    }

    /// The venue's zone; nil for an online venue.
    public var zone: Zone? {
        if case .physical(_, _, let zone, _, _) = kind { return zone }
        return nil
    }

    public var isOnline: Bool { if case .online = kind { return true } else { return false } }

    public var city: String? {
        if case .physical(let city, _, _, _, _) = kind { return city }
        return nil
    }
}

/// A room of a venue.
public struct Room: Hashable, Sendable {
    public typealias ID = Identifier<Room>
    public var id: ID
    /// The name every export uses: the English one when the workspace gives both.
    public var name: String
    /// The name in each language (`name: { en: ..., fr: ... }`); one text for both when written plainly.
    public var names: LocalizedText
    public var capacity: Int?
    public var equipment: [String]
    public var accessible: Bool
    /// Languages simultaneous interpretation is offered into.
    public var interpretation: [Language]
    public var location: SourceLocation

    /// A room; `names` default to `name` in both languages.
    public init(
        id: ID, name: String, names: LocalizedText? = nil, capacity: Int?, equipment: [String] = [],
        accessible: Bool = true, interpretation: [Language] = [], location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.names = names ?? LocalizedText(english: name, french: name)
        self.capacity = capacity
        self.equipment = equipment
        self.accessible = accessible
        self.interpretation = interpretation
        self.location = location
    }
}

/// When a venue is open: a daily window, with optional per-date exceptions (`nil` window = closed).
public struct OpeningHours: Hashable, Sendable {
    public var daily: DailyWindow
    public var exceptions: [LocalDate: DailyWindow?]

    public init(daily: DailyWindow, exceptions: [LocalDate: DailyWindow?] = [:]) {
        self.daily = daily
        self.exceptions = exceptions
    }

    /// The window for `date`, nil when closed that day.
    public func window(on date: LocalDate) -> DailyWindow? {
        if let exception = exceptions[date] { return exception }
        return daily
    }
}

/// A window of the day, `opens..closes`; when `closes` is not after `opens` it ends the next day.
public struct DailyWindow: Hashable, Sendable, CustomStringConvertible {
    public var opens: LocalTime
    public var closes: LocalTime

    public init(opens: LocalTime, closes: LocalTime) {
        self.opens = opens
        self.closes = closes
    }

    /// Parses `HH:MM-HH:MM`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-").map { $0.trimmingWhitespace() }
        guard parts.count == 2, let o = LocalTime(parts[0]), let c = LocalTime(parts[1]) else { return nil }
        self.init(opens: o, closes: c)
    }

    /// Whether the window runs past midnight.
    public var crossesMidnight: Bool { closes <= opens }

    public var description: String { "\(opens)–\(closes)" }
}

/// Minutes needed to move between two venues (the same both ways).
public struct TravelTime: Hashable, Sendable {
    public var between: Set<Venue.ID>
    public var minutes: Int
    public var location: SourceLocation

    public init(between a: Venue.ID, and b: Venue.ID, minutes: Int, location: SourceLocation) {
        between = [a, b]
        self.minutes = minutes
        self.location = location
    }
}
