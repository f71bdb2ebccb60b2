import BarazaTestSupport
import Foundation
import Testing

/// `baraza check` end to end, with the built executable: exit codes, what goes to stdout and stderr, and the
/// JSON and text reports byte for byte.
struct CheckCommandTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    /// Fixture workspaces of the other suites, named relative to the package root (the directory runs start in).
    static let checksFixtures = "Tests/BarazaChecksTests/Fixtures"
    static let workspaceFixtures = "Tests/BarazaWorkspaceTests/Fixtures"

    @Test(arguments: ["events/final-kigali-2027", "events/reflection-2027-02", "events"])
    func theCleanSamplesExitZero(_ path: String) throws {
        let run = try runBaraza(["check", path])
        #expect(run.exitCode == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.hasPrefix("No findings: 0 errors, 0 warnings in "))
        #expect(run.stderr.isEmpty)
    }

    @Test func aBrokenWorkspaceExitsOneWithTheFinding() throws {
        let run = try runBaraza(["check", "\(Self.checksFixtures)/person-double-booked"])
        #expect(run.exitCode == 1)
        #expect(
            run.stdout.contains(
                "error: Amina Uwase (amina-uwase) is booked in two sessions at once, overlapping 30 min"))
        #expect(run.stdout.hasSuffix("1 error, 0 warnings in 1 workspace (fixture-double)\n"))
        assertGolden(run.stdout, file: Self.golden.appendingPathComponent("check-person-double-booked.txt"))
    }

    /// `check` ends the process without freeing the workspace: a report far larger than a pipe's buffer must
    /// still reach the reader whole, in both formats.
    @Test func aLargeReportReachesAPipeWhole() throws {
        let folder = ScratchFolders.url("large-report")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let fixture = try String(
            contentsOf: packageRoot.appendingPathComponent("\(Self.checksFixtures)/participant-overlap/event.yaml"),
            encoding: .utf8)
        // Everyone signs up for the two overlapping workshops: one warning each.
        let count = 3000
        let people = (0..<count).map { n in
            "  - { id: person-\(n), name: Person \(n), sessions: [waste-workshop, transport-workshop] }\n"
        }.joined()
        let text = fixture.replacingOccurrences(of: "people:\n", with: "people:\n" + people)
        try Data(text.utf8).write(to: folder.appendingPathComponent("event.yaml"))
        let json = try runBaraza(["check", folder.path, "--format", "json"])
        #expect(json.exitCode == 0, "\(json.stderr)")
        #expect(json.stdout.utf8.count > 1 << 20)
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((document["findings"] as? [Any])?.count == count + 1)
        let plain = try runBaraza(["check", folder.path])
        #expect(plain.stdout.hasSuffix("0 errors, \(count + 1) warnings in 1 workspace (fixture-participant)\n"))
    }

    @Test func onlyWarningsExitZero() throws {
        let run = try runBaraza(["check", "\(Self.checksFixtures)/online-four-zones"])
        #expect(run.exitCode == 0)
        #expect(run.stdout.contains("outside-waking-hours (4 warnings)"))
    }

    @Test func anUnreadableWorkspaceExitsTwoWithFileLineColumnOnStandardError() throws {
        let run = try runBaraza(["check", "\(Self.workspaceFixtures)/syntax-error"])
        #expect(run.exitCode == 2)
        #expect(run.stdout.isEmpty)
        #expect(
            run.stderr == """
                \(Self.workspaceFixtures)/syntax-error/event.yaml:11:10: error: YAML syntax: while parsing a flow sequence \
                started at line 10, column 12: did not find expected ',' or ']'

                """)
    }

    @Test func everyLoadErrorIsReportedNotJustTheFirst() throws {
        let run = try runBaraza(["check", "\(Self.workspaceFixtures)/unknown-key"])
        #expect(run.exitCode == 2)
        #expect(
            run.stderr.split(separator: "\n") == [
                "\(Self.workspaceFixtures)/unknown-key/event.yaml:12:5: error: venues[0]: unknown key `timezon`; did you mean `timezone`?",
                "\(Self.workspaceFixtures)/unknown-key/event.yaml:9:5: error: venues[0].timezone: required, but missing; expected an IANA time zone such as `Africa/Kigali`",
            ])
    }

    @Test func aFolderWithoutAWorkspaceExitsTwo() throws {
        let run = try runBaraza(["check", "Sources"])
        #expect(run.exitCode == 2)
        #expect(
            run.stderr
                == "error: Sources: not a workspace: expected an event.yaml in it, or folders that each hold one\n")
    }

    @Test func theJSONReportIsStableAndHasTheDocumentedShape() throws {
        let args = ["check", "\(Self.checksFixtures)/online-four-zones", "--format", "json"]
        let first = try runBaraza(args)
        let second = try runBaraza(args)
        #expect(first.exitCode == 0)
        #expect(first.stdout == second.stdout, "two runs differ")
        assertGolden(first.stdout, file: Self.golden.appendingPathComponent("check-online-four-zones.json"))

        let root = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        #expect(Set(root.keys) == ["version", "events", "findings", "summary"])
        #expect(root["version"] as? Int == 1)
        #expect(root["events"] as? [String] == ["online-four-zones"])
        let summary = try #require(root["summary"] as? [String: Int])
        #expect(summary == ["errors": 0, "warnings": 4])
        let findings = try #require(root["findings"] as? [[String: Any]])
        #expect(findings.count == 4)
        for finding in findings {
            #expect(
                Set(finding.keys).isSuperset(of: [
                    "rule", "severity", "event", "message", "subjects", "occurrences", "minutes", "facts", "locations",
                ]))
            #expect(finding["rule"] as? String == "outside-waking-hours")
            #expect(finding["severity"] as? String == "warning")
            #expect(finding["minutes"] as? Int == 90)
            let subjects = try #require(finding["subjects"] as? [[String: String]])
            #expect(subjects.map { $0["kind"] } == ["person", "session"])
            let locations = try #require(finding["locations"] as? [[String: Any]])
            #expect(locations.first?["file"] as? String == "\(Self.checksFixtures)/online-four-zones/event.yaml")
            #expect(locations.first?["line"] as? Int == 20)
            #expect(locations.first?["column"] as? Int == 5)
            let occurrence = try #require((finding["occurrences"] as? [[String: Any]])?.first)
            #expect(occurrence["start_utc"] as? String == "2026-10-24T23:30:00Z")
            #expect(occurrence["end_utc"] as? String == "2026-10-25T01:00:00Z")
            #expect(occurrence["zone"] as? String == "Africa/Nouakchott")
        }
        let homes = findings.compactMap { ($0["occurrences"] as? [[String: Any]])?.first?["home_time"] as? String }
        #expect(homes.contains("2026-10-25 01:30–02:00 Europe/Paris (+02:00 → +01:00)"))
    }

    @Test func theJSONReportOfTheCleanSamplesHasNoFindings() throws {
        let run = try runBaraza(["check", "events", "--format", "json"])
        #expect(run.exitCode == 0)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(root["events"] as? [String] == ["final-kigali-2027", "reflection-2027-02"])
        #expect((root["findings"] as? [Any])?.isEmpty == true)
    }

    @Test func noColourWhenPiped() throws {
        // Without NO_COLOR the command decides by itself; standard output and error are pipes here.
        let findings = try runBaraza(
            ["check", "\(Self.checksFixtures)/person-double-booked"], environment: ["NO_COLOR": nil])
        let failure = try runBaraza(
            ["check", "\(Self.workspaceFixtures)/syntax-error"], environment: ["NO_COLOR": nil])
        for text in [findings.stdout, findings.stderr, failure.stdout, failure.stderr] {
            #expect(!text.contains("\u{1B}["), "\(text)")
        }
        #expect(findings.exitCode == 1 && failure.exitCode == 2)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func colourOnATerminalUnlessNoColorIsSet() throws {
        // `script` gives the command a pseudo-terminal, as an interactive shell would.
        let command = "\(barazaExecutable.path) check \(Self.checksFixtures)/person-double-booked"
        let coloured = try run("/usr/bin/script", ["-qec", command, "/dev/null"], environment: ["NO_COLOR": nil])
        #expect(coloured.contains("\u{1B}[31;1merror\u{1B}[0m"))
        let plain = try run("/usr/bin/script", ["-qec", command, "/dev/null"], environment: ["NO_COLOR": "1"])
        #expect(!plain.contains("\u{1B}["))
        #expect(plain.contains("error: Amina Uwase"))
    }

    @Test func listRulesNamesEveryRule() throws {
        let run = try runBaraza(["check", "--list-rules"])
        #expect(run.exitCode == 0)
        let ids = run.stdout.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" }
        // 24 core rules (7 of them about placing sessions) and 8 host-city logistics rules.
        #expect(ids.count == 32)
        #expect(Set(ids).count == 32)
        #expect(ids.contains("person-double-booked") && ids.contains("language-not-covered"))
        #expect(ids.contains("session-order") && ids.contains("placement-ignored"))
    }

    /// Runs any program with the package root as working directory; returns its standard output.
    private func run(_ path: String, _ args: [String], environment overrides: [String: String?]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = args
        process.currentDirectoryURL = packageRoot
        var environment = ProcessInfo.processInfo.environment
        // The fixtures are in the source tree: no result cache may be written beside them.
        environment["BARAZA_CACHE"] = "off"
        for (name, value) in overrides { environment[name] = value }
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
