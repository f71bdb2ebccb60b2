import BarazaFolder
import BarazaModel
import Crypto
import Foundation
import Yams

/// The per-event secret badge ids are derived from, kept in the workspace as `badge-key.yaml`.
///
/// A badge id is HMAC-SHA256(key, person id), cut to 80 bits and written in base32. This was chosen over ids
/// assigned once and recorded because:
/// - it needs no state beyond one small file, so ids are stable across runs, machines and merges of the
///   workspace, and a person added later gets an id without touching anyone else's;
/// - it reveals nothing: the id is a keyed hash, so someone scanning a badge learns neither the person id nor
///   the email, and cannot test guesses without the key (a plain hash of the id could be brute-forced);
/// - two events get unrelated ids for the same person because each workspace creates its own random key on
///   first export. Sharing ids across events is possible but explicit: copy the key file and add the second
///   event's id to its `events` list. A key file whose `events` list lacks the workspace's event (a workspace
///   copied to start a new event) is refused rather than silently reused.
public struct BadgeKey: Sendable {
    /// The file name inside the workspace folder.
    public static let fileName = "badge-key.yaml"

    /// Events allowed to use this key.
    public let events: [Event.ID]
    /// The secret bytes (kept as bytes: Crypto's `SymmetricKey` is not `Sendable`).
    private let secret: [UInt8]

    /// A key from its 32 secret bytes, for `events`.
    public init(secret: [UInt8], events: [Event.ID]) {
        precondition(secret.count == 32, "a badge key is 32 bytes")
        self.secret = secret
        self.events = events
    }

    /// A fresh random key for `event`, drawn from the system's cryptographic random source.
    public static func random(for event: Event.ID) -> BadgeKey {
        let secret = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
        return BadgeKey(secret: secret, events: [event])
    }

    /// The badge id of `person`.
    public func badgeID(for person: Person.ID) -> BadgeID {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(person.rawValue.utf8), using: SymmetricKey(data: secret))
        return BadgeID(Base32.crockford(Array(mac.prefix(10))))
    }

    /// The file's text: a comment saying what it is, the events, and the key in hex.
    public var fileText: String {
        let hex = secret.map { String(format: "%02x", $0) }.joined()
        return """
            # Secret key for this event's badge ids, created by `baraza export badges`. Keep it with the workspace:
            # badge ids stay the same from one print run to the next only while this file does. Whoever holds it
            # can tell whether a badge belongs to a given person id, so do not publish it.
            # To give another event the same badge ids, copy this file there and add that event's id below.
            events: [\(events.map { YAMLText.quoted($0.rawValue) }.joined(separator: ", "))]
            key: \(hex)

            """
    }

    /// Reads the key file at `path`, or returns nil when there is none.
    /// - Throws: `BadgeError.invalidFile` naming line, column and field when the file is malformed.
    public static func load(from path: String, displayPath: String) throws(BadgeError) -> BadgeKey? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try parse(data, displayPath: displayPath)
    }

    /// Reads the workspace's key file (``fileName``), or returns nil when there is none. The file is read inside
    /// the workspace only: a symbolic link that leads outside it is refused, never followed.
    /// - Throws: `BadgeError.invalidFile` when the file is malformed, `BadgeError.refusedFile` when it is outside.
    public static func load(in folder: WorkspaceFolder) throws(BadgeError) -> BadgeKey? {
        let display = folder.display(fileName)
        guard let data = try BadgeState.contents(fileName, in: folder) else { return nil }
        return try parse(data, displayPath: display)
    }

    /// The key in a key file's bytes; `displayPath` names the file in errors.
    static func parse(_ data: Data, displayPath: String) throws(BadgeError) -> BadgeKey {
        let document = try YAMLText.document(data, file: displayPath)
        let fields = try document.mapping(file: displayPath, field: "", allowed: ["events", "key"])
        guard let eventsNode = fields["events"] else {
            throw .invalidFile(document.location(displayPath), field: "events", expected: "a list of event ids")
        }
        guard let keyNode = fields["key"] else {
            throw .invalidFile(document.location(displayPath), field: "key", expected: "64 hexadecimal digits")
        }
        let events = try eventsNode.strings(file: displayPath, field: "events", expected: "a list of event ids")
        guard let hex = keyNode.scalar?.string, let secret = Self.bytes(hex: hex), secret.count == 32 else {
            throw .invalidFile(keyNode.location(displayPath), field: "key", expected: "64 hexadecimal digits")
        }
        return BadgeKey(secret: secret, events: events.map { Event.ID($0) })
    }

    private static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = hexValue(digits[index]), let low = hexValue(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
