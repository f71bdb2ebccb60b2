import BarazaParallel
import Foundation
import PropertyBased
import Testing

/// `parallelWorklist` runs every item reachable from the first ones exactly once, whatever the order the threads
/// take them in: compared with a breadth-first walk of random graphs (with cycles, repeats and self-references).
struct ParallelWorklistTests {
    /// Calls made, per item, from every thread.
    final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [Int: Int] = [:]
        func record(_ item: Int) { lock.withLock { counts[item, default: 0] += 1 } }
        var all: [Int: Int] { lock.withLock { counts } }
    }

    /// Up to 40 nodes, each naming up to four others (or itself), and up to three starting nodes, some repeated.
    static func graphs() -> Generator<(edges: [[Int]], starts: [Int]), some SendableSequenceType> {
        zip(Gen.int(in: 0...39).array(of: 0...4).array(of: 1...40), Gen.int(in: 0...39).array(of: 0...3)).map {
            edges, starts in
            (edges.map { $0.map { $0 % edges.count } }, starts.map { $0 % edges.count })
        }
    }

    @Test func everyReachableItemRunsOnceWithItsResult() async {
        await propertyCheck(count: 300, input: Self.graphs()) { graph in
            var reachable: Set<Int> = []
            var queue = graph.starts
            while let item = queue.popLast() {
                guard reachable.insert(item).inserted else { continue }
                queue += graph.edges[item]
            }
            let calls = Calls()
            let results = parallelWorklist(graph.starts, workers: 3, id: \.self) { item in
                calls.record(item)
                return ("node \(item)", graph.edges[item])
            }
            #expect(Set(results.keys) == reachable)
            #expect(results.allSatisfy { $0.value == "node \($0.key)" })
            #expect(calls.all == Dictionary(uniqueKeysWithValues: reachable.map { ($0, 1) }))
        }
    }

    @Test func nothingToRunGivesNothing() {
        let results = parallelWorklist([Int](), id: \.self) { item in (item, [item + 1]) }
        #expect(results.isEmpty)
    }

    @Test func aJobMayUseEveryCoreItself() {
        // Each job maps over its own items with `parallelMap`, and adds more work: all of it is done, with the
        // right results, by a single worker.
        let results = parallelWorklist([10, 20], workers: 1, id: \.self) { n in
            (parallelMap(n) { $0 * 2 }.reduce(0, +), n == 10 ? [30] : [])
        }
        #expect(results == [10: 90, 20: 380, 30: 870])
    }
}
