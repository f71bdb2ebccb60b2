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
    public static let memberCities: [ZoneChoice] = [
        ("Bamako", "Africa/Bamako"), ("Benguerir", "Africa/Casablanca"), ("Bizerte", "Africa/Tunis"),
        ("Kampala", "Africa/Kampala"), ("Kigali", "Africa/Kigali"), ("Kumasi", "Africa/Accra"),
        ("Lagos", "Africa/Lagos"), ("Maputo-Matola", "Africa/Maputo"), ("Niamey", "Africa/Niamey"),
        ("Nouakchott", "Africa/Nouakchott"), ("Sèmè-Podji", "Africa/Porto-Novo"), ("Paris", "Europe/Paris"),
    ].map { ZoneChoice(city: $0.0, zone: Zone(identifier: $0.1)!) }
}
