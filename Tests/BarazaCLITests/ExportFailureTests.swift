import BarazaTestSupport
import Foundation
import Testing

/// An export that cannot write says which file and why in one line, exits 2, and leaves what was there alone.
struct ExportFailureTests {
    /// A temporary folder holding a fresh `baraza init` workspace `ws`, removed afterwards by the caller.
    func scratch() throws -> URL {
        let url = ScratchFolders.url("baraza-export")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        #expect(try runBaraza(["init", "ws"], in: url).exitCode == 0)
        return url
    }

    @Test func anOutFolderThatIsAFileIsRefusedAndLeftAlone() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("notes.txt")
        try Data("keep me\n".utf8).write(to: file)
        for kind in ["badges", "logistics", "agenda", "schedule-xml", "pack"] {
            let run = try runBaraza(["export", kind, "ws", "--out", "notes.txt"], in: root)
            #expect(run.exitCode == 2)
            #expect(
                run.stderr
                    == "error: \(kind): cannot write into notes.txt: notes.txt is a file, not a folder; "
                    + "expected a folder for --out (it is created when missing)\n")
        }
        // An empty --out is a mistake on the command line: a usage error (64), before anything is read.
        for command in [["export", "schedule-xml", "ws"], ["export", "pack", "ws"], ["build", "ws"]] {
            let run = try runBaraza(command + ["--out", ""], in: root)
            #expect(run.exitCode == 64)
            #expect(
                run.stderr.hasPrefix(
                    "Error: --out is empty; expected a folder to write into (it is created when missing)\n"))
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("schedule.xml").path))
        let build = try runBaraza(["build", "ws", "--out", "notes.txt/sub"], in: root)
        #expect(build.exitCode == 2)
        #expect(build.stderr.contains("error: cannot write into notes.txt/sub: notes.txt is a file, not a folder"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "keep me\n")
    }

    /// One-character names (`--out o`, a workspace called `w`) are ordinary relative paths; Foundation's
    /// `deletingLastPathComponent` traps on them, so none may reach it.
    @Test func oneCharacterFolderNamesAreOrdinaryPaths() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.moveItem(at: root.appendingPathComponent("ws"), to: root.appendingPathComponent("w"))
        for kind in ["pack", "agenda", "schedule-xml"] {
            let run = try runBaraza(["export", kind, "w", "--out", "o"], in: root)
            #expect(run.exitCode == 0, "\(kind): \(run.stderr)")
            #expect(run.signal == nil)
        }
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("o/schedule.xml").path))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("o/agenda/index.html").path))
        let build = try runBaraza(["build", "w", "--out", "b"], in: root)
        #expect(build.exitCode == 0, "\(build.stderr)")
        let propose = try runBaraza(["propose", "w", "--time-limit", "2s"], in: root)
        #expect(propose.signal == nil, "\(propose.stderr)")
        #expect([0, 1].contains(propose.exitCode), "\(propose.stderr)")
    }

    @Test func aFileWhereAnExportFolderBelongsGivesTheSystemReasonNotAnErrorDump() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        for folder in ["badges", "logistics", "agenda", "packs"] {
            try Data("keep\n".utf8).write(to: out.appendingPathComponent(folder))
        }
        for kind in ["badges", "logistics", "agenda", "pack"] {
            let run = try runBaraza(["export", kind, "ws", "--out", "out"], in: root)
            #expect(run.exitCode == 2)
            let lines = run.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(run.stderr)")
            #expect(run.stderr.hasPrefix("error: \(kind): cannot write "), "\(run.stderr)")
            #expect(
                run.stderr.hasSuffix(": File exists\n") || run.stderr.hasSuffix(": Not a directory\n"), "\(run.stderr)")
            #expect(!run.stderr.contains("Domain"), "\(run.stderr)")
        }
        for folder in ["badges", "logistics", "agenda", "packs"] {
            #expect(try String(contentsOf: out.appendingPathComponent(folder), encoding: .utf8) == "keep\n")
        }
    }

    @Test func buildNamesEachExportOnceInItsNotes() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try runBaraza(["build", "ws", "--out", "out"], in: root)
        #expect(run.exitCode == 0, "\(run.stderr)")
        let notes = run.stdout.split(separator: "\n").filter { $0.hasPrefix("note: ") }
        #expect(notes.contains { $0.hasPrefix("note: invitations: ") }, "\(run.stdout)")
        for note in notes {
            let parts = note.split(separator: ":", maxSplits: 3).map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(parts.count < 3 || parts[1] != parts[2], "\(note)")
        }
    }

    @Test func anAgendaCalendarLinkMustBeAnICSFileInsideTheExportFolder() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        for bad in ["../../etc/passwd", "/etc/passwd", "calendars/../../x.ics", "javascript:alert(1)"] {
            let run = try runBaraza(["export", "agenda", "ws", "--out", "out", "--calendar", bad], in: root)
            #expect(run.exitCode == 64, "\(bad)")
            #expect(
                run.stderr.hasPrefix(
                    "Error: --calendar `\(bad)`: expected an .ics file relative to the export folder, "
                        + "e.g. calendars/event.ics"), "\(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("out").path))
        let good = try runBaraza(
            ["export", "agenda", "ws", "--out", "out", "--calendar", "calendars/event.ics"], in: root)
        #expect(good.exitCode == 0, "\(good.stderr)")
        let page = try String(contentsOf: root.appendingPathComponent("out/agenda/index.html"), encoding: .utf8)
        #expect(page.contains("href=\"../calendars/event.ics\""))
    }
}
