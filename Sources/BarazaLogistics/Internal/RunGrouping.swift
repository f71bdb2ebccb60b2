/// Splits passengers, sorted by the time they are ready, into runs.
///
/// A run holds at most `capacity` consecutive passengers whose times lie within a window: for arrivals the run
/// leaves when its last passenger lands, so everyone waits at most the window; for departures the run reaches the
/// place by its earliest deadline, so everyone is early by at most the window.
///
/// Guarantee (tested against an exhaustive search over every partition of small cases):
/// 1. the number of runs is the minimum possible for `capacity` and `maxWait`;
/// 2. among plans with that many runs, the worst wait is the smallest possible.
///
/// (1) is the classic greedy: opening a run at the earliest unserved passenger and filling it as far as the rules
/// allow never needs more runs than any other plan (an exchange argument). For (2), the greedy count only falls as
/// the window grows, so a binary search finds the narrowest window that still needs that minimum number of runs;
/// any plan with that many runs and a smaller worst wait would contradict it. Cost: O(n log W) for n passengers
/// and a window of W seconds, after the O(n log n) sort.
enum RunGrouping {
    /// Consecutive index ranges of `times` (ascending), one per run.
    static func runs(times: [Int64], capacity: Int, maxWait: Int64) -> [Range<Int>] {
        precondition(capacity >= 1 && maxWait >= 0)
        guard !times.isEmpty else { return [] }
        let fewest = count(times, capacity: capacity, window: maxWait)
        var low: Int64 = 0
        var high = min(maxWait, times[times.count - 1] - times[0])
        while low < high {
            let mid = low + (high - low) / 2
            if count(times, capacity: capacity, window: mid) == fewest { high = mid } else { low = mid + 1 }
        }
        return groups(times, capacity: capacity, window: high)
    }

    /// The worst wait of a plan: the widest span of times within one run.
    static func worstWait(times: [Int64], runs: [Range<Int>]) -> Int64 {
        runs.map { times[$0.upperBound - 1] - times[$0.lowerBound] }.max() ?? 0
    }

    private static func count(_ times: [Int64], capacity: Int, window: Int64) -> Int {
        var runs = 0
        var i = 0
        while i < times.count {
            i = end(of: i, times, capacity: capacity, window: window)
            runs += 1
        }
        return runs
    }

    private static func groups(_ times: [Int64], capacity: Int, window: Int64) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = 0
        while i < times.count {
            let j = end(of: i, times, capacity: capacity, window: window)
            result.append(i..<j)
            i = j
        }
        return result
    }

    private static func end(of start: Int, _ times: [Int64], capacity: Int, window: Int64) -> Int {
        var j = start + 1
        while j < times.count, j - start < capacity, times[j] - times[start] <= window { j += 1 }
        return j
    }
}
