import BarazaTestSupport
import Foundation
import Testing

/// `baraza export pack` end to end: the real binary on the sample and on broken workspaces.
@Suite("baraza export pack")
struct PackCommandTests {
    @Test("Writes one person's pack from the sample event")
    func personPack() throws {
        let out = try Scratch()
        let run = try runBaraza([
            "export", "pack", "events/final-kigali-2027", "--out", out.path, "--audience", "person:grace-nakato",
        ])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.contains("wrote \(out.path)/packs/participants/grace-nakato.zip"))
        // The command line composes the pack with the agenda page and the whole-event calendar.
        #expect(!run.stdout.contains("absent from the packs"))
        #expect(FileManager.default.fileExists(atPath: out.path("packs/participants/grace-nakato.zip")))
    }

    @Test("A dry run lists the packs and writes nothing")
    func dryRun() throws {
        let out = try Scratch()
        let run = try runBaraza([
            "export", "pack", "events/final-kigali-2027", "--out", out.path, "--dry-run", "--audience", "city:kampala",
        ])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.contains("would write \(out.path)/packs/cities/kampala.zip"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }

    @Test("A missing material made an error exits 2 naming where the session is written, the session and the path")
    func missingMaterial() throws {
        let mini = try MiniWorkspace(
            materials: ["s2": ["materials/gone.pdf"]], extraEvent: "checks:\n  severity: { missing-material: error }")
        let run = try runBaraza(["export", "pack", mini.root, "--out", mini.scratch.path("out")])
        #expect(run.exitCode == 2)
        #expect(run.stderr.contains("mini/event.yaml:"))
        #expect(run.stderr.contains("session `s2`: material `materials/gone.pdf` does not exist in the workspace"))
        #expect(!FileManager.default.fileExists(atPath: mini.scratch.path("out")))
    }

    @Test("A missing material left as a warning: check warns, the pack is written and says what it left out")
    func missingMaterialWarning() throws {
        let mini = try MiniWorkspace(materials: ["s2": ["materials/gone.pdf"]])
        let check = try runBaraza(["check", mini.root])
        #expect(check.stdout.contains("missing-material"), "\(check.stdout)")
        #expect(check.stdout.contains("warning"), "\(check.stdout)")
        let run = try runBaraza(["export", "pack", mini.root, "--out", mini.scratch.path("out")])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(
            (run.stdout + run.stderr).contains("left out of the packs")
                && (run.stdout + run.stderr).contains("material `materials/gone.pdf` of session `s2`"),
            "\(run.stdout)\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: mini.scratch.path("out/packs/public.zip")))
    }

    @Test("A bad check-in file exits 2 with file:line:column")
    func badCheckIns() throws {
        let mini = try MiniWorkspace()
        try mini.scratch.write("person,session\nana,s1\nana,s7\n", to: "mini/attendance.csv")
        let run = try runBaraza(["export", "pack", mini.root, "--out", mini.scratch.path("out")])
        #expect(run.exitCode == 2)
        #expect(run.stderr.contains("attendance.csv:3:5: session: `s7` is not valid"), "\(run.stderr)")
    }

    @Test("An unknown audience is a usage error")
    func badAudience() throws {
        let run = try runBaraza(["export", "pack", "events/final-kigali-2027", "--audience", "everyone"])
        #expect(run.exitCode == 64)
        #expect(run.stderr.contains("expected public, participants, person:<id> or city:<name>"))
    }
}
