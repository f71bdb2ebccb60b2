import BarazaCalendar
import BarazaModel
import BarazaOutput
import BarazaTestSupport
import Foundation
import ICalendar
import Testing

/// Foundation on Linux carries tz data 2025b; the system (and ics-check) has 2026f, where Morocco stays on +00
/// after 2026-09-20. `Zone` reads the system database, so a session at 10:00 Africa/Casablanca on 2027-02-03 is
/// 10:00Z, and the calendar's VTIMEZONE is built from the same rules. When Baraza is forced onto Foundation's
/// copy (`BARAZA_TZ_SOURCE=foundation`), calendars still land where clients do, written in UTC with a note.
@Suite("Zones whose rules differ between Foundation and the system tz database", .serialized)
struct SystemZoneTests {
    static let directory = "/usr/share/zoneinfo"
    static var systemIsInUse: Bool {
        if case .system(let version, _) = Zone.databaseSource { return (version ?? "") >= "2026f" }
        return false
    }

    static func casablancaWorkspace(_ scratch: Scratch) throws -> String {
        let path = try scratch.copyOfSample(Samples.reflection)
        try Samples.edit(
            path + "/event.yaml", replacing: "    timezone: Europe/Paris\n    start: 2027-02-03T10:00",
            with: "    timezone: Africa/Casablanca\n    start: 2027-02-03T10:00")
        return path
    }

    @Test(
        "With the system database, times and VTIMEZONE follow it and nothing needs correcting",
        .enabled(if: systemIsInUse, "the system tz database (2026f or later) is not the one in use"))
    func followsTheSystemDatabase() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let workspace = try Samples.load(try Self.casablancaWorkspace(scratch))
        let session = try #require(workspace.sessionsByID["reflection-part-1"])
        #expect(session.interval?.start.iso8601UTC == "2027-02-03T10:00:00Z")  // 2026f: +00 all year
        let out = scratch.path("out")
        let result = try CalendarExporter(systemTimeZoneDirectory: Self.directory)
            .export(workspace, context: ExportContext(directory: out))
        #expect(result.notes.isEmpty)
        let calendar = try ICalendarReader.parse(Data(contentsOf: URL(fileURLWithPath: out + "/calendars/event.ics")))
        let event = try #require(
            calendar.components(named: "VEVENT").first {
                $0.property("UID")?.value == "session-reflection-part-1@reflection-2027-02.baraza"
            })
        #expect(event.property("DTSTART")?.value == "20270203T100000")
        let zones = calendar.components(named: "VTIMEZONE").compactMap { $0.property("TZID")?.value }
        #expect(zones == ["Africa/Casablanca", "Europe/Paris"])
        if ICSCheck.isRunnable {
            let check = try ICSCheck.run(["-j", "2", out])
            #expect(check.status == 0, "\(check.output.suffix(3000))")
        }
    }

    @Test(
        "Forced onto Foundation's older copy, calendars resolve such times with the system rules, in UTC",
        .enabled(if: systemIsInUse, "the system tz database (2026f or later) is not available"))
    func foundationFallbackIsCorrected() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let workspace = try Self.casablancaWorkspace(scratch)
        let out = scratch.path("out")
        let run = try runBaraza(
            ["export", "ics", workspace, "--out", out], environment: ["BARAZA_TZ_SOURCE": "foundation"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Africa/Casablanca: the system tz database"), "\(run.stdout)")
        let calendar = try ICalendarReader.parse(Data(contentsOf: URL(fileURLWithPath: out + "/calendars/event.ics")))
        let event = try #require(
            calendar.components(named: "VEVENT").first {
                $0.property("UID")?.value == "session-reflection-part-1@reflection-2027-02.baraza"
            })
        #expect(event.property("DTSTART")?.value == "20270203T100000Z")
        if ICSCheck.isRunnable {
            let check = try ICSCheck.run(["-j", "2", out + "/calendars/event.ics"])
            #expect(check.status == 0, "\(check.output.suffix(3000))")
        }
    }
}
