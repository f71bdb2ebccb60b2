import BarazaChecks
import BarazaModel
import BarazaTestSupport
import BarazaWorkspace
import Foundation
import Testing

@testable import BarazaImport

/// The real schedules in /work/shared/data/schedules, imported and checked: `baraza check` must find exactly the
/// speaker clashes listed in CLASHES.md (computed there independently with Python).
@Suite struct ScheduleImportTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        var file: String
        var zone: String
        var sessions: Int
        var pairs: Int
        var people: [String]?
        var testDescription: String { file }
    }

    static let schedules: [Expected] = [
        Expected(
            file: "mttcrsp-fosdem-2025.schedule.xml", zone: "Europe/Brussels", sessions: 943, pairs: 1,
            people: ["johan@linaker.se"]),
        Expected(
            file: "mttcrsp-fosdem-2026.schedule.xml", zone: "Europe/Brussels", sessions: 883, pairs: 1,
            people: ["Alexander Zaitsev"]),
        Expected(
            file: "eventfahrplan-39c3-20251206.schedule.xml", zone: "Europe/Berlin", sessions: 215, pairs: 6,
            people: ["elzbeth", "ghenny (She / Her)"]),
        Expected(
            file: "eventfahrplan-38c3.schedule.xml", zone: "Europe/Berlin", sessions: 1_007, pairs: 140, people: nil),
        Expected(
            file: "giggity-36c3-merged.schedule.xml", zone: "Europe/Berlin", sessions: 1_349, pairs: 64, people: nil),
        Expected(file: "giggity-debconf23.pentabarf.xml", zone: "Asia/Kolkata", sessions: 117, pairs: 0, people: []),
        Expected(
            file: "giggity-fosdem-2021.schedule.xml", zone: "Europe/Brussels", sessions: 773, pairs: 0, people: []),
    ]

    @Test(arguments: schedules)
    func importedScheduleShowsExactlyTheKnownSpeakerClashes(_ expected: Expected) throws {
        let root = try scratchFolder()
        let ws = (root as NSString).appendingPathComponent("ws")
        let file = sharedData.appendingPathComponent("schedules/\(expected.file)").path
        let zone = try #require(Zone(identifier: expected.zone))
        let report = try ScheduleImport.initialise(
            directory: ws, schedule: file, eventID: "imported", fallbackZone: zone)
        #expect(report.sessions == expected.sessions)
        let workspace = try load(ws)
        #expect(workspace.sessions.count == expected.sessions)
        #expect(workspace.event.zone.identifier == expected.zone)
        let clashes = Checker().check([workspace]).filter { $0.rule == "person-double-booked" }
        #expect(clashes.count == expected.pairs)
        if let people = expected.people {
            let names = Set(clashes.map { $0.subjects[0].label })
            #expect(names == Set(people))
        }
        // The raw file is kept verbatim for provenance.
        #expect(
            FileManager.default.contents(atPath: ws + "/schedule/\(expected.file)")
                == FileManager.default.contents(atPath: file))
    }

    @Test func pastMidnightAndUTCDatesAreReadAsInstants() throws {
        // DebConf23 writes event/date in UTC and event/start in IST: the date (with its offset) wins.
        let file = sharedData.appendingPathComponent("schedules/giggity-debconf23.pentabarf.xml").path
        let schedule = try ScheduleReader.read(contentsOf: file, fallbackZone: Zone(identifier: "UTC")!)
        #expect(schedule.zone?.identifier == "Asia/Kolkata")
        let first = try #require(schedule.events.min { $0.start < $1.start })
        #expect(first.start == Instant(secondsSince1970: 1_694_309_400))  // 2023-09-10T01:30Z
        // FOSDEM 2021 has no date element and no zone: day@date + start in the fallback zone.
        let fosdem = sharedData.appendingPathComponent("schedules/giggity-fosdem-2021.schedule.xml").path
        let brussels = try #require(Zone(identifier: "Europe/Brussels"))
        let f = try ScheduleReader.read(contentsOf: fosdem, fallbackZone: brussels)
        #expect(f.zone == nil)
        #expect(f.events.map(\.start).min() == Instant(secondsSince1970: 1_612_598_400))  // 2021-02-06T09:00+01:00
    }

    @Test func importIntoAnExistingWorkspaceIsAtomicAndIdempotent() throws {
        let ws = try scratchWorkspace()
        let file = sharedData.appendingPathComponent("schedules/mttcrsp-fosdem-2026.schedule.xml").path
        _ = try ScheduleImport(file: file, workspace: ws).run()
        let first = snapshot(ws)
        _ = try ScheduleImport(file: file, workspace: ws).run()
        #expect(snapshot(ws) == first)
        #expect(try load(ws).sessions.count == 2 + 883)
        // Not a schedule: refused, nothing written.
        let before = snapshot(ws)
        #expect(throws: ImportError.self) {
            try ScheduleImport(file: fixture("odk-inscriptions.xml"), workspace: ws).run()
        }
        #expect(snapshot(ws) == before)
    }

    @Test func initFromScheduleOnTheCommandLine() throws {
        let root = try scratchFolder()
        let ws = (root as NSString).appendingPathComponent("fosdem")
        let file = sharedData.appendingPathComponent("schedules/mttcrsp-fosdem-2025.schedule.xml").path
        let run = try runBaraza(["init", ws, "--from-schedule", file])
        #expect(run.exitCode == 0)
        #expect(run.stdout.contains("943 session(s)"))
        let check = try runBaraza(["check", ws])
        #expect(check.exitCode == 1)
        #expect(check.stdout.contains("person-double-booked (1 error)"))
        let again = try runBaraza(["init", ws, "--from-schedule", file])
        #expect(again.exitCode == 2)
    }

    /// Events that cannot be placed are left out with a warning at their place in the file as given: a zero
    /// duration, a start in Europe/Berlin's spring-forward gap, a start its fall-back shows twice; never shifted.
    @Test func eventsThatCannotBePlacedAreLeftOutAtTheirPlace() throws {
        let root = try scratchFolder()
        let schedule = """
            <?xml version="1.0" encoding="UTF-8"?>
            <schedule>
              <conference><title>Clocks</title><time_zone_name>Europe/Berlin</time_zone_name></conference>
              <day index="1" date="2025-03-30">
                <room name="Hall">
                  <event id="1"><start>01:00</start><duration>00:30</duration><title>Before the gap</title></event>
                  <event id="2"><start>02:30</start><duration>00:30</duration><title>In the gap</title></event>
                  <event id="3"><start>04:00</start><duration>00:00</duration><title>No time at all</title></event>
                </room>
              </day>
              <day index="2" date="2025-10-26">
                <room name="Hall">
                  <event id="4"><start>02:30</start><duration>00:30</duration><title>Twice</title></event>
                </room>
              </day>
            </schedule>

            """
        let file = try write(schedule, to: "clocks.xml", in: root)
        let run = try runBaraza(["init", "w", "--from-schedule", "clocks.xml"], in: URL(fileURLWithPath: root))
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.contains("schedule: 1 session(s)"))
        #expect(
            run.stderr == """
                clocks.xml:7: warning: event 2 left out: its start 2025-03-30 02:30 does not exist in Europe/Berlin \
                (the clocks spring forward over it)
                clocks.xml:13: warning: event 4 left out: its start 2025-10-26 02:30 happens twice in Europe/Berlin \
                (the clocks go back over it); write the date with its UTC offset to choose
                clocks.xml:8: warning: event 3 left out: zero duration

                """)
        let report = try ScheduleImport.initialise(
            directory: root + "/again", schedule: file, eventID: "again", fallbackZone: nil)
        #expect(report.skipped.map(\.event) == ["2", "4", "3"])
        #expect(report.skipped.allSatisfy { $0.place.hasPrefix(file + ":") })
    }

    @Test func importScheduleOnTheCommandLine() throws {
        let ws = try scratchWorkspace()
        let file = sharedData.appendingPathComponent("schedules/eventfahrplan-39c3-20251206.schedule.xml").path
        let run = try runBaraza(["import", "schedule", file, "--into", ws])
        #expect(run.exitCode == 0)
        #expect(run.stdout.contains("215 session(s), 14 room(s), 263 speaker(s)"))
        let check = try runBaraza(["check", ws, "--format", "json"])
        #expect(
            check.stdout.components(separatedBy: "\"rule\" : \"person-double-booked\"").count - 1 == 6
                || check.stdout.components(separatedBy: "\"rule\":\"person-double-booked\"").count - 1 == 6)
        // A zone that does not exist is a mistake on the command line: a usage error.
        let bad = try runBaraza(["import", "schedule", file, "--into", ws, "--timezone", "Mars/Olympus"])
        #expect(bad.exitCode == 64)
        #expect(bad.stderr.contains("--timezone"))
    }
}
