import BarazaModel

/// Minutes between any two of: transfer places, hotels, venues (from `logistics.transfers.travel`, then the
/// venue-to-venue `travel:` list). Symmetric; 0 from a place to itself.
public struct TravelTable: Sendable {
    private var minutes: [String: Int] = [:]

    public init(_ w: Workspace) {
        for t in w.travelTimes {
            let ends = t.between.map(\.rawValue).sorted()
            if ends.count == 2 { set(ends[0], ends[1], t.minutes) }
        }
        for t in w.logistics.transfers.travel { set(t.from, t.to, t.minutes) }
    }

    private mutating func set(_ a: String, _ b: String, _ m: Int) {
        minutes[key(a, b)] = m
    }

    private func key(_ a: String, _ b: String) -> String { a < b ? "\(a)\u{0}\(b)" : "\(b)\u{0}\(a)" }

    /// Minutes from `a` to `b`, nil when not given.
    public func between(_ a: String, _ b: String) -> Int? {
        a == b ? 0 : minutes[key(a, b)]
    }
}
