import BarazaModel
import BarazaTestSupport
import BarazaWorkspace
import Foundation
import Testing

@testable import BarazaPack

/// Times always carry their zone (issue 14, item 8): a pack's pages state the one zone their times are in, and a
/// session held on another clock (an online call written in Paris time, among Kigali sessions) also gives its
/// own reading, labelled; certificates label each session's time with its zone.
@Suite("Pack pages and certificates: every time with its zone")
struct PageZoneTests {
    /// The mini workspace (Kigali) with two online sessions written in Paris time: one in the afternoon, one
    /// that starts before midnight in Paris and after midnight in Kigali. Ana was checked in at both.
    static func workspace() throws -> MiniWorkspace {
        let mini = try MiniWorkspace(extraEvent: "include: [online.yaml]")
        try mini.scratch.write(
            """
            venues:
              - { id: video, name: Video room, online: true }
            sessions:
              - id: paris-call
                title: { en: Call with Paris, fr: Appel avec Paris }
                kind: online
                venue: video
                timezone: Europe/Paris
                start: 2027-03-24T16:00
                duration: 60
                participants: [ana]
              - id: late-call
                title: { en: Late call, fr: Appel tardif }
                kind: online
                venue: video
                timezone: Europe/Paris
                start: 2027-03-23T23:30
                duration: 60
                participants: [ana]
            """, to: "mini/online.yaml")
        try mini.scratch.write(
            "person,session\nana,s1\nana,paris-call\nana,late-call\nchloe,s1\n", to: "mini/attendance.csv")
        return mini
    }

    /// Ana's personal pack, written into `scratch`.
    static func anaPack(_ mini: MiniWorkspace, scratch: Scratch) throws -> ZipContents {
        let workspace = try mini.load()
        let file = try #require(try workspace.state.checkIns(for: workspace))
        let builder = PackBuilder(
            workspace: workspace, attendance: Attendance(checkIns: file.checkIns, file: file.path, workspace: workspace)
        )
        for plan in try builder.plan(.person("ana")) { try builder.write(plan, into: scratch.path) }
        return try ZipContents(scratch.path("packs/participants/ana.zip"))
    }

    @Test("The index states its zone once, and a session on another clock gives its own reading too")
    func indexStatesItsZone() throws {
        let mini = try Self.workspace()
        defer { withExtendedLifetime(mini) {} }
        let scratch = try Scratch()
        let index = try Self.anaPack(mini, scratch: scratch).text("index.html")
        #expect(index.contains("Times are in Africa/Kigali (UTC+02:00), the event's time zone"))
        #expect(index.contains("Les heures sont données dans le fuseau de l'événement, Africa/Kigali (UTC+02:00)"))
        // Ana's sessions, in Kigali time; the Paris calls with their Paris reading (UTC+01:00 until 28 March).
        let yours = try #require(
            index.components(separatedBy: "<section id=\"your-sessions\">").last?
                .components(separatedBy: "</section>").first)
        #expect(
            yours.components(separatedBy: "<li id=\"session-").dropFirst().map {
                $0.components(separatedBy: "\">").dropFirst().joined(separator: "\">")
                    .components(separatedBy: " · ").first!
            } == [
                "2027-03-23 09:00–10:30",
                "2027-03-24 00:30–01:30 (2027-03-23 23:30–2027-03-24 00:30 Europe/Paris)",
                "2027-03-24 17:00–18:00 (16:00–17:00 Europe/Paris)",
            ])
        // The programme of the shared packs files sessions under their day in the page's zone: the late call on
        // the 24th.
        let workspace = try mini.load()
        let builder = PackBuilder(workspace: workspace, attendance: Attendance(plannedFrom: workspace))
        for plan in try builder.plan(.public) { try builder.write(plan, into: scratch.path) }
        let shared = try ZipContents(scratch.path("packs/public.zip")).text("index.html")
        let materials = try #require(shared.components(separatedBy: "<section id=\"materials\">").last)
        let day24 = try #require(materials.components(separatedBy: "<h3>2027-03-24</h3>").last)
        #expect(day24.contains("00:30–01:30 (2027-03-23 23:30–2027-03-24 00:30 Europe/Paris) · Late call"))
        // No Paris reading stands without its zone anywhere on the page.
        for line in index.split(separator: "\n") where line.contains("Call with Paris") || line.contains("Late call") {
            for item in line.components(separatedBy: "<li").dropFirst() where item.contains("call") {
                #expect(item.contains("Europe/Paris)"), "\(item)")
            }
        }
    }

    @Test("A certificate labels each session's time with its own zone")
    func certificateLabelsTimes() throws {
        let mini = try Self.workspace()
        defer { withExtendedLifetime(mini) {} }
        let scratch = try Scratch()
        let zip = try Self.anaPack(mini, scratch: scratch)
        let pdf = scratch.url.appendingPathComponent("ana.pdf")
        try #require(zip.data["certificates/ana.pdf"]).write(to: pdf)
        let text = try runTool("pdftotext", ["-raw", pdf.path, "-"])
        #expect(text.contains("2027-03-23 09:00–10:30 (Africa/Kigali)"))
        #expect(text.contains("2027-03-23 23:30–00:30 (Europe/Paris)"))
        #expect(text.contains("2027-03-24 16:00–17:00 (Europe/Paris)"))
    }

    @Test("One zone through the event: one offset; a clock change during it: both offsets")
    func offsetsFollowTheEvent() throws {
        var b = WorkspaceBuilder(
            zone: Zone(identifier: "Europe/Paris")!, firstDay: LocalDate(year: 2027, month: 3, day: 27)!,
            lastDay: LocalDate(year: 2027, month: 3, day: 28)!)
        b.venue("hall", city: "Paris", country: "FR", rooms: ["r"])
        let saturday = Instant(utc: "2027-03-27T09:00")
        let sunday = Instant(utc: "2027-03-28T09:00")
        b.session("sat", interval: Interval(start: saturday, end: saturday.adding(minutes: 60)), venue: "hall")
        b.session("sun", interval: Interval(start: sunday, end: sunday.adding(minutes: 60)), venue: "hall")
        #expect(PageClock(b.build()).zoneLabel == "Europe/Paris (UTC+01:00 / UTC+02:00)")
        b.sessions.removeLast()
        #expect(PageClock(b.build()).zoneLabel == "Europe/Paris (UTC+01:00)")
    }
}
