import BarazaBadges
import BarazaFolder
import BarazaModel
import BarazaTestSupport
import BarazaWorkspace
import Foundation
import Testing

/// Check-in at the door against a real `baraza serve`: staff login, CSRF, a badge scan, a duplicate, the search by
/// name, and `baraza checkins merge`.
@Suite(.serialized)
struct CheckInTests {
    /// Runs `baraza` with `input` on standard input.
    func baraza(_ arguments: [String], input: String) throws -> Int32 {
        let process = Process()
        process.executableURL = barazaExecutable
        process.arguments = arguments
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func doorStaffLogInAndRecordCheckInsOnceEach() throws {
        let server = try ServeProcess()
        let jar = server.root.appendingPathComponent("cookies").path
        #expect(
            try baraza(
                ["staff", "add", server.workspace, "--state", server.state, "--name", "door-1"], input: "short\n") != 0)
        #expect(
            try baraza(
                ["staff", "add", server.workspace, "--state", server.state, "--name", "door-1"],
                input: "correct horse battery\n") == 0)
        let accounts = try String(contentsOfFile: server.state + "/staff.json", encoding: .utf8)
        #expect(accounts.contains("$2b$") && !accounts.contains("correct horse"))

        // Not logged in: sent to the login page. Wrong password: refused.
        let anonymous = try curl(server.baseURL + "/staff/checkin")
        #expect(anonymous.status == 303)
        #expect(anonymous.headers["location"] == "/staff/login")
        let wrong = try curl(
            server.baseURL + "/staff/login", ["--data", "name=door-1&password=wrong+horse", "-c", jar])
        #expect(wrong.status == 401)
        #expect(try curl(server.baseURL + "/staff/login", ["--data", "name=nobody&password=x"]).status == 401)

        let login = try curl(
            server.baseURL + "/staff/login", ["--data", "name=door-1&password=correct+horse+battery", "-c", jar])
        #expect(login.status == 303)
        let cookie = try #require(login.headers["set-cookie"])
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/staff"))

        let page = try curl(server.baseURL + "/staff/checkin", ["-b", jar])
        #expect(page.status == 200)
        #expect(page.headers["content-security-policy"]?.contains("script-src 'self'") == true)
        #expect(page.headers["content-security-policy"]?.contains("unsafe-inline'; script") == false)
        #expect(page.headers["permissions-policy"]?.contains("camera=(self)") == true)
        #expect(page.text.contains("<script src=\"/staff/checkin.js\"></script>"))
        #expect(try curl(server.baseURL + "/staff/checkin.js").text.contains("BarcodeDetector"))
        let csrf = try #require(page.text.firstMatch(of: /name="csrf" value="([A-Za-z0-9_-]+)"/)?.1)

