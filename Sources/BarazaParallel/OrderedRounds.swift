/// Work in rounds where an ordered step overlaps the parallel one: each round takes up to `workers.count` items
/// from `next` and runs `work` on each on a core of its own (item `k` with `workers[k]`, so each worker's state
/// is used by one thread at a time); meanwhile, on the thread of item 0, the previous round's outputs are handed,
/// in item order, to `consume`. Rounds go on until `next` gives no items and the last outputs are consumed.
///
/// The registration import runs on it: the reader fills batches, workers normalise them, and the ledger takes the
/// results in file order one round behind. While the reader is behind (one item a round), a round is one job on
/// the calling thread, and the reader keeps a core to itself.
/// - Throws: the first error of `next` or `consume`; the round under way when `consume` fails is finished first.
public func orderedRounds<Item, Output, Worker, Failure: Error>(
    workers: inout [Worker],
    next: (_ most: Int) throws(Failure) -> [Item],
    work: (Item, inout Worker) -> Output,
    consume: ([Output]) throws(Failure) -> Void
) throws(Failure) {
    var previous: [Output]?
    var failure: Failure?
    while true {
        let items = try next(workers.count)
        if items.isEmpty && previous == nil { return }
        let outputs = workers.withUnsafeMutableBufferPointer { pool in
            parallelMap(max(items.count, 1)) { index -> Output? in
                if index == 0, let entered = previous {
                    do throws(Failure) { try consume(entered) } catch { failure = error }
                    previous = nil
                }
                guard index < items.count else { return nil }
                return work(items[index], &pool[index])
            }
        }
        if let failure { throw failure }
        previous = items.isEmpty ? nil : outputs.compactMap { $0 }
    }
}
