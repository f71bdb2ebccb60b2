import BarazaModel
import Foundation
import Testing

@testable import BarazaImport

/// A schedule whose texts are longer than a workspace allows is imported with them cut to fit, each cut noted:
/// the workspace it writes loads.
struct ScheduleLimitTests {
    @Test func overlongTitlesRoomsAndNamesAreCutAndNoted() throws {
        let mini = try String(contentsOfFile: fixture("schedules/mini.schedule.xml"), encoding: .utf8)
        let title = String(repeating: "Opening and welcome ", count: 50)
        let speaker = String(repeating: "Amina ", count: 100) + "Diallo"
        let room = String(repeating: "Saal ", count: 120)
        let text = mini.replacingOccurrences(of: "Opening &amp; welcome", with: title)
            .replacingOccurrences(of: ">Amina Diallo<", with: ">\(speaker)<")
            .replacingOccurrences(of: "Saal 1", with: room)
        let folder = try scratchFolder()
        let file = try write(text, to: "long.schedule.xml", in: folder)
        let ws = (folder as NSString).appendingPathComponent("ws")
        let report = try ScheduleImport.initialise(
            directory: ws, schedule: file, eventID: "long", fallbackZone: nil)
        let cuts = report.notes.filter { $0.contains(" characters cut to ") }
        #expect(
            cuts.contains {
                $0.hasSuffix(
                    "event 101: title of 999 characters cut to 499 (at most 500 characters (one line of text: a name, title, organisation...))"
                )
            }, "\(cuts)")
        #expect(cuts.contains { $0.contains("event 101: speaker name of 606 characters cut to ") }, "\(cuts)")
        #expect(cuts.contains { $0.contains("event 101: room name of 599 characters cut to ") }, "\(cuts)")
        let workspace = try load(ws)
        let session = try #require(
            workspace.sessions.first { $0.title.english?.hasPrefix("Opening and welcome") == true })
        #expect(session.title.english?.unicodeScalars.count == 499)
        #expect(workspace.people.contains { $0.name.hasPrefix("Amina Amina") && $0.name.unicodeScalars.count <= 500 })
    }
}