        // The badge of a speaker of the session, as its QR code reads.
        let record = try WorkspaceLoader(knownRuleIDs: []).state(directory: server.workspace).badgeKey()
        let key = try #require(record.flatMap(BadgeKey.init))
        let badge = key.badgeID(for: Person.ID("senan-hounkpatin")).qrPayload
        let form = "session=ws-flood-mapping&badge=\(badge)"
        #expect(try curl(server.baseURL + "/staff/checkin", ["-b", jar, "--data", form]).status == 403)
        #expect(
            try curl(
                server.baseURL + "/staff/checkin",
                ["-b", jar, "--data", form + "&csrf=\(csrf)", "-H", "Origin: http://evil.example"]
            ).status == 403)
        let first = try curl(server.baseURL + "/staff/checkin", ["-b", jar, "--data", form + "&csrf=\(csrf)"])
        #expect(first.status == 200)
        #expect(first.text.contains("checked in at"), "\(first.text)")
        let again = try curl(server.baseURL + "/staff/checkin", ["-b", jar, "--data", form + "&csrf=\(csrf)"])
        #expect(again.text.contains("already checked in at"), "\(again.text)")
        let unknown = try curl(
            server.baseURL + "/staff/checkin",
            ["-b", jar, "--data", "session=ws-flood-mapping&badge=baraza:badge:ZZZZZZZZZZZZZZZZ&csrf=\(csrf)"])
        #expect(unknown.text.contains("Unknown badge"))

        // The manual fallback: search by name (accents and case folded), then check in from the result.
        let search = try curl(server.baseURL + "/staff/checkin?session=ws-flood-mapping&q=OUMAR", ["-b", jar])
        #expect(search.text.contains("name=\"person\" value=\"oumar-keita\""))
        let manual = try curl(
            server.baseURL + "/staff/checkin",
            ["-b", jar, "--data", "session=ws-flood-mapping&person=oumar-keita&csrf=\(csrf)"])
        #expect(manual.text.contains("checked in at"))

        // Both rows are in the workspace's check-in file, once each, and the workspace still checks clean.
        let attendance = try String(contentsOfFile: server.workspace + "/attendance.csv", encoding: .utf8)
        #expect(attendance.components(separatedBy: "senan-hounkpatin,ws-flood-mapping,").count == 2)
        #expect(attendance.components(separatedBy: "oumar-keita,ws-flood-mapping,").count == 2)
        // The sample's file ends its lines with CRLF; appended rows do the same.
        #expect(attendance.utf8.last == UInt8(ascii: "\n"))
        #expect(attendance.components(separatedBy: "\r\n").count == attendance.utf8.filter { $0 == 10 }.count + 1)
        #expect(try runBaraza(["check", server.workspace]).exitCode == 0)

        // Oversized forms are refused before they are read; logging out ends the session.
        let big = "csrf=\(csrf)&q=" + String(repeating: "x", count: 5000)
        #expect(try curl(server.baseURL + "/staff/checkin", ["-b", jar, "--data", big]).status == 413)
        #expect(try curl(server.baseURL + "/staff/logout", ["-b", jar, "-X", "POST"]).status == 303)
        #expect(try curl(server.baseURL + "/staff/checkin", ["-b", jar]).status == 303)
        #expect(server.stop() == 0)
    }

    @Test func aBadgeKeyThatCannotBeUsedIsShownOnTheAdminPageAndLogged() throws {
        var original = ""
        let server = try ServeProcess { workspace in
            let path = workspace + "/badge-key.yaml"
            original = try String(contentsOfFile: path, encoding: .utf8)
            try original.replacing(/key: [0-9a-f]+/, with: "key: not-hex")
                .write(toFile: path, atomically: true, encoding: .utf8)
        }
        let path = server.workspace + "/badge-key.yaml"
        let secret = try #require(original.firstMatch(of: /key: ([0-9a-f]{64})/)?.1)
        func logged(_ text: String) -> Bool {
            let deadline = Date().addingTimeInterval(10)
            while !server.log.contains(text) && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            return server.log.contains(text)
        }

        // Served all the same (scans find no one), and the admin page and the log say why, naming file and field.
        let admin = try curl(server.baseURL + server.adminPath)
        #expect(admin.text.contains("Badge key refused"), "\(admin.text)")
        #expect(admin.text.contains("badge-key.yaml:"), "\(admin.text)")
        #expect(admin.text.contains("64 hexadecimal digits"), "\(admin.text)")
        #expect(try curl(server.baseURL + "/agenda/").status == 200)
        #expect(logged("badge key refused"), "\(server.log)")
        #expect(server.log.contains("badge-key.yaml"))

        // Fixed: read again on the next look, and the log says so.
        try original.write(toFile: path, atomically: true, encoding: .utf8)
        let fixed = try server.poll(server.adminPath) { $0.text.contains("badge key read") }
        #expect(fixed.text.contains("badge key read"), "\(fixed.text)")
        #expect(!fixed.text.contains("Badge key refused"))
        #expect(logged("badge key usable again"), "\(server.log)")

        // Another event's key is refused, as `export badges` refuses it.
        try original.replacingOccurrences(of: "[\"final-kigali-2027\"]", with: "[\"final-dakar-2026\"]")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let other = try server.poll(server.adminPath) { $0.text.contains("Badge key refused") }
        #expect(other.text.contains("belongs to final-dakar-2026"), "\(other.text)")
        #expect(server.stop() == 0)
        // The key itself is never written to the log.
        #expect(!server.log.contains(String(secret)))
    }

    @Test func mergingCheckInFilesKeepsEachPersonAndSessionOnceAtItsEarliestTime() throws {
        let root = ScratchFolders.url("merge")
        defer { try? FileManager.default.removeItem(at: root) }
        let workspace = root.appendingPathComponent("ws").path
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try ScratchFolders.copyWorkspace(
            at: packageRoot.appendingPathComponent("events/final-kigali-2027"), to: URL(fileURLWithPath: workspace))
        let a = root.appendingPathComponent("a.csv").path
        let b = root.appendingPathComponent("b.csv").path
        try
            ("person,session,time,device\noumar-keita,ws-flood-mapping,2027-03-23T14:05,door-1\n"
            + "aline-uwimana,opening-plenary,2027-03-23T08:50,door-1\n")
            .write(toFile: a, atomically: true, encoding: .utf8)
        try "device,person,session,time\ndoor-2,oumar-keita,ws-flood-mapping,2027-03-23T14:01\n"
            .write(toFile: b, atomically: true, encoding: .utf8)
        let original = try String(contentsOfFile: workspace + "/attendance.csv", encoding: .utf8)

        let run = try runBaraza(["checkins", "merge", workspace, a, b])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let merged = try String(contentsOfFile: workspace + "/attendance.csv", encoding: .utf8)
        let lines = merged.split(separator: "\n")
        #expect(lines.first == "person,session,time,device")
        // The earliest row wins, with the device that recorded it; rows of a file without devices have none.
        #expect(
            lines.filter { $0.hasPrefix("oumar-keita,ws-flood-mapping,") } == [
                "oumar-keita,ws-flood-mapping,2027-03-23T14:01,door-2"
            ])
        #expect(lines.contains("aline-uwimana,opening-plenary,2027-03-23T08:50,door-1"))
        #expect(lines.contains("fatimetou-mint-cheikh,opening-plenary,2027-03-23T08:56,"))
        let originalRows = Set(original.split(separator: "\n").dropFirst().map { $0.split(separator: ",").prefix(2) })
        #expect(Set(lines.dropFirst().map { $0.split(separator: ",").prefix(2) }).isSuperset(of: originalRows))
        let times = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[2] }
        #expect(times == times.sorted())
        #expect(try runBaraza(["check", workspace]).exitCode == 0)

        // Merging again, in the other order, changes nothing.
        #expect(try runBaraza(["checkins", "merge", workspace, b, a]).exitCode == 0)
        #expect(try String(contentsOfFile: workspace + "/attendance.csv", encoding: .utf8) == merged)

        // A malformed row is refused with its file and line, and the workspace is left as it was.
        try "person,session,time\noumar-keita\n".write(toFile: a, atomically: true, encoding: .utf8)
        let bad = try runBaraza(["checkins", "merge", workspace, a])
        #expect(bad.exitCode == 2)
        #expect(bad.stderr.contains("a.csv:2"))
        #expect(try String(contentsOfFile: workspace + "/attendance.csv", encoding: .utf8) == merged)
    }
}
