import Foundation

/// Finds a zone's transitions in an interval from a tz database (``TimeZoneRules``).
///
/// Two independent ways are combined: the database's own next-transition answer (Foundation's
/// `nextDaylightSavingTimeTransition(after:)`, which on Linux also reports standard-offset changes and
/// Morocco's Ramadan changes) and a scan of the offset and DST flag one day at a time, narrowed by binary
/// search to the second. Each candidate is kept only if the zone really observes something different one
/// second before it.
struct TransitionSearch<Rules: TimeZoneRules> {
    let rules: Rules

    /// What a reader of the zone can tell apart at an instant.
    struct Observance: Equatable {
        var offset: Int
        var isDaylightSavingTime: Bool
    }

    func observance(at second: Int) -> Observance {
        Observance(
            offset: rules.offset(atSecond: second), isDaylightSavingTime: rules.isDaylightSavingTime(atSecond: second))
    }

    /// Transitions with `start < instant <= end`, in order.
    func transitions(after start: Date, through end: Date) -> [TimeZoneTransition] {
        let first = Self.second(start)
        let last = Self.second(end)
        guard first < last else { return [] }
        let candidates = Set(reportedByDatabase(first, last) + foundByScanning(first, last))
        return candidates.sorted().compactMap(transition(at:))
    }

    /// The latest transition at or before `date`, looking back at most `years` years.
    func latestTransition(atOrBefore date: Date, lookingBackYears years: Int = 64) -> TimeZoneTransition? {
        var window = 1
        while window <= years {
            let from = date.addingTimeInterval(-Double(window) * 366 * 86_400)
            if let latest = transitions(after: from, through: date).last { return latest }
            window *= 4
        }
        return nil
    }

    /// The transition starting exactly at `second`, if the observance really changes there.
    func transition(at second: Int) -> TimeZoneTransition? {
        let before = observance(at: second - 1)
        let after = observance(at: second)
        guard before != after else { return nil }
        return TimeZoneTransition(
            instant: Date(timeIntervalSince1970: TimeInterval(second)),
            offsetBefore: before.offset, offsetAfter: after.offset,
            isDaylightSavingTime: after.isDaylightSavingTime)
    }

    func reportedByDatabase(_ first: Int, _ last: Int) -> [Int] {
        var found: [Int] = []
        var cursor = first
        while let next = rules.nextTransition(afterSecond: cursor), next <= last {
            guard next > cursor else { break }
            found.append(next)
            cursor = next
        }
        return found
    }

    func foundByScanning(_ first: Int, _ last: Int, step: Int = 86_400) -> [Int] {
        var found: [Int] = []
        var low = first
        var current = observance(at: low)
        while low < last {
            let high = min(low + step, last)
            if observance(at: high) == current {
                low = high
                continue
            }
            // Invariant: observance(low) == current, observance(high) != current.
            var (a, b) = (low, high)
            while b - a > 1 {
                let mid = a + (b - a) / 2
                if observance(at: mid) == current { a = mid } else { b = mid }
            }
            found.append(b)
            low = b
            current = observance(at: b)
        }
        return found
    }

}

/// Whole seconds since 1970, rounded down.
func wholeSecond(_ date: Date) -> Int { Int(date.timeIntervalSince1970.rounded(.down)) }

extension TransitionSearch {
    /// Whole seconds since 1970, rounded down.
    static func second(_ date: Date) -> Int { wholeSecond(date) }
}

extension TransitionSearch where Rules == FoundationTimeZoneRules {
    /// A search over Foundation's data for `zone`.
    init(zone: TimeZone) { self.init(rules: FoundationTimeZoneRules(zone)) }
}
