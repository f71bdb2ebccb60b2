import BarazaModel

/// Every pair of items whose half-open intervals overlap, by sorting on start and sweeping with the set of
/// items still running: O(n log n + k) for k pairs, instead of comparing all n² pairs.
/// Pairs come out as (earlier-starting, later-starting), in sweep order.
func overlappingPairs<T>(_ items: [(interval: Interval, item: T)]) -> [(T, T, minutes: Int)] {
    let sorted = items.enumerated().sorted {
        ($0.element.interval.start, $0.element.interval.end, $0.offset) < (
            $1.element.interval.start, $1.element.interval.end, $1.offset
        )
    }.map(\.element)
    var running: [(interval: Interval, item: T)] = []
    var pairs: [(T, T, minutes: Int)] = []
    for current in sorted {
        running.removeAll { $0.interval.end <= current.interval.start }
        // Zero-length items (instants) overlap nothing.
        if current.interval.start == current.interval.end { continue }
        for other in running {
            pairs.append((other.item, current.item, other.interval.overlapMinutes(with: current.interval)))
        }
        running.append(current)
    }
    return pairs
}
