import BarazaCalendar
import BarazaModel
import BarazaOutput
import Foundation
import ICalendar
import Testing

/// Foundation on Linux carries tz data 2025b; the system (and ics-check) has 2026f, where Morocco stays on +00
/// after 2026-09-20. A session at 10:00 Africa/Casablanca on 2027-02-03 is 09:00Z for Foundation, 10:00Z for 2026f.
@Suite("Zones whose rules differ between Foundation and the system tz database", .serialized)
struct SystemZoneTests {
    static let directory = "/usr/share/zoneinfo"
    static var systemIsNewer: Bool {
        (TZifZone.databaseVersion(directory: directory) ?? "") > Zone.databaseVersion
            && (TZifZone.databaseVersion(directory: directory) ?? "") >= "2026"
    }

    static func casablancaWorkspace(_ scratch: Scratch) throws -> Workspace {
        let path = try scratch.copyOfSample(Samples.reflection)
        try Samples.edit(
            path + "/event.yaml", replacing: "    timezone: Europe/Paris\n    start: 2027-02-03T10:00",
            with: "    timezone: Africa/Casablanca\n    start: 2027-02-03T10:00")
        return try Samples.load(path)
    }

    @Test(
        "The wall time as written is resolved with the newer rules and written in UTC, with a note",
        .enabled(if: systemIsNewer, "the system tz database is not newer than Foundation's"))
    func followsTheSystemDatabase() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let workspace = try Self.casablancaWorkspace(scratch)
        let session = try #require(workspace.sessionsByID["reflection-part-1"])
        #expect(session.interval?.start.iso8601UTC == "2027-02-03T09:00:00Z")  // Foundation 2025b: +01
        let out = scratch.path("out")
        let result = try CalendarExporter(systemTimeZoneDirectory: Self.directory)
            .export(workspace, context: ExportContext(directory: out))
        #expect(result.notes.count == 1)
        #expect(result.notes.first?.hasPrefix("Africa/Casablanca: the system tz database") == true)
        let calendar = try ICalendarReader.parse(Data(contentsOf: URL(fileURLWithPath: out + "/calendars/event.ics")))
        let event = try #require(
            calendar.components(named: "VEVENT").first {
                $0.property("UID")?.value == "session-reflection-part-1@reflection-2027-02.baraza"
            })
        #expect(event.property("DTSTART")?.value == "20270203T100000Z")
        #expect(event.property("DTEND")?.value == "20270203T113000Z")
        // Part 2 stays in Europe/Paris with its TZID.
        #expect(calendar.components(named: "VTIMEZONE").compactMap { $0.property("TZID")?.value } == ["Europe/Paris"])
    }

    @Test(
        "ics-check passes with the correction and fails without it",
        .enabled(if: systemIsNewer && ICSCheck.isRunnable, "needs a newer system tz database and ics-check"))
    func icsCheckAgrees() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let workspace = try Self.casablancaWorkspace(scratch)
        _ = try CalendarExporter(systemTimeZoneDirectory: Self.directory)
            .export(workspace, context: ExportContext(directory: scratch.path("fixed")))
        _ = try InvitationExporter(systemTimeZoneDirectory: Self.directory)
            .export(workspace, context: ExportContext(directory: scratch.path("fixed")))
        let fixed = try ICSCheck.run(["-j", "2", scratch.path("fixed")])
        #expect(fixed.status == 0, "\(fixed.output.suffix(3000))")
        _ = try CalendarExporter().export(workspace, context: ExportContext(directory: scratch.path("foundation")))
        let stale = try ICSCheck.run(["-j", "2", scratch.path("foundation") + "/calendars/event.ics"])
        #expect(stale.status == 1)
        #expect(stale.output.contains("vtimezone"), "\(stale.output.suffix(2000))")
    }
}
