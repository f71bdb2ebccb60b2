import BarazaTestSupport
import Foundation

/// A scratch tree for end-to-end tests of the workspace boundary: `<root>/events/ws` (a small valid workspace:
/// one venue, two sessions, Africa/Kigali) beside `<root>/outside/`, which holds a secret file no command may
/// read, print or change.
struct ScratchWorkspace {
    let root: URL
    /// The workspace as the README names one: relative to `root`, where commands run.
    let relative = "events/ws"
    var workspace: String { root.appendingPathComponent(relative).path }
    var outside: String { root.appendingPathComponent("outside").path }
    var secret: String { outside + "/secret.txt" }
    static let secretText = "root:x:0:0:TOP-SECRET-LINE:/root:/bin/bash\ndaemon:x:1:1:SECOND-SECRET-LINE\n"

    static let eventYAML = """
        event:
          id: boundary-2027
          title: { en: Boundary workshop, fr: Atelier frontière }
          timezone: Africa/Kigali
          dates: { start: 2027-03-23, end: 2027-03-25 }
          languages: [en, fr]
          organizer: { name: Secretariat, email: secretariat@example.org }

        include:
          - venues.yaml
          - sessions.yaml

        """
    static let venuesYAML = """
        venues:
          - id: kcc
            name: Kigali Convention Centre
            city: Kigali
            country: RW
            timezone: Africa/Kigali
            rooms:
              - { id: auditorium, name: Auditorium, capacity: 400 }

        """
    static let sessionsYAML = """
        sessions:
          - id: opening
            title: { en: Opening, fr: Ouverture }
            kind: plenary
            venue: kcc
            room: auditorium
            start: 2027-03-23T09:00
            end: "10:30"
            language: en

        """

    init() throws {
        root = ScratchFolders.url("boundary")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent(relative), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try write(Self.secretText, to: secret)
        try write(Self.eventYAML, at: "event.yaml")
        try write(Self.venuesYAML, at: "venues.yaml")
        try write(Self.sessionsYAML, at: "sessions.yaml")
    }

    func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Writes `text` at `relative` inside the workspace.
    func write(_ text: String, at relative: String) throws {
        try write(text, to: workspace + "/" + relative)
    }

    /// Makes `relative` (inside the workspace) a symbolic link to `target`.
    func link(_ relative: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: workspace + "/" + relative, withDestinationPath: target)
    }

    /// Runs `baraza` in `root` (so `events/ws` is a relative path).
    func run(_ arguments: [String], environment: [String: String?] = [:]) throws -> BarazaRun {
        try runBaraza(arguments, in: root, environment: environment)
    }

    /// Writes an ODK export of `count` registrations, emails `person-<first + k>@example.org`, into `root`.
    func export(_ name: String, first: Int = 0, count: Int) throws -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<submissions>\n"
        for k in first..<(first + count) {
            xml += """
                  <inscription id="boundary" version="1" xmlns:orx="http://openrosa.org/xforms">
                    <identite><prenom>Person</prenom><nom>Number \(k)</nom>\
                <courriel>person-\(k)@example.org</courriel></identite>
                    <ville>Kigali</ville><pays>Rwanda</pays>
                    <orx:meta><orx:instanceID>uuid:\(name)-\(k)</orx:instanceID></orx:meta>
                  </inscription>

                """
        }
        xml += "</submissions>\n"
        let path = root.appendingPathComponent(name).path
        try write(xml, to: path)
        return path
    }

    /// Every file and folder below `folder` (hidden ones included), with its bytes; links as their target.
    static func snapshot(_ folder: String) -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            let path = folder + "/" + relative
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
                result[relative] = Data("<link \(target)>".utf8)
                continue
            }
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            result[relative] = isDirectory.boolValue ? Data("<dir>".utf8) : FileManager.default.contents(atPath: path)
        }
        return result
    }

    var workspaceSnapshot: [String: Data] { Self.snapshot(workspace) }
    var outsideSnapshot: [String: Data] { Self.snapshot(outside) }

    /// The emails of every person in the workspace's imported people files, in file order.
    func importedEmails() throws -> [String] {
        let folder = workspace + "/registrations"
        var emails: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        where name.hasSuffix(".people.yaml") {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("    email: ") {
                emails.append(String(line.dropFirst("    email: ".count)).trimmingCharacters(in: ["\""]))
            }
        }
        return emails
    }
}
