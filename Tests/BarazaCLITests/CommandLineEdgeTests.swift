import BarazaTestSupport
import Foundation
import Testing

/// The edges of the command line: a bad argument is a usage error (64) with what was expected and the nearest
/// valid value, input that cannot be read exits 2, and bare `baraza` prints its help and exits as the README says.
struct CommandLineEdgeTests {
    static let sample = "events/final-kigali-2027"

    /// A scratch folder, removed by the caller.
    static func scratch() throws -> URL {
        let url = ScratchFolders.url("baraza-edges")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `baraza export --list` reads the registry `build` runs: every export once, in build order, each with its
    /// subcommand.
    @Test func exportListNamesEveryExportInTheOrderBuildRunsThem() throws {
        let run = try runBaraza(["export", "--list"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let ids = run.stdout.split(separator: "\n").map { String($0.prefix { $0 != " " }) }
        #expect(ids == ["ics", "invitations", "badges", "logistics", "agenda", "schedule-xml", "pack"])
        let help = try runBaraza(["build", "--help"])
        #expect(
            help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains(
                ids.joined(separator: ", ")))
        for id in ids { #expect(try runBaraza(["export", id, "--help"]).exitCode == 0, "\(id)") }
    }

    @Test func bareBarazaPrintsItsHelpToStandardErrorAndExits64AsTheReadmeSays() throws {
        let bare = try runBaraza([])
        #expect(bare.exitCode == 64)
        #expect(bare.stdout.isEmpty)
        #expect(bare.stderr.contains("USAGE: baraza <subcommand>"))
        #expect(bare.stderr.contains("Examples:"))
        for (group, usage) in [("export", "export [--list]"), ("import", "import")] {
            let run = try runBaraza([group])
            #expect(run.exitCode == 64, "baraza \(group)")
            #expect(run.stderr.contains("USAGE: baraza \(usage) <subcommand>"), "\(run.stderr)")
        }
        let help = try runBaraza(["--help"])
        #expect(help.exitCode == 0)
        #expect(help.stdout.contains("USAGE: baraza <subcommand>"))
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let row = try #require(readme.split(separator: "\n").first { $0.hasPrefix("| 64 ") })
        #expect(row.contains("bare `baraza`"), "\(row)")
    }

    @Test func aPackAudienceNamingNobodyIsAUsageErrorWithTheNearestName() throws {
        let out = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: out) }
        for (audience, expected) in [
            (
                "person:claire-duboi",
                "no person has the id `claire-duboi` in \(Self.sample); did you mean `person:claire-dubois`?"
            ),
            (
                "person:nobody",
                "no person has the id `nobody` in \(Self.sample); expected the id of a person of the workspace"
            ),
            ("city:Kampla", "no person of \(Self.sample) comes from `Kampla`; did you mean `city:Kampala`?"),
        ] {
            let run = try runBaraza(
                ["export", "pack", Self.sample, "--audience", audience, "--dry-run", "--out", out.path])
            #expect(run.exitCode == 64, "\(audience): \(run.stderr)")
            #expect(run.stderr.hasPrefix("Error: --audience \(audience): \(expected)\n"), "\(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
        // Someone who is there is no usage error, whatever the spelling of the city.
        let city = try runBaraza([
            "export", "pack", Self.sample, "--audience", "city:kampala", "--dry-run", "--out", out.path,
        ])
        #expect(city.exitCode == 0, "\(city.stderr)")
        #expect((try FileManager.default.contentsOfDirectory(atPath: out.path)).isEmpty)
    }

    /// Every bad argument is a usage error (64) naming the option and what it expects.
    @Test(arguments: [
        (["check", "events", "--format", "xml"], "--format"),
        (
            ["export", "badges", sample, "--layout", "a5", "--dry-run"],
            "invalid for '--layout <layout>'. Please provide one of 'a4-8' and 'a6'"
        ),
        (["export", "badges", sample, "--role", "wizard", "--dry-run"], "--role must be one of"),
        (
            ["export", "badges", sample, "--encoding", "latin1", "--dry-run"],
            "invalid for '--encoding <encoding>'. Please provide one of 'utf8' and 'utf16'"
        ),
        (["export", "ics", sample, "--out", ""], "--out is empty"),
        (["build", sample, "--out", " "], "--out is empty"),
        (
            ["import", "schedule", "schedule.xml", "--into", sample, "--timezone", "Africa/Kigal"],
            "did you mean `Africa/Kigali`?"
        ),
        (["init", "/tmp/never-made", "--timezone", "Europe/Pari"], "did you mean `Europe/Paris`?"),
        (["init", "/tmp/never-made", "--id", "bad id"], "`bad id` is not a valid event id"),
        (["export", "pack", sample, "--audience", "everyone"], "expected public, participants, person:<id>"),
        (["frobnicate"], "unknown command `frobnicate` for `baraza`"),
        (["export", "agnda", sample], "did you mean `agenda`?"),
        (["badges", sample], "unknown command `badges` for `baraza`; did you mean `baraza export badges`?"),
        (["invitations", sample], "did you mean `baraza export invitations` or `baraza send invitations`?"),
    ])
    func aBadArgumentIsAUsageError(_ arguments: [String], _ expected: String) throws {
        let run = try runBaraza(arguments)
        #expect(run.exitCode == 64, "\(arguments): \(run.stderr)")
        #expect(run.stderr.contains(expected), "\(arguments): \(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never-made"))
    }

    /// A path that is no workspace says which of the three it is: missing, a file (event.yaml itself), or a
    /// folder without event.yaml.
    @Test func aPathThatIsNoWorkspaceSaysWhy() throws {
        let missing = try runBaraza(["check", "events/no-such-event"])
        #expect(
            missing.stderr
                == "error: events/no-such-event: cannot read: no such folder; expected a workspace folder "
                + "(holding event.yaml)\n")
        let sample = Self.sample
        let file = try runBaraza(["check", "\(sample)/event.yaml"])
        #expect(file.exitCode == 2)
        #expect(
            file.stderr
                == "error: \(sample)/event.yaml: cannot read: a file, not a folder; expected the workspace folder "
                + "holding event.yaml (\(sample))\n")
        let folder = try runBaraza(["export", "ics", "Sources"])
        #expect(folder.exitCode == 2)
        #expect(folder.stderr.contains("Sources: not a workspace: expected an event.yaml in it"))
    }

