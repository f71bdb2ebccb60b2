import BarazaParallel
import BarazaTestSupport
import BarazaXML
import Foundation
import Testing

@testable import BarazaImport

/// The hand-over between the thread that parses a submissions file and the one that imports it.
struct RecordPipeTests {
    static func batch(_ first: Int, _ count: Int) -> FormRecordBatch {
        FormRecordBatch((first..<first + count).map { FormRecord(fields: [("n", "\($0)")], sourceLine: $0) })
    }

    struct ParseFailure: Error, Equatable {}

    @Test func batchesArriveInOrderAndTheErrorComesAfterThem() throws {
        let pipe = RecordPipe(capacity: 2)
        let producer = Thread {
            for k in 0..<50 { _ = pipe.put(Self.batch(k * 3, 3)) }
            pipe.finish(ParseFailure())
        }
        producer.start()
        var lines: [Int] = []
        #expect(throws: ParseFailure()) {
            while case let batches = try pipe.take(upTo: 1), let batch = batches.first {
                lines += batch.entries.map(\.line)
            }
        }
        #expect(lines == Array(0..<150))
    }

    /// Puts `batch` into `pipe` from another thread up to `attempts` times; returns how many went in once the
    /// thread stops getting further (or after 10 s), and the signal it gives when it ends.
    static func fill(_ pipe: RecordPipe, with batch: FormRecordBatch, attempts: Int, expected: Int)
        -> (accepted: Counter, finished: DispatchSemaphore)
    {
        let accepted = Counter()
        let finished = DispatchSemaphore(value: 0)
        Thread {
            for _ in 0..<attempts {
                guard pipe.put(batch) else { break }
                accepted.add()
            }
            finished.signal()
        }.start()
        let deadline = Date().addingTimeInterval(10)
        while accepted.value < expected && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        Thread.sleep(forTimeInterval: 0.1)
        return (accepted, finished)
    }

    @Test func aFullPipeHoldsTheReaderBackAndCancellingReleasesIt() {
        let pipe = RecordPipe(capacity: 3)
        // The reader can get at most `capacity` batches ahead of an importer that takes nothing.
        let (accepted, finished) = Self.fill(pipe, with: Self.batch(0, 1), attempts: 1000, expected: 3)
        #expect(accepted.value == 3)
        pipe.cancel()
        #expect(finished.wait(timeout: .now() + 5) == .success)
        #expect(accepted.value == 3)
    }

    @Test func theWholeImportStillReadsEveryRecordOfAFileInOrder() throws {
        var xml = "<registrations>\n"
        for n in 1...2000 {
            xml += "<data id=\"reg\"><name>Person \(n)</name><meta><instanceID>uuid:\(n)</instanceID></meta></data>\n"
        }
        xml += "</registrations>\n"
        let path = ScratchFolders.root.appendingPathComponent("pipe-\(UUID().uuidString).xml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(xml.utf8).write(to: URL(fileURLWithPath: path))
        let stream = RecordStream(.odk(path: path, limits: .default))
        var seen: [String?] = []
        while true {
            let batches = try stream.take(upTo: 2)
            if batches.isEmpty { break }
            for batch in batches { seen += batch.records.map(\.recordID) }
        }
        #expect(seen == (1...2000).map { "uuid:\($0)" })
    }

    @Test func closingTheStreamStopsTheReaderAndWaitsForIt() throws {
        var xml = "<registrations>\n"
        for n in 1...5000 { xml += "<data id=\"reg\"><name>Person \(n)</name></data>\n" }
        xml += "</registrations>\n"
        let path = ScratchFolders.root.appendingPathComponent("pipe-\(UUID().uuidString).xml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(xml.utf8).write(to: URL(fileURLWithPath: path))
        // The importer stops after its first batch (an error in a record, say): closing the stream stops the reader
        // wherever it is and waits for it.
        let stream = RecordStream(.odk(path: path, limits: .default))
        let first = try stream.take(upTo: 1)
        #expect(first.count == 1 && first[0].count >= 10)
        let closed = DispatchSemaphore(value: 0)
        let box = StreamBox(stream)
        Thread {
            box.stream.close()
            closed.signal()
        }.start()
        #expect(closed.wait(timeout: .now() + 10) == .success)
    }
}

extension RecordPipeTests {
    @Test func theByteBudgetHoldsTheReaderBackButAlwaysLetsOneBatchThrough() {
        let big = Self.batch(0, 100)
        let pipe = RecordPipe(capacity: 1_000, byteBudget: big.footprint * 2)
        let (accepted, finished) = Self.fill(pipe, with: big, attempts: 10, expected: 2)
        #expect(accepted.value == 2)
        // A batch larger than the whole budget still goes through an empty pipe.
        let tight = RecordPipe(capacity: 1_000, byteBudget: 1)
        #expect(tight.put(big))
        pipe.cancel()
        #expect(finished.wait(timeout: .now() + 5) == .success)
    }

    @Test func aSpreadsheetIsHandedOverInBatchesInRowOrder() throws {
        let rows = (1...1_000).map { FormRecord(fields: [("n", "\($0)")], sourceLine: $0 + 1) }
        let stream = RecordStream(.table(FormTable(format: .xlsx, records: rows)))
        var lines: [Int] = []
        var sizes: [Int] = []
        while true {
            let batches = try stream.take(upTo: 3)
            if batches.isEmpty { break }
            #expect(batches.count <= 3)
            sizes += batches.map(\.count)
            lines += batches.flatMap { $0.records.map(\.sourceLine) }
        }
        #expect(lines == Array(2...1_001))
        #expect(sizes == [256, 256, 256, 232])
    }

    @Test func backgroundWorkRunsOnAThreadOfItsOwnAndGivesItsResultToEveryCaller() {
        let caller = pthread_self()
        let work = Background {
            (sum: (1...1_000).reduce(0, +), sameThread: pthread_equal(pthread_self(), caller) != 0)
        }
        #expect(work.value().sum == 500_500)
        #expect(work.value().sum == 500_500)
        #expect(!work.value().sameThread)
    }
}

/// Hands a stream to another thread (the test waits for that thread, with a timeout, before going on).
final class StreamBox: @unchecked Sendable {
    let stream: RecordStream
    init(_ stream: RecordStream) { self.stream = stream }
}

/// A count several threads may bump.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() {
        lock.lock()
        count += 1
        lock.unlock()
    }
    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
