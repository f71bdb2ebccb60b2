import BarazaModel
import BarazaTestSupport
import Testing

/// Every member city's zone (and the secretariat's) turns known instants into known wall clocks.
struct MemberCityZoneTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var city: String
        var zone: String
        /// What the zone's clock shows at 2026-06-01T12:00Z and at 2026-11-17T07:00Z (the opening of a
        /// Kigali event at 09:00 local), with offsets.
        var june: String
        var november: String
        var testDescription: String { "\(city) (\(zone))" }
    }

    static let rows: [Row] = [
        Row(
            city: "Bamako", zone: "Africa/Bamako", june: "2026-06-01 12:00 (+00:00)",
            november: "2026-11-17 07:00 (+00:00)"),
        Row(
            city: "Bizerte", zone: "Africa/Tunis", june: "2026-06-01 13:00 (+01:00)",
            november: "2026-11-17 08:00 (+01:00)"),
        Row(
            city: "Kampala", zone: "Africa/Kampala", june: "2026-06-01 15:00 (+03:00)",
            november: "2026-11-17 10:00 (+03:00)"),
        Row(
            city: "Kigali", zone: "Africa/Kigali", june: "2026-06-01 14:00 (+02:00)",
            november: "2026-11-17 09:00 (+02:00)"),
        Row(
            city: "Kumasi", zone: "Africa/Accra", june: "2026-06-01 12:00 (+00:00)",
            november: "2026-11-17 07:00 (+00:00)"),
        Row(
            city: "Lagos", zone: "Africa/Lagos", june: "2026-06-01 13:00 (+01:00)",
            november: "2026-11-17 08:00 (+01:00)"),
        Row(
            city: "Maputo-Matola", zone: "Africa/Maputo", june: "2026-06-01 14:00 (+02:00)",
            november: "2026-11-17 09:00 (+02:00)"),
        Row(
            city: "Niamey", zone: "Africa/Niamey", june: "2026-06-01 13:00 (+01:00)",
            november: "2026-11-17 08:00 (+01:00)"),
        Row(
            city: "Nouakchott", zone: "Africa/Nouakchott", june: "2026-06-01 12:00 (+00:00)",
            november: "2026-11-17 07:00 (+00:00)"),
        Row(
            city: "Sèmè-Podji", zone: "Africa/Porto-Novo", june: "2026-06-01 13:00 (+01:00)",
            november: "2026-11-17 08:00 (+01:00)"),
        Row(
            city: "Paris", zone: "Europe/Paris", june: "2026-06-01 14:00 (+02:00)",
            november: "2026-11-17 08:00 (+01:00)"),
    ]

    @Test("a known instant shows the known wall clock", arguments: rows)
    func knownInstantKnownWallClock(_ row: Row) throws {
        let z = try #require(Zone(identifier: row.zone))
        let june = Instant(utc: "2026-06-01T12:00:00Z")
        let november = Instant(utc: "2026-11-17T07:00:00Z")
        #expect(rendering(june, in: z) == row.june)
        #expect(rendering(november, in: z) == row.november)
        // Outside clock changes, each reading maps back to the same instant.
        #expect(z.resolve(z.localDateTime(at: june)) == .unique(june))
        #expect(z.resolve(z.localDateTime(at: november)) == .unique(november))
    }

    /// Benguerir (Africa/Casablanca) is UTC+1 except during Ramadan: the table gives it one instant either side.
    /// Later dates are left out on purpose: tz releases disagree about Morocco after 2026 (see ClockChangeTests).
    @Test func benguerir() throws {
        let z = try #require(Zone(identifier: "Africa/Casablanca"))
        #expect(rendering(Instant(utc: "2026-06-01T12:00:00Z"), in: z) == "2026-06-01 13:00 (+01:00)")
        #expect(rendering(Instant(utc: "2026-03-01T12:00:00Z"), in: z) == "2026-03-01 12:00 (+00:00)")
    }

    @Test func zonesMustBeRegionIdentifiersTheDatabaseKnows() {
        for id in ["Africa/Kigal", "GMT+1", "UTC+01:00", "CET", "Kigali", "", "africa/kigali "] {
            #expect(Zone(identifier: id) == nil, "\(id)")
        }
        #expect(Zone(identifier: "UTC") == Zone.utc)
        #expect(Zone.knownIdentifiers.contains("Africa/Porto-Novo"))
    }
}
