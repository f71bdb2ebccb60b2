import BarazaTestSupport
import Foundation
import Testing

/// The check-in page in a real browser: `tools/checkin-check` drives headless Chromium (Debian's `chromium`) over
/// the DevTools protocol against a running `baraza serve`.
@Suite(
    .enabled(
        if: ["chromium", "python3"].allSatisfy { program in
            (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
                FileManager.default.isExecutableFile(atPath: "\($0)/\(program)")
            }
        }, "needs chromium and python3"), .serialized)
struct CheckInBrowserTests {
    @Test func staffCheckSomeoneInByNameSeeTheDuplicateAndThePackCountsIt() throws {
        let server = try ServeProcess()
        // No check-in file yet: the page creates it, with the device column.
        try FileManager.default.removeItem(atPath: server.workspace + "/attendance.csv")
        let add = Process()
        add.executableURL = barazaExecutable
        add.arguments = ["staff", "add", server.workspace, "--state", server.state, "--name", "amina"]
        let input = Pipe()
        add.standardInput = input
        add.standardOutput = FileHandle.nullDevice
        try add.run()
        input.fileHandleForWriting.write(Data("correct horse battery\n".utf8))
        try input.fileHandleForWriting.close()
        add.waitUntilExit()
        #expect(add.terminationStatus == 0)

        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = [
            "python3", packageRoot.appendingPathComponent("tools/checkin-check").path, "--base", server.baseURL,
            "--staff", "amina", "--password", "correct horse battery", "--device", "door-2",
            "--session", "ws-flood-mapping", "--name", "OUMAR", "--person", "oumar-keita",
        ]
        let out = Pipe()
        check.standardOutput = out
        check.standardError = out
        try check.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        check.waitUntilExit()
        #expect(check.terminationStatus == 0, "\(output)")
        #expect(output.contains("0 failed"), "\(output)")
        let duplicate = try #require(output.firstMatch(of: /already checked in at ([0-9]{2}:[0-9]{2})/), "\(output)")
        #expect(duplicate.1.count == 5)

        // The row, once, with the device named at login; the workspace still checks clean.
        let attendance = try String(contentsOfFile: server.workspace + "/attendance.csv", encoding: .utf8)
        let lines = attendance.split(separator: "\n")
        #expect(lines.first == "person,session,time,device")
        #expect(lines.dropFirst().count == 1)
        #expect(lines.last?.hasPrefix("oumar-keita,ws-flood-mapping,") == true)
        #expect(lines.last?.hasSuffix(",door-2") == true)
        #expect(lines.last?.contains("T\(duplicate.1)") == true)
        #expect(try runBaraza(["check", server.workspace]).exitCode == 0)
        #expect(server.stop() == 0)

        // The next pack takes the attendance from the check-in: a certificate for the one person checked in.
        let out2 = server.root.appendingPathComponent("out").path
        let pack = try runBaraza(["export", "pack", server.workspace, "--audience", "participants", "--out", out2])
        #expect(pack.exitCode == 0, "\(pack.stderr)")
        let packs = try FileManager.default.contentsOfDirectory(atPath: out2 + "/packs/participants")
        #expect(packs == ["oumar-keita.zip"], "\(pack.stdout)")
    }
}
