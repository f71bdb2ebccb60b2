import BarazaModel
import BarazaTestSupport
import BarazaWorkspace
import Foundation
import Testing

@testable import BarazaBadges

@Suite("Badge ids and the workspace key")
struct BadgeIDTests {
    static let key = BadgeKey(secret: Array(0..<32), events: ["final-kigali-2027"])

    @Test(
        "Ids are HMAC-SHA256 of the person id, 80 bits in Crockford base32 (values from Python's hmac module)",
        arguments: [("claire-dubois", "6CHDSMQZRFZQX11V"), ("anne-kabera", "3Q4B260Q3J7YYC13")])
    func knownAnswers(person: String, expected: String) {
        #expect(Self.key.badgeID(for: Person.ID(person)).rawValue == expected)
        #expect(Self.key.badgeID(for: Person.ID(person)).qrPayload == "baraza:badge:\(expected)")
    }

    @Test("Crockford base32 of edge bytes")
    func base32() {
        #expect(Base32.crockford([0, 0, 0, 0, 0]) == "00000000")
        #expect(Base32.crockford([0xFF, 0xFF, 0xFF, 0xFF, 0xFF]) == "ZZZZZZZZ")
        #expect(Base32.crockford([0x08]) == "10")
    }

    @Test("Two events with their own keys give the same person unrelated ids")
    func eventsDoNotShareIDs() {
        let other = BadgeKey(secret: Array(repeating: 7, count: 32), events: ["reflection-2027-02"])
        #expect(Self.key.badgeID(for: "claire-dubois") != other.badgeID(for: "claire-dubois"))
    }

    @Test("Random keys differ, and a key survives its file, read back by the workspace loader")
    func roundTrip() throws {
        let first = BadgeKey.random(for: "final-kigali-2027")
        let second = BadgeKey.random(for: "final-kigali-2027")
        #expect(first.badgeID(for: "x") != second.badgeID(for: "x"))
        let folder = try Self.folder(holding: first.fileText)
        defer { try? FileManager.default.removeItem(at: folder) }
        let record = try #require(try WorkspaceLoader(knownRuleIDs: []).state(directory: folder.path).badgeKey())
        let loaded = try #require(BadgeKey(record))
        #expect(loaded.events == ["final-kigali-2027"])
        #expect(loaded.badgeID(for: "claire-dubois") == first.badgeID(for: "claire-dubois"))
    }

    @Test(
        "A malformed key file is reported with line, column and field",
        arguments: [
            ("events: [a]\nkey: 00ff\n", "2:6: key: `00ff` is not valid; expected 64 hexadecimal digits"),
            (
                "key: \(String(repeating: "0", count: 64))\n",
                "1:1: events: required, but missing; expected a list of event ids"
            ),
            (
                "events: [a]\nkey: \(String(repeating: "0", count: 64))\nsalt: x\n",
                "3:1: top level: unknown key `salt`"
            ),
            ("events: [a\n", "2:1: YAML syntax: "),
        ])
    func malformed(text: String, expected: String) throws {
        let folder = try Self.folder(holding: text)
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = WorkspaceLoader(knownRuleIDs: []).state(directory: folder.path)
        let file = folder.appendingPathComponent(BadgeKey.fileName).path
        let error = try #require(throws: WorkspaceLoadFailure.self) { try state.badgeKey() }
        #expect(error.description.hasPrefix("\(file):\(expected)"), "\(error)")
    }

    /// A scratch folder holding `text` as its badge key file.
    static func folder(holding text: String) throws -> URL {
        let folder = ScratchFolders.url("key")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: folder.appendingPathComponent(BadgeKey.fileName))
        return folder
    }
}
