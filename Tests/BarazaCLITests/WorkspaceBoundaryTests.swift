import BarazaTestSupport
import Foundation
import Testing

/// A workspace is a boundary (issue 12, items 1 and 2): nothing outside it is read or written, decided on
/// canonical paths, with the workspace named relative to the current folder as the README does. Refusals exit 2,
/// name the path as written (with file:line where a file names it), and never print what they refused.
struct WorkspaceBoundaryTests {
    /// Nothing of the secret file may appear in any output.
    func expectNothingLeaked(_ run: BarazaRun, sourceLocation: SourceLocation = #_sourceLocation) {
        let output = run.stdout + run.stderr
        #expect(!output.contains("TOP-SECRET"), "leaked: \(output)", sourceLocation: sourceLocation)
        #expect(!output.contains("SECOND-SECRET"), "leaked: \(output)", sourceLocation: sourceLocation)
        #expect(!output.contains("root:x:0"), "leaked: \(output)", sourceLocation: sourceLocation)
    }

    @Test func anIncludeThatClimbsOutIsRefusedUnread() throws {
        let scratch = try ScratchWorkspace()
        try scratch.write("people:\n  - { id: intruder, name: Intruder }\n", to: scratch.outside + "/p.yaml")
        try scratch.write(
            ScratchWorkspace.eventYAML + "  - ../../outside/p.yaml\n  - ../../../../../../../../etc/passwd\n"
                + "  - ../../outside/secret.txt\n",
            at: "event.yaml")
        let run = try scratch.run(["check", "events/ws"])
        #expect(run.exitCode == 2)
        #expect(run.stderr.contains("events/ws/event.yaml:12:5: error: include `../../outside/p.yaml`: leads outside"))
        #expect(run.stderr.contains("include `../../../../../../../../etc/passwd`: leads outside the workspace"))
        #expect(!run.stderr.contains("intruder"))
        expectNothingLeaked(run)
        // Absolute and relative forms of the workspace path give the same answer.
        let absolute = try scratch.run(["check", scratch.workspace])
        #expect(absolute.exitCode == 2)
        #expect(absolute.stderr.contains("include `../../outside/p.yaml`: leads outside the workspace folder"))
    }

    @Test func anIncludeThroughASymbolicLinkIsRefused() throws {
        let scratch = try ScratchWorkspace()
        try scratch.link("people.yaml", to: "../../outside/secret.txt")
        try scratch.link("passwd.yaml", to: "/etc/passwd")
        try scratch.write(ScratchWorkspace.eventYAML + "  - people.yaml\n  - passwd.yaml\n", at: "event.yaml")
        let run = try scratch.run(["check", "events/ws"])
        #expect(run.exitCode == 2)
        #expect(run.stderr.contains("include `people.yaml`: leads outside the workspace folder"))
        #expect(run.stderr.contains("include `passwd.yaml`: leads outside the workspace folder"))
        expectNothingLeaked(run)
    }

    @Test func anEventFileLinkedOutsideIsRefused() throws {
        let scratch = try ScratchWorkspace()
        try FileManager.default.removeItem(atPath: scratch.workspace + "/event.yaml")
        try scratch.link("event.yaml", to: scratch.secret)
        let run = try scratch.run(["check", "events/ws"])
        #expect(run.exitCode == 2)
        #expect(run.stderr.contains("events/ws/event.yaml: cannot read: leads outside the workspace folder"))
        expectNothingLeaked(run)
    }

    /// The default check-in file, a link to the system's password file, was followed and parsed.
    @Test(arguments: ["attendance.csv", "attendance.yaml"])
    func aCheckInFileLinkedOutsideIsRefusedUnread(_ name: String) throws {
        let scratch = try ScratchWorkspace()
        try scratch.link(name, to: "/etc/passwd")
        let run = try scratch.run(["export", "pack", "events/ws", "--out", scratch.root.path + "/out"])
        #expect(run.exitCode == 2, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("events/ws/\(name): cannot read: leads outside the workspace folder"))
        expectNothingLeaked(run)
    }

