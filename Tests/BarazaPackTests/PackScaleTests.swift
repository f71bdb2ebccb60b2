import BarazaWorkspace
import Foundation
import Testing

@testable import BarazaPack

/// `--audience participants` plans one pack per attendee before writing any; each personal pack's index and
/// attendance list name every attendee, so holding them all in memory grew with the square of the attendance
/// (20,000 people: over 4.8 GB before the build was stopped). They are now made when each zip is written.
@Suite("Material packs at scale")
struct PackScaleTests {
    @Test("Planned personal packs make their index at write time and share one list, with the same bytes")
    func personalPacksMakeTheirIndexWhenWritten() throws {
        let scratch = try Scratch()
        let builder = try PackContentTests.sampleBuilder()
        let plans = try builder.plan(.participants)
        let personal = plans.filter { $0.audience.hasPrefix("person:") }
        #expect(personal.count == builder.attendance.attendees.count)
        var lists: Set<ObjectIdentifier> = []
        for plan in personal {
            for entry in plan.entries {
                switch (entry.path, entry.content) {
                case ("index.html", .generated): break
                case ("attendance/attendance.csv", .prepared(let list)): lists.insert(ObjectIdentifier(list))
                case ("index.html", _), ("attendance/attendance.csv", _):
                    Issue.record("\(plan.path): \(entry.path) is held in memory for this pack alone")
                default: break
                }
            }
        }
        // One attendance list, compressed once, for every personal pack.
        #expect(lists.count == 1)
        for plan in plans { try builder.write(plan, into: scratch.path) }
        let shared = try ZipContents(scratch.path("packs/participants.zip"))
        let list = shared.text("attendance/attendance.csv")
        #expect(list.contains("grace-nakato") || list.contains("Grace"))
        for plan in personal {
            let zip = try ZipContents(scratch.path(plan.path))
            #expect(zip.text("attendance/attendance.csv") == list, "\(plan.path)")
            #expect(zip.text("index.html").contains("Your sessions · Vos séances"), "\(plan.path)")
        }
    }
}
