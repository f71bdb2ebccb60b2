/// The opaque id printed in a badge's QR code and in the badge list: 16 characters of Crockford base32
/// (digits and capitals without I, L, O, U), derived from the person id by `BadgeKey`.
///
/// It carries no personal data: without the event's key it cannot be linked back to a person.
public struct BadgeID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The id as printed, e.g. `7K3MQ0ZD4XH1B9TW`.
    public let rawValue: String

    /// An id as written (in the printed-set record); not checked, since an unknown id simply matches nobody.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// What the QR code holds: `baraza:badge:` and the id, so a scanner app can tell a Baraza badge from any
    /// other code.
    public var qrPayload: String { "baraza:badge:\(rawValue)" }

    public static func < (a: BadgeID, b: BadgeID) -> Bool { a.rawValue < b.rawValue }
    public var description: String { rawValue }
}
