import BarazaWorkspace
import Foundation
import Testing

@testable import BarazaPack

/// `--audience participants` plans one pack per attendee before writing any; each personal pack's index and
/// attendance list name every attendee, so holding them all in memory grew with the square of the attendance
/// (20,000 people: over 4.8 GB before the build was stopped). They are now made when each zip is written.
@Suite("Material packs at scale")
struct PackScaleTests {
    @Test("Planned personal packs hold their index and list as content made at write time, with the same bytes")
    func personalPacksMakeTheirIndexWhenWritten() throws {
        let scratch = try Scratch()
        let builder = try PackContentTests.sampleBuilder()
        let plans = try builder.plan(.participants)
        let personal = plans.filter { $0.audience.hasPrefix("person:") }
        #expect(personal.count == builder.attendance.attendees.count)
        for plan in personal {
            for entry in plan.entries where ["index.html", "attendance/attendance.csv"].contains(entry.path) {
                guard case .generated = entry.content else {
                    Issue.record("\(plan.path): \(entry.path) is held in memory until written")
                    continue
                }
            }
        }
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
