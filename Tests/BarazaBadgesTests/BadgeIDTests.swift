import BarazaModel
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

    @Test("Random keys differ, and a key survives its file")
    func roundTrip() throws {
        let first = BadgeKey.random(for: "final-kigali-2027")
        let second = BadgeKey.random(for: "final-kigali-2027")
        #expect(first.badgeID(for: "x") != second.badgeID(for: "x"))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("key-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(first.fileText.utf8).write(to: file)
        let loaded = try #require(try BadgeKey.load(from: file.path, displayPath: "badge-key.yaml"))
        #expect(loaded.events == ["final-kigali-2027"])
        #expect(loaded.badgeID(for: "claire-dubois") == first.badgeID(for: "claire-dubois"))
    }

    @Test(
        "A malformed key file is reported with line, column and field",
        arguments: [
            (
                "events: [a]\nkey: 00ff\n",
                BadgeError.invalidFile(
                    .init(file: "k.yaml", line: 2, column: 6), field: "key", expected: "64 hexadecimal digits")
            ),
            (
                "key: \(String(repeating: "0", count: 64))\n",
                .invalidFile(
                    .init(file: "k.yaml", line: 1, column: 1), field: "events", expected: "a list of event ids")
            ),
            (
                "events: [a]\nkey: \(String(repeating: "g", count: 64))\nsalt: x\n",
                .invalidFile(
                    .init(file: "k.yaml", line: 3, column: 1), field: "salt",
                    expected: "absent (known keys: events, key)")
            ),
            (
                "events: [a\n",
                .invalidFile(.init(file: "k.yaml", line: 2, column: 1), field: "", expected: "valid YAML")
            ),
        ])
    func malformed(text: String, expected: BadgeError) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("key-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(text.utf8).write(to: file)
        #expect(throws: expected) { try BadgeKey.load(from: file.path, displayPath: "k.yaml") }
    }
}
