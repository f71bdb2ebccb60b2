import BarazaTestSupport
import Foundation
import Testing

@Suite("The baraza export badges command")
struct ExportBadgesCommandTests {
    @Test("Runs on the sample event and prints what it wrote")
    func runs() throws {
        let scratch = try ScratchWorkspace()
        let run = try runBaraza(
            [
                "export", "badges", "events/final-kigali-2027", "--layout", "a6", "--role", "speaker,staff",
                "--no-record",
            ],
            in: scratch.root)
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.contains("wrote exports/final-kigali-2027/badges/badges-a6-speaker-staff.pdf"))
        #expect(run.stdout.contains("wrote exports/final-kigali-2027/badges/badge-list-speaker-staff.csv"))
        #expect(FileManager.default.fileExists(atPath: scratch.badgeFile("badges-a6-speaker-staff.pdf").path))
        #expect(
            !FileManager.default.fileExists(
                atPath: scratch.workspace.appendingPathComponent("badges-printed.yaml").path))
    }

    @Test(
        "Bad options are refused before anything is read",
        arguments: [
            (["--role", "chair"], "--role must be one of"),
            (["--layout", "a5"], "Please provide one of 'a4-8' and 'a6'"),
            (["--encoding", "latin1"], "Please provide one of 'utf8' and 'utf16'"),
        ])
    func badOptions(arguments: [String], message: String) throws {
        let scratch = try ScratchWorkspace()
        let run = try runBaraza(["export", "badges", "events/final-kigali-2027"] + arguments, in: scratch.root)
        #expect(run.exitCode == 64)
        #expect(run.stderr.contains(message))
        #expect(!FileManager.default.fileExists(atPath: scratch.exports.path))
    }
}
