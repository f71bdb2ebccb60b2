import BarazaModel
import BarazaTestSupport
import BarazaWorkspace
import Foundation

/// The sample workspaces, loaded once.
enum Samples {
    static let kigali = load("events/final-kigali-2027")
    static let reflection = load("events/reflection-2027-02")

    static func load(_ path: String) -> Workspace {
        try! WorkspaceLoader(knownRuleIDs: []).load(directory: packageRoot.appendingPathComponent(path).path)
    }
}

/// This target's fixture folder.
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

/// A session title, names and abstract written to break out of HTML and XML.
enum Hostile {
    static let title = "<script>document.documentElement.setAttribute('data-pwned','1')</script> & \"quotes\" ]]>"
    static let name = "Zoë \"<b>bold</b>\" O'Brien & Co"
    static let abstract = "Line one\r\nline two </p><img src=x onerror=alert(1)> \u{1}\u{FFFE} نص عربي 🌍"

    /// A small workspace whose first session carries the hostile text, with an organisation shared by consent.
    static func workspace() -> Workspace {
        var b = WorkspaceBuilder(eventID: "hostile-event")
        b.venue("hall", rooms: ["room-a"])
        b.person("speaker", name: name)
        b.session(
            "s1", interval: Interval(start: Instant(utc: "2026-11-17T07:00"), end: Instant(utc: "2026-11-17T08:30")),
            venue: "hall", room: "room-a", speakers: ["speaker"])
        let built = b.build()
        var sessions = built.sessions
        sessions[0].title = LocalizedText(english: title, french: title + " (fr)")
        sessions[0].abstract = LocalizedText(english: abstract, french: nil)
        sessions[0].tags = ["a \"tag\" <x>"]
        sessions[0].url = "https://example.org/?a=1&b=<2>"
        var people = built.people
        people[0].organisation = "<i>Org</i>"
        people[0].consent.shareContact = true
        return Workspace(
            path: built.path, event: built.event, venues: built.venues, travelTimes: [], hotels: [], people: people,
            sessions: sessions, settings: built.settings)
    }
}

/// Whether a program is on the PATH.
func installed(_ program: String) -> Bool {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(program)") }
}

/// Runs a program, returning its exit status and combined output.
func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// A fresh temporary folder.
func temporaryFolder() throws -> URL {
    let url = ScratchFolders.url("agenda-tests")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
