import BarazaModel
import Crypto
import Foundation

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
    public static let fileName = WorkspaceState.badgeKeyFileName

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

    /// The key a workspace's key file holds (read by the workspace loader, ``WorkspaceState/badgeKey()``).
    public init?(_ record: BadgeKeyRecord) {
        guard record.secret.count == 32 else { return nil }
        self.init(secret: record.secret, events: record.events)
    }
}
