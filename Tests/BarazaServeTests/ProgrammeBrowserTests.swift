import BarazaTestSupport
import Foundation
import Testing

/// The public programme in a real browser: `tools/programme-check` drives headless Chromium (Debian's `chromium`)
/// over the DevTools protocol against a running `baraza serve`: a session's page, the search form sent under the
/// page's security policy, a result, a speaker's page, and a person's own agenda behind their token address.
@Suite(
    .enabled(
        if: ["chromium", "python3"].allSatisfy { program in
            (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
                FileManager.default.isExecutableFile(atPath: "\($0)/\(program)")
            }
        }, "needs chromium and python3"), .serialized)
struct ProgrammeBrowserTests {
    @Test func searchAResultASpeakerAndMyAgendaInABrowser() throws {
        let server = try ServeProcess()
        let links = try runBaraza([
            "feeds", "links", server.workspace, "--state", server.state, "--base-url", server.baseURL,
        ])
        #expect(links.exitCode == 0, "\(links.stderr)")
        let line = try #require(links.stdout.split(separator: "\n").first { $0.hasPrefix("senan-hounkpatin\t") })
        let mine = String(try #require(line.split(separator: "\t").last)).replacingOccurrences(
            of: "webcal://", with: "http://"
        ).dropLast(".ics".count)

        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = [
            "python3", packageRoot.appendingPathComponent("tools/programme-check").path, "--base", server.baseURL,
            "--session", "ws-flood-mapping", "--query", "Cartographie inondations", "--speaker", "senan-hounkpatin",
            "--my", String(mine),
        ]
        let out = Pipe()
        check.standardOutput = out
        check.standardError = out
        try check.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        check.waitUntilExit()
        #expect(check.terminationStatus == 0, "\(output)")
        #expect(output.contains("0 failed"), "\(output)")
        #expect(output.contains("search: 1 result"), "\(output)")
        #expect(output.contains("speaker: Sènan Hounkpatin"), "\(output)")
        #expect(output.contains("my agenda: Sènan Hounkpatin"), "\(output)")
        #expect(!output.contains("FAILED"), "\(output)")
        #expect(server.stop() == 0)
    }
}
