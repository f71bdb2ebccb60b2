import Foundation
import TZDatabase
import Testing

@testable import BarazaModel

@Suite("Zone reads the system tz database")
struct ZoneSourceTests {
    @Test("With a system database, Zone says so and answers from it", .enabled(if: hasSystemDatabase))
    func usesSystemDatabase() throws {
        let database = try #require(systemDatabase)
        let provider = ZoneProvider.choose(environment: [:], systemDatabase: database)
        #expect(provider.source == .system(version: database.version, directory: database.directory))
        #expect(provider.source.description == "\(database.version!) (system tzdata, \(database.directory))")
        let zone = try #require(Zone(identifier: "Africa/Casablanca", provider: provider))
        let rules = try #require(database.rules(for: "Africa/Casablanca"))
        for t in stride(from: utc(2024, 1, 1), to: utc(2030, 1, 1), by: 86_400 + 1234) {
            #expect(zone.offset(at: Instant(secondsSince1970: t)) == rules.offset(at: t))
        }
        #expect(
            zone.nextTransition(after: Instant(secondsSince1970: utc(2026, 6, 1)))
                == rules.nextTransition(after: utc(2026, 6, 1)).map { Instant(secondsSince1970: $0) })
    }

    @Test("BARAZA_TZ_SOURCE forces a source", .enabled(if: hasSystemDatabase))
    func environmentOverride() throws {
        let database = try #require(systemDatabase)
        let foundation = ZoneProvider.choose(environment: ["BARAZA_TZ_SOURCE": "foundation"], systemDatabase: database)
        #expect(foundation.source == .foundation(version: TimeZone.timeZoneDataVersion))
        #expect(foundation.source.description == "\(TimeZone.timeZoneDataVersion) (Foundation)")
        let zone = try #require(Zone(identifier: "Europe/Paris", provider: foundation))
        guard zone.backing.timeZone != nil else {
            Issue.record("expected Foundation backing")
            return
        }
        let system = ZoneProvider.choose(environment: ["BARAZA_TZ_SOURCE": "system"], systemDatabase: database)
        #expect(system.system != nil && !system.foundationAllowed)
        let none = ZoneProvider.choose(environment: ["BARAZA_TZ_SOURCE": "system"], systemDatabase: nil)
        #expect(none.source == .foundation(version: TimeZone.timeZoneDataVersion))
    }

    @Test("Identifiers the system database lacks fall back to Foundation unless the system is forced")
    func fallbackPerIdentifier() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("zone-src-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createDirectory(
            at: scratch.appendingPathComponent("Etc"), withIntermediateDirectories: true)
        var utcFile = TZifBuilder()
        utcFile.footer = "UTC0"
        try Data(utcFile.bytes()).write(to: scratch.appendingPathComponent("Etc/UTC"))
        try Data("# version 2099z\nZ Etc/UTC 0 - UTC\n".utf8).write(to: scratch.appendingPathComponent("tzdata.zi"))
        let database = try #require(TZDatabase(directory: scratch.path))

        let auto = ZoneProvider.choose(environment: [:], systemDatabase: database)
        #expect(auto.source.description == "2099z (system tzdata, \(database.directory))")
        let kigali = try #require(Zone(identifier: "Africa/Kigali", provider: auto))
        guard kigali.backing.timeZone != nil else {
            Issue.record("expected Foundation fallback for an identifier the system database lacks")
            return
        }
        let utc = try #require(Zone(identifier: "Etc/UTC", provider: auto))
        guard utc.backing.rules != nil else {
            Issue.record("expected the system database")
            return
        }
        let forced = ZoneProvider.choose(environment: ["BARAZA_TZ_SOURCE": "system"], systemDatabase: database)
        #expect(Zone(identifier: "Africa/Kigali", provider: forced) == nil)
        #expect(Zone(identifier: "../../etc/passwd", provider: auto) == nil)
    }

    @Test("Zone.nextTransition agrees with offset changes in Paris, from both sources", .enabled(if: hasSystemDatabase))
    func nextTransitionBothSources() throws {
        let database = try #require(systemDatabase)
        for environment in [[:], ["BARAZA_TZ_SOURCE": "foundation"]] {
            let provider = ZoneProvider.choose(environment: environment, systemDatabase: database)
            let paris = try #require(Zone(identifier: "Europe/Paris", provider: provider))
            var cursor = Instant(secondsSince1970: utc(2027, 1, 1))
            var found: [Instant] = []
            while let next = paris.nextTransition(after: cursor), next.secondsSince1970 < utc(2029, 1, 1) {
                #expect(paris.offset(at: next) != paris.offset(at: next.adding(seconds: -1)))
                found.append(next)
                cursor = next
            }
            // Last Sundays of March and October 2027 and 2028, at 01:00 UTC (EU rule).
            #expect(
                found.map(\.secondsSince1970) == [
                    utc(2027, 3, 28, 1), utc(2027, 10, 31, 1), utc(2028, 3, 26, 1), utc(2028, 10, 29, 1),
                ], "\(environment)")
            // Foundation on Linux abbreviates by offset (`GMT+2`); the system database has the real name.
            let summer = paris.abbreviation(at: Instant(secondsSince1970: utc(2027, 7, 1)))
            #expect(summer == (environment.isEmpty ? "CEST" : "GMT+2"))
        }
    }
}
