import BarazaModel

/// A place whose clock the agenda can show: a city name and its IANA zone.
public struct ZoneChoice: Hashable, Sendable {
    /// The city as people name it (`Sèmè-Podji`); shown as is in both interface languages.
    public var city: String
    /// The IANA zone the city's clocks follow.
    public var zone: Zone

    /// A city and its zone.
    public init(city: String, zone: Zone) {
        self.city = city
        self.zone = zone
    }

    /// The network's eleven member cities and the Paris secretariat, in alphabetical order then Paris.
    public static let memberCities: [ZoneChoice] = NetworkCity.all.map {
        ZoneChoice(city: $0.name, zone: Zone(identifier: $0.zoneIdentifier)!)
    }
}
