import Foundation

/// A `TextOutputStream` that collects UTF-8 octets in `Data`, for writers that want bytes, not a `String`.
public struct UTF8DataOutput: TextOutputStream, Sendable {
    /// The octets written so far.
    public var data: Data

    /// Starts with `data` (empty by default).
    public init(data: Data = Data()) {
        self.data = data
    }

    /// Appends the UTF-8 octets of `string`.
    public mutating func write(_ string: String) {
        data.append(contentsOf: string.utf8)
    }
}