    @Test func aNamedCheckInFileOutsideIsRefused() throws {
        let scratch = try ScratchWorkspace()
        try scratch.link("scans", to: scratch.outside)
        try scratch.write(
            ScratchWorkspace.eventYAML.replacingOccurrences(
                of: "  organizer:", with: "  attendance: scans/secret.txt\n  organizer:"),
            at: "event.yaml")
        let run = try scratch.run(["export", "pack", "events/ws", "--out", scratch.root.path + "/out"])
        #expect(run.exitCode == 2)
        #expect(run.stderr.contains("event.attendance: `scans/secret.txt` is not valid; expected a path inside"))
        expectNothingLeaked(run)
    }

    @Test func aMaterialLinkedOutsideIsAFindingAndLeftOutOfThePackOrStopsIt() throws {
        let scratch = try ScratchWorkspace()
        try scratch.link("materials", to: scratch.outside)
        try scratch.write(
            ScratchWorkspace.sessionsYAML + "    materials: [materials/secret.txt]\n", at: "sessions.yaml")
        let check = try scratch.run(["check", "events/ws"])
        #expect(check.stdout.contains("missing-material"), "\(check.stdout)")
        #expect(check.stdout.contains("leads outside the workspace folder"), "\(check.stdout)")
        // A warning, as in `check`: the pack is built without it (never reading it) and names it.
        let lenient = try scratch.run(["export", "pack", "events/ws", "--out", scratch.root.path + "/out"])
        #expect(lenient.exitCode == 0, "\(lenient.stderr)")
        #expect((lenient.stdout + lenient.stderr).contains("materials/secret.txt"))
        expectNothingLeaked(lenient)
        // Made an error, it stops the pack as it fails `check`.
        try scratch.write(
            ScratchWorkspace.eventYAML + "checks:\n  severity: { missing-material: error }\n", at: "event.yaml")
        let pack = try scratch.run(["export", "pack", "events/ws", "--out", scratch.root.path + "/strict"])
        #expect(pack.exitCode == 2)
        #expect(pack.stderr.contains("materials/secret.txt"))
        expectNothingLeaked(pack)
        #expect(!FileManager.default.fileExists(atPath: scratch.root.path + "/strict/packs/public.zip"))
    }

