import Foundation

/// A city of the network (or its Paris secretariat): where events are hosted and delegations come from, with
/// the zone its clocks follow, its country and the airport visitors fly into.
public struct NetworkCity: Hashable, Sendable {
    /// The city as people write it (`Sèmè-Podji`), in both languages.
    public var name: String
    /// The IANA zone the city's clocks follow.
    public var zoneIdentifier: String
    /// ISO 3166-1 alpha-2 country code.
    public var country: String
    /// The IATA code of the airport visitors fly into (the nearest international one when the city has none).
    public var airport: String
    /// The airport's name.
    public var airportName: String

    /// A city from its parts.
    public init(name: String, zoneIdentifier: String, country: String, airport: String, airportName: String) {
        self.name = name
        self.zoneIdentifier = zoneIdentifier
        self.country = country
        self.airport = airport
        self.airportName = airportName
    }

    /// The network's eleven member cities in alphabetical order, then the Paris secretariat.
    public static let all: [NetworkCity] = [
        NetworkCity(
            name: "Bamako", zoneIdentifier: "Africa/Bamako", country: "ML", airport: "BKO",
            airportName: "Modibo Keïta International Airport"),
        NetworkCity(
            name: "Benguerir", zoneIdentifier: "Africa/Casablanca", country: "MA", airport: "RAK",
            airportName: "Marrakesh Menara Airport"),
        NetworkCity(
            name: "Bizerte", zoneIdentifier: "Africa/Tunis", country: "TN", airport: "TUN",
            airportName: "Tunis–Carthage International Airport"),
        NetworkCity(
            name: "Kampala", zoneIdentifier: "Africa/Kampala", country: "UG", airport: "EBB",
            airportName: "Entebbe International Airport"),
        NetworkCity(
            name: "Kigali", zoneIdentifier: "Africa/Kigali", country: "RW", airport: "KGL",
            airportName: "Kigali International Airport"),
        NetworkCity(
            name: "Kumasi", zoneIdentifier: "Africa/Accra", country: "GH", airport: "KMS",
            airportName: "Prempeh I International Airport"),
        NetworkCity(
            name: "Lagos", zoneIdentifier: "Africa/Lagos", country: "NG", airport: "LOS",
            airportName: "Murtala Muhammed International Airport"),
        NetworkCity(
            name: "Maputo-Matola", zoneIdentifier: "Africa/Maputo", country: "MZ", airport: "MPM",
            airportName: "Maputo International Airport"),
        NetworkCity(
            name: "Niamey", zoneIdentifier: "Africa/Niamey", country: "NE", airport: "NIM",
            airportName: "Diori Hamani International Airport"),
        NetworkCity(
            name: "Nouakchott", zoneIdentifier: "Africa/Nouakchott", country: "MR", airport: "NKC",
            airportName: "Nouakchott–Oumtounsy International Airport"),
        NetworkCity(
            name: "Sèmè-Podji", zoneIdentifier: "Africa/Porto-Novo", country: "BJ", airport: "COO",
            airportName: "Cadjehoun Airport, Cotonou"),
        NetworkCity(
            name: "Paris", zoneIdentifier: "Europe/Paris", country: "FR", airport: "CDG",
            airportName: "Paris Charles de Gaulle Airport"),
    ]

    /// The city called `name`, compared without case, accents or punctuation (`seme-podji`, `Sèmè Podji` and
    /// `maputo` all find theirs; a name matching the start of one city only is enough).
    public static func named(_ name: String) -> NetworkCity? {
        let wanted = key(name)
        guard !wanted.isEmpty else { return nil }
        if let exact = all.first(where: { key($0.name) == wanted }) { return exact }
        let starts = all.filter { key($0.name).hasPrefix(wanted) }
        return starts.count == 1 ? starts[0] : nil
    }

    /// Letters and digits only, without case or accents.
    static func key(_ text: String) -> String {
        String(
            text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).unicodeScalars
                .filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
                .map(Character.init))
    }
}
