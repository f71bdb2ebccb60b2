import BarazaModel
import BarazaTestSupport
import Foundation
import Testing

@testable import BarazaOutput

/// The one runner that writes what exporters plan: dry runs write nothing and say the same, files are written
/// atomically whatever their producer, workspace records are committed only after every file, and a failure
/// names the file the user asked for.
struct ExportRunnerTests {
    let root = ScratchFolders.url("runner").path

    /// A plan of three files (one per kind of producer), a note for each kind of run and one workspace record.
    struct Planned: Exporter {
        var id: String { "planned" }
        var summary: String { "three files for the runner's tests" }
        var count = 3

        func recordsInWorkspace(_ workspace: Workspace) -> Bool { true }

        func plan(_ workspace: Workspace, in directory: String) throws -> ExportPlan {
            var files = [
                PlannedFile(path: "a/data.txt", mediaType: "text/plain", bytes: .data { Data("data\n".utf8) }),
                PlannedFile(
                    path: "a/b/stream.txt", mediaType: "text/plain", bytes: .stream { try $0.write("stream\n") }),
                PlannedFile(
                    path: "file.txt", mediaType: "text/plain",
                    bytes: .file { destination in
                        try AtomicFile.produce(at: destination) {
                            try Data("file\n".utf8).write(to: URL(fileURLWithPath: $0))
                        }
                    }),
            ]
            for index in 3..<max(3, count) {
                files.append(.text("many/\(index).txt", mediaType: "text/plain") { "\(index)\n" })
            }
            let written = (directory as NSString).appendingPathComponent("a/data.txt")
            return ExportPlan(
                files: files, notes: [.always("always"), .dryRunOnly("only dry"), .writtenOnly("only written")],
                records: [
                    WorkspaceRecord(path: "state.txt", note: "recorded", dryRunNote: "would record") {
                        // Records come after the files: the plan's first file is there by now.
                        Data((FileManager.default.fileExists(atPath: written) ? "after\n" : "before\n").utf8)
                    }
                ])
        }
    }

    func workspace() throws -> Workspace {
        let path = root + "/ws"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let built = WorkspaceBuilder().build()
        return Workspace(
            path: path, event: built.event, venues: [], travelTimes: [], hotels: [], people: [], sessions: [],
            settings: built.settings)
    }

    func contents(_ relative: String) -> String? { try? String(contentsOfFile: root + "/" + relative, encoding: .utf8) }

    @Test func aDryRunWritesNothingAndListsWhatARealRunWrites() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let workspace = try workspace()
        let dry = try ExportRunner(dryRun: true).run(Planned(), on: workspace, into: root + "/out")
        #expect(!FileManager.default.fileExists(atPath: root + "/out"))
        #expect(contents("ws/state.txt") == nil)
        #expect(dry.notes == ["always", "only dry", "would record"])
        let real = try ExportRunner().run(Planned(), on: workspace, into: root + "/out")
        #expect(real.files == dry.files)
        #expect(real.files == ["a/data.txt", "a/b/stream.txt", "file.txt"])
        #expect(real.notes == ["always", "only written", "recorded"])
        #expect(contents("out/a/data.txt") == "data\n")
        #expect(contents("out/a/b/stream.txt") == "stream\n")
        #expect(contents("out/file.txt") == "file\n")
        #expect(contents("ws/state.txt") == "after\n")
    }

    @Test(arguments: [1, 2, 4])
    func anyNumberOfWritersWritesTheSameFiles(writers: Int) throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try ExportRunner(writers: writers).run(Planned(count: 40), on: try workspace(), into: root + "/o")
        #expect(result.files.count == 40)
        for index in 3..<40 { #expect(contents("o/many/\(index).txt") == "\(index)\n") }
    }

    @Test func aFileThatCannotBeWrittenIsNamedAndNothingIsRecorded() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let workspace = try workspace()
        try FileManager.default.createDirectory(atPath: root + "/out", withIntermediateDirectories: true)
        try Data("in the way\n".utf8).write(to: URL(fileURLWithPath: root + "/out/a"))
        #expect {
            try ExportRunner().run(Planned(), on: workspace, into: root + "/out")
        } throws: { error in
            let path = (error as NSError).userInfo[NSFilePathErrorKey] as? String ?? "\(error)"
            return path.hasPrefix(root + "/out/a") && !path.contains(".tmp-")
        }
        #expect(contents("ws/state.txt") == nil)
        #expect(contents("out/a") == "in the way\n")
    }
}
