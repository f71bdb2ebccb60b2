import PropertyBased
import Testing

@testable import BarazaLogistics

/// The greedy run grouping against its slow obvious twin: every partition of a small set of passengers.
///
/// What `RunGrouping` guarantees, and exactly what is tested: every run is feasible (at most `capacity`
/// passengers, times within `maxWait` of each other); the number of runs is the minimum over all feasible
/// partitions; and the worst wait is the minimum over all feasible partitions with that many runs.
struct RunGroupingPropertyTests {
    /// (fewest runs, least worst wait among plans with that many runs), over every set partition.
    static func exhaustive(_ times: [Int64], capacity: Int, maxWait: Int64) -> (runs: Int, worstWait: Int64) {
        var best: (runs: Int, worstWait: Int64) = (Int.max, Int64.max)
        var blocks: [[Int64]] = []
        func place(_ i: Int) {
            if blocks.count > best.runs { return }
            if i == times.count {
                let worst = blocks.map { $0.max()! - $0.min()! }.max() ?? 0
                if (blocks.count, worst) < (best.runs, best.worstWait) { best = (blocks.count, worst) }
                return
            }
            for b in blocks.indices {
                let block = blocks[b] + [times[i]]
                guard block.count <= capacity, block.max()! - block.min()! <= maxWait else { continue }
                blocks[b] = block
                place(i + 1)
                blocks[b].removeLast()
            }
            blocks.append([times[i]])
            place(i + 1)
            blocks.removeLast()
        }
        place(0)
        return best
    }

    @Test func greedyMatchesExhaustiveSearchOnSmallCases() async {
        await propertyCheck(
            count: 400, input: Gen.int(in: 0...180).array(of: 1...7), Gen.int(in: 1...4), Gen.int(in: 0...90)
        ) { minutes, capacity, wait in
            let times = minutes.map { Int64($0) * 60 }.sorted()
            let maxWait = Int64(wait) * 60
            let runs = RunGrouping.runs(times: times, capacity: capacity, maxWait: maxWait)
            // A partition of the passengers into consecutive, feasible runs.
            #expect(runs.map(\.count).reduce(0, +) == times.count)
            #expect(zip(runs, runs.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
            #expect(
                runs.allSatisfy { $0.count <= capacity && times[$0.upperBound - 1] - times[$0.lowerBound] <= maxWait })
            let best = Self.exhaustive(times, capacity: capacity, maxWait: maxWait)
            #expect(runs.count == best.runs)
            #expect(RunGrouping.worstWait(times: times, runs: runs) == best.worstWait)
        }
    }

    @Test func aNarrowerWindowKeepsTheRunCountAndCutsTheWait() {
        // 0, 9 and 10 minutes, two seats, 10-minute limit: the plain greedy takes {0, 9}, {10} (9 minutes'
        // wait); the same two runs as {0}, {9, 10} wait at most 1 minute.
        let times: [Int64] = [0, 540, 600]
        let runs = RunGrouping.runs(times: times, capacity: 2, maxWait: 600)
        #expect(runs == [0..<1, 1..<3])
        #expect(RunGrouping.worstWait(times: times, runs: runs) == 60)
    }
}
