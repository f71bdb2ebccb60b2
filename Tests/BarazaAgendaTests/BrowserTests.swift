import BarazaTestSupport
import Foundation
import Testing

@testable import BarazaAgenda

/// The page in a real browser: `tools/agenda-check` drives headless Chromium (Debian's `chromium`), when installed.
@Suite(.enabled(if: installed("chromium") && installed("python3"), "needs chromium and python3"), .serialized)
struct BrowserTests {
    static let script = packageRoot.appendingPathComponent("tools/agenda-check").path

    @Test func sampleAgendaBehavesInChromium() throws {
        let shots = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: shots) }
        let result = try run(["python3", Self.script, "--baraza", barazaExecutable.path, "--screenshots", shots.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("0 failed"))
        for name in ["agenda-desktop.png", "agenda-phone.png", "agenda-lagos-fr.png"] {
            #expect(FileManager.default.fileExists(atPath: shots.appendingPathComponent(name).path))
        }
    }

    @Test func scriptInASessionTitleStaysText() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("index.html")
        try AgendaPage.render(Hostile.workspace()).write(to: page, atomically: true, encoding: .utf8)
        let result = try run(["python3", Self.script, "--page", page.path, "--hostile"])
        #expect(result.status == 0, "\(result.output)")
    }
}