    /// Badge key, printed record and published state: linked outside, refused both ways; the outside file is
    /// neither printed nor replaced.
    @Test(arguments: [
        ("badge-key.yaml", ["export", "badges"]), ("badges-printed.yaml", ["export", "badges"]),
        ("published-invitations.json", ["export", "invitations"]),
    ])
    func aStateFileLinkedOutsideIsRefused(_ name: String, _ command: [String]) throws {
        let scratch = try ScratchWorkspace()
        try scratch.write(
            ScratchWorkspace.eventYAML + "  - people.yaml\n", at: "event.yaml")
        try scratch.write(
            "people:\n  - { id: amina, name: Amina Uwase, email: amina@example.org }\n", at: "people.yaml")
        try scratch.link(name, to: scratch.secret)
        let before = scratch.workspaceSnapshot
        let run = try scratch.run(command + ["events/ws", "--out", scratch.root.path + "/out"])
        #expect(run.exitCode == 2, "\(run.stdout)\(run.stderr)")
        #expect(
            run.stderr.contains("events/ws/\(name): cannot read: leads outside the workspace folder"), "\(run.stderr)")
        expectNothingLeaked(run)
        #expect(scratch.workspaceSnapshot == before)
        #expect(FileManager.default.contents(atPath: scratch.secret) == Data(ScratchWorkspace.secretText.utf8))
    }

    /// `registrations/` linked to a folder outside: the import wrote through it.
    @Test func anImportThroughALinkedFolderIsRefusedAndChangesNothing() throws {
        let scratch = try ScratchWorkspace()
        let export = try scratch.export("export.xml", count: 3)
        try scratch.link("registrations", to: scratch.outside)
        let before = scratch.workspaceSnapshot
        let outside = scratch.outsideSnapshot
        let run = try scratch.run(["import", "registrations", export, "--into", "events/ws"])
        #expect(run.exitCode == 2)
        #expect(run.stderr.contains("registrations/export.xml: leads outside the workspace folder"), "\(run.stderr)")
        #expect(run.stderr.contains("the workspace is unchanged"))
        #expect(scratch.workspaceSnapshot == before)
        #expect(scratch.outsideSnapshot == outside)
    }

    @Test func aRegistrationsIndexLinkedOutsideIsRefused() throws {
        let scratch = try ScratchWorkspace()
        let export = try scratch.export("export.xml", count: 3)
        try scratch.link("registrations.yaml", to: scratch.secret)
        let before = scratch.workspaceSnapshot
        let run = try scratch.run(["import", "registrations", export, "--into", "events/ws"])
        #expect(run.exitCode == 2)
        #expect(run.stderr.contains("registrations.yaml: leads outside the workspace folder"), "\(run.stderr)")
        expectNothingLeaked(run)
        #expect(scratch.workspaceSnapshot == before)
        #expect(FileManager.default.contents(atPath: scratch.secret) == Data(ScratchWorkspace.secretText.utf8))
    }

    @Test func aScheduleImportOrInitThroughALinkedFolderIsRefused() throws {
        let scratch = try ScratchWorkspace()
        let schedule = packageRoot.appendingPathComponent(
            "Tests/BarazaImportTests/Fixtures/schedules/mini.schedule.xml")
        try scratch.link("schedule", to: scratch.outside)
        let before = scratch.workspaceSnapshot
        let outside = scratch.outsideSnapshot
        let imported = try scratch.run(["import", "schedule", schedule.path, "--into", "events/ws"])
        #expect(imported.exitCode == 2)
        #expect(imported.stderr.contains("leads outside the workspace folder"), "\(imported.stderr)")
        #expect(scratch.workspaceSnapshot == before)
        // `init --from-schedule` into an existing folder that is not a workspace yet.
        let fresh = scratch.root.appendingPathComponent("events/fresh").path
        try FileManager.default.createDirectory(atPath: fresh, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: fresh + "/schedule", withDestinationPath: scratch.outside)
        let initialised = try scratch.run(["init", "events/fresh", "--from-schedule", schedule.path])
        #expect(initialised.exitCode == 2)
        #expect(initialised.stderr.contains("leads outside the workspace folder"), "\(initialised.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: fresh) == ["schedule"])
        #expect(scratch.outsideSnapshot == outside)
    }

    @Test func initIntoAFolderWithAFileLinkedOutsideIsRefused() throws {
        let scratch = try ScratchWorkspace()
        let fresh = scratch.root.appendingPathComponent("events/fresh").path
        try FileManager.default.createDirectory(atPath: fresh, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: fresh + "/people.yaml", withDestinationPath: scratch.secret)
        let run = try scratch.run(["init", "events/fresh"])
        #expect(run.exitCode == 2)
        #expect(run.stderr.contains("people.yaml: leads outside the workspace folder"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: fresh) == ["people.yaml"])
        #expect(FileManager.default.contents(atPath: scratch.secret) == Data(ScratchWorkspace.secretText.utf8))
    }

    /// An error quotes at most a short excerpt of one line, whatever the file holds: a whole password file pasted
    /// into the workspace, or a 2,000-character value.
    @Test func errorsQuoteAShortExcerptOnly() throws {
        let scratch = try ScratchWorkspace()
        try scratch.write(ScratchWorkspace.secretText + String(repeating: "x", count: 20_000) + "\n", at: "notes.yaml")
        try scratch.write(
            ScratchWorkspace.eventYAML.replacingOccurrences(
                of: "timezone: Africa/Kigali", with: "timezone: \(String(repeating: "Z", count: 2_000))")
                + "  - notes.yaml\n",
            at: "event.yaml")
        let run = try scratch.run(["check", "events/ws"])
        #expect(run.exitCode == 2)
        #expect(!run.stderr.contains("SECOND-SECRET"), "\(run.stderr)")
        #expect(run.stderr.contains("2000 characters (`ZZZ"), "\(run.stderr)")
        for line in run.stderr.split(separator: "\n") { #expect(line.count < 400, "\(line.prefix(500))") }
    }
}
