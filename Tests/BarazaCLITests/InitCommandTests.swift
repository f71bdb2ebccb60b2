import BarazaModel
import BarazaTestSupport
import Foundation
import Testing

/// `baraza init` makes a workspace that checks clean, and never overwrites one.
struct InitCommandTests {
    /// A fresh, empty temporary folder, removed afterwards by the caller.
    func temporaryFolder() throws -> URL {
        let url = ScratchFolders.url("baraza-init")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func initThenCheckIsClean() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let created = try runBaraza(["init", "events/training-2027", "--timezone", "Africa/Maputo"], in: root)
        #expect(created.exitCode == 0, "\(created.stderr)")
        #expect(created.stdout.contains("next: baraza check events/training-2027"))
        let files = try FileManager.default.contentsOfDirectory(
            atPath: root.appendingPathComponent("events/training-2027").path)
        #expect(Set(files) == ["event.yaml", "venues.yaml", "people.yaml", "sessions.yaml"])
        let event = try String(
            contentsOf: root.appendingPathComponent("events/training-2027/event.yaml"), encoding: .utf8)
        #expect(event.contains("id: training-2027"))
        #expect(event.contains("Africa/Maputo"))

        let checked = try runBaraza(["check", "events/training-2027"], in: root)
        #expect(checked.exitCode == 0, "\(checked.stdout)\(checked.stderr)")
        #expect(checked.stdout.hasPrefix("No findings"))
        #expect(checked.stdout.contains("(training-2027)"))
    }

    @Test func initRefusesAnExistingWorkspaceAndLeavesItAlone() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try runBaraza(["init", "ws"], in: root).exitCode == 0)
        let entry = root.appendingPathComponent("ws/event.yaml")
        let edited = try String(contentsOf: entry, encoding: .utf8) + "# edited by hand\n"
        try edited.write(to: entry, atomically: true, encoding: .utf8)

        let again = try runBaraza(["init", "ws"], in: root)
        #expect(again.exitCode == 2)
        #expect(again.stdout.isEmpty)
        #expect(again.stderr.hasPrefix("error: "))
        #expect(again.stderr.contains("ws"))
        #expect(try String(contentsOf: entry, encoding: .utf8) == edited)
    }

    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Runs `baraza init ws` with `options`, checks the workspace clean, and returns its files' text by name.
    func initialise(_ options: [String], root: URL) throws -> [String: String] {
        let created = try runBaraza(["init", "ws"] + options, in: root)
        #expect(created.exitCode == 0, "\(created.stderr)")
        let checked = try runBaraza(["check", "ws"], in: root)
        #expect(checked.exitCode == 0, "\(checked.stdout)\(checked.stderr)")
        #expect(checked.stdout.hasPrefix("No findings"))
        var files: [String: String] = [:]
        for name in ["event.yaml", "venues.yaml", "people.yaml", "sessions.yaml"] {
            files[name] = try String(contentsOf: root.appendingPathComponent("ws/\(name)"), encoding: .utf8)
        }
        return files
    }

    @Test("--timezone alone gives a place named after the zone and a neutral airport, never Kigali's")
    func timezoneGivesANeutralPlace() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let files = try initialise(["--timezone", "Africa/Accra"], root: root)
        let all = files.values.joined()
        #expect(!all.contains("KGL") && !all.contains("RwandAir"))
        #expect(files["venues.yaml"]!.contains("    city: Accra\n    country: GH\n    timezone: Africa/Accra\n"))
        #expect(files["people.yaml"]!.contains("place: airport"))
        let again = try runBaraza(["init", "ws2", "--timezone", "Africa/Accra"], in: root)
        #expect(
            again.stdout.contains(
                "note: Kumasi, a network city, is in Africa/Accra: `--city Kumasi` writes its name and its airport (KMS)"
            ), "the zone's network city is offered")
        let elsewhere = try runBaraza(["init", "ws3", "--timezone", "Africa/Dakar"], in: root)
        #expect(!elsewhere.stdout.contains("note:"))
        for name in ["venues.yaml", "people.yaml"] {
            assertGolden(files[name]!, file: Self.golden.appendingPathComponent("init-timezone-accra/\(name)"))
        }
    }

    @Test("--city picks a network city: its zone, country and airport")
    func cityFromTheTable() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let files = try initialise(["--city", "kumasi"], root: root)
        #expect(files["event.yaml"]!.contains("timezone: Africa/Accra"))
        #expect(files["venues.yaml"]!.contains("    city: Kumasi\n    country: GH\n    timezone: Africa/Accra\n"))
        #expect(files["people.yaml"]!.contains("place: KMS"))
        #expect(!files.values.joined().contains("KGL"))
        for name in ["venues.yaml", "people.yaml"] {
            assertGolden(files[name]!, file: Self.golden.appendingPathComponent("init-city-kumasi/\(name)"))
        }
    }

    @Test(
        "Every city of the table gives a workspace that checks clean, with its own airport",
        arguments: NetworkCity.all)
    func everyCity(city: NetworkCity) throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let files = try initialise(["--city", city.name], root: root)
        #expect(files["event.yaml"]!.contains("timezone: \(city.zoneIdentifier)"))
        #expect(files["people.yaml"]!.contains("place: \(city.airport)"))
        #expect(Zone(identifier: city.zoneIdentifier) != nil)
        #expect(NetworkCity.named(city.name.uppercased()) == city)
    }

    @Test("Without options the template is hosted by Kigali, as before")
    func defaultIsKigali() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let files = try initialise([], root: root)
        #expect(files["venues.yaml"]!.contains("city: Kigali") && files["people.yaml"]!.contains("place: KGL"))
    }

    @Test(
        "An unknown city, or a city and another zone, is a usage error; nothing is written",
        arguments: [
            (["--city", "Kumassi"], "--city: `Kumassi` is not one of the network's cities; did you mean `Kumasi`?"),
            (["--city", "Kumasi", "--timezone", "Africa/Lagos"], "--city Kumasi is in Africa/Accra, not Africa/Lagos"),
        ])
    func badCity(options: [String], message: String) throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try runBaraza(["init", "ws"] + options, in: root)
        #expect(run.exitCode == 64)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("ws").path))
    }

    @Test func initRejectsAZoneTheDatabaseDoesNotKnow() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        // A bad value on the command line is a usage error (64), with the nearest zone.
        let run = try runBaraza(["init", "ws", "--timezone", "Africa/Kigal"], in: root)
        #expect(run.exitCode == 64)
        #expect(
            run.stderr.hasPrefix(
                "Error: The value 'Africa/Kigal' is invalid for '--timezone <timezone>': expected an IANA time zone "
                    + "such as `Africa/Kigali` (did you mean `Africa/Kigali`?)\n"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("ws/event.yaml").path))
    }
}