    /// Input that cannot be read exits 2, whatever the command.
    @Test(arguments: [
        ["check", "events/no-such-event"],
        ["build", "events/no-such-event"],
        ["export", "ics", "events/no-such-event"],
        ["import", "registrations", "no-such-export.xml", "--into", sample, "--dry-run"],
        [
            "import", "registrations", "Tests/BarazaImportTests/Fixtures/odk-inscriptions.xml", "--into", sample,
            "--mapping", "no-such-mapping.yaml", "--dry-run",
        ],
        ["import", "schedule", "no-such-schedule.xml", "--into", sample],
    ])
    func unreadableInputExitsTwo(_ arguments: [String]) throws {
        let run = try runBaraza(arguments)
        #expect(run.exitCode == 2, "\(arguments): \(run.stderr)")
        #expect(run.stderr.hasPrefix("error: "), "\(arguments): \(run.stderr)")
    }

    /// `checks.severity` may name a logistics rule: every command that reads the workspace knows it.
    @Test func aLogisticsRuleSeverityIsKnownToEveryCommandTheImportIncluded() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let ws = root.appendingPathComponent("ws")
        #expect(try runBaraza(["init", ws.path]).exitCode == 0)
        let entry = ws.appendingPathComponent("event.yaml")
        let event = try String(contentsOf: entry, encoding: .utf8)
        let severity = "    language-not-covered: warning\n"
        #expect(event.contains(severity))
        try event.replacingOccurrences(of: severity, with: severity + "    stay-gap: off\n").write(
            to: entry, atomically: true, encoding: .utf8)
        let check = try runBaraza(["check", ws.path])
        #expect(check.exitCode == 0, "\(check.stdout)\(check.stderr)")
        let export = packageRoot.appendingPathComponent("Tests/BarazaImportTests/Fixtures/odk-inscriptions.xml")
        let importRun = try runBaraza(["import", "registrations", export.path, "--into", ws.path])
        #expect(importRun.exitCode == 0, "\(importRun.stderr)")
        #expect(importRun.stdout.contains("imported into \(ws.path)"), "\(importRun.stdout)")
        let schedule = try runBaraza([
            "import", "schedule", "/work/shared/data/schedules/pretalx-democon.schedule.json", "--into", ws.path,
        ])
        #expect(!schedule.stderr.contains("checks.severity"), "\(schedule.stderr)")
        for command in [["check", ws.path], ["export", "agenda", ws.path, "--dry-run"]] {
            let run = try runBaraza(command)
            #expect(!run.stderr.contains("checks.severity"), "\(command): \(run.stderr)")
            #expect(run.exitCode != 2, "\(command): \(run.stderr)")
        }
    }
}
