import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What pass 1 of a registration import learnt about each valid record, kept on disk rather than in memory: the
/// rendered YAML of the person (all but its `id:` line; empty in a dry run), the record's id, its email, then a
/// 16-byte trailer (id length, email length, line). Pass 2 copies the winners' text instead of reading and
/// normalising the export again; merge reports read back ids and lines; ``EmailIndex`` reads back emails to confirm
/// a hash match.
///
/// The file is unlinked as soon as it is opened, so it disappears with the process whatever happens. Memory per
/// record: where its bytes end (8 bytes).
final class RegistrationSpool {
    /// A record's bytes, taken apart.
    struct Block {
        var text: Range<Int>
        var recordID: Range<Int>
        var email: Range<Int>
        var line: Int
    }

    private let descriptor: Int32
    private let displayPath: String
    private var buffer: [UInt8] = []
    private var size = 0
    /// Where each record's bytes end (cumulative); a record not kept has none.
    private var ends: [Int] = []
    private static let capacity = 1 << 18
    private static let trailer = 16

    /// Opens an anonymous spool in `folder`; `displayPath` names the output in errors.
    init(in folder: String, displayPath: String) throws(ImportError) {
        self.displayPath = displayPath
        // A unique name (several imports may run at once), removed as soon as it is open.
        var template = Array((folder as NSString).appendingPathComponent(".baraza-import-spool-XXXXXX").utf8CString)
        descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw .write(
                path: displayPath, reason: "cannot create a temporary file: \(String(cString: strerror(errno)))")
        }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        unlink(path)
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        buffer.reserveCapacity(Self.capacity)
    }

    deinit { close(descriptor) }

    /// Records `ordinal` (numbered from 1, increasing): its rendered person text, id, email and line.
    func add(ordinal: Int, text: ArraySlice<UInt8>, recordID: String, email: String, line: Int) throws(ImportError) {
        while ends.count < ordinal - 1 { ends.append(size) }
        guard let idLength = UInt32(exactly: recordID.utf8.count), let emailLength = UInt32(exactly: email.utf8.count)
        else { throw .write(path: displayPath, reason: "a record id or email longer than 4 GB") }
        let start = buffer.count
        buffer.append(contentsOf: text)
        buffer.append(contentsOf: recordID.utf8)
        buffer.append(contentsOf: email.utf8)
        withUnsafeBytes(of: idLength.littleEndian) { buffer.append(contentsOf: $0) }
        withUnsafeBytes(of: emailLength.littleEndian) { buffer.append(contentsOf: $0) }
        withUnsafeBytes(of: Int64(line).littleEndian) { buffer.append(contentsOf: $0) }
        size += buffer.count - start
        ends.append(size)
        if buffer.count >= Self.capacity { try flush() }
    }

    /// Writes what is buffered.
    func flush() throws(ImportError) {
        try writeAll(buffer[...], to: descriptor, naming: displayPath)
        buffer.removeAll(keepingCapacity: true)
    }

    /// The byte range of record `ordinal` in the spool.
    private func range(_ ordinal: Int) -> Range<Int> {
        (ordinal > 1 ? ends[ordinal - 2] : 0)..<ends[ordinal - 1]
    }

    /// Takes apart the record whose bytes are `bytes[range]` (ranges in the result are indexes into `bytes`).
    private func block(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) throws(ImportError) -> Block {
        guard range.count >= Self.trailer else { throw corrupt }
        func field<T: FixedWidthInteger>(_ type: T.Type, at offset: Int) -> T {
            var value: T = 0
            for i in 0..<MemoryLayout<T>.size { value |= T(truncatingIfNeeded: bytes[offset + i]) << (8 * i) }
            return value
        }
        let trailer = range.upperBound - Self.trailer
        let idLength = Int(field(UInt32.self, at: trailer))
        let emailLength = Int(field(UInt32.self, at: trailer + 4))
        let line = Int(field(Int64.self, at: trailer + 8))
        let emailStart = trailer - emailLength
        let idStart = emailStart - idLength
        guard idStart >= range.lowerBound else { throw corrupt }
        return Block(
            text: range.lowerBound..<idStart, recordID: idStart..<emailStart, email: emailStart..<trailer, line: line)
    }

    private var corrupt: ImportError { .write(path: displayPath, reason: "temporary file damaged while importing") }

    /// Up to `count` bytes at `offset` (fewer at the end of the file).
    private func read(count: Int, at offset: Int) throws(ImportError) -> [UInt8] {
        if !buffer.isEmpty { try flush() }
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { out, initialised in
            var done = 0
            while done < count {
                let n = pread(descriptor, out.baseAddress! + done, count - done, off_t(offset + done))
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else {
                    if n < 0 { failure = errno }
                    break
                }
                done += n
            }
            initialised = done
        }
        guard failure == 0 else { throw .write(path: displayPath, reason: String(cString: strerror(failure))) }
        return bytes
    }

    /// Calls `body` with record `ordinal`'s bytes taken apart.
    private func withRecord<T>(_ ordinal: Int, _ body: (UnsafeBufferPointer<UInt8>, Block) -> T) throws(ImportError)
        -> T
    {
        let range = range(ordinal)
        let bytes = try read(count: range.count, at: range.lowerBound)
        guard bytes.count == range.count else { throw corrupt }
        return try bytes.withUnsafeBufferPointer { (all) throws(ImportError) -> T in
            body(all, try block(all, 0..<all.count))
        }
    }

    /// The record id and line of `ordinal`, read back (for merge reports).
    func recordID(_ ordinal: Int) throws(ImportError) -> (id: String, line: Int) {
        try withRecord(ordinal) { all, block in
            (String(decoding: UnsafeBufferPointer(rebasing: all[block.recordID]), as: UTF8.self), block.line)
        }
    }

    /// Record `ordinal`'s email.
    func email(_ ordinal: Int) throws(ImportError) -> String {
        try withRecord(ordinal) { all, block in
            String(decoding: UnsafeBufferPointer(rebasing: all[block.email]), as: UTF8.self)
        }
    }

    /// Whether record `ordinal`'s email is `email`.
    func hasEmail(_ ordinal: Int, _ email: String) throws(ImportError) -> Bool {
        try withRecord(ordinal) { all, block in all[block.email].elementsEqual(email.utf8) }
    }

    /// Hands the text of each record in `ordinals` (ascending) to `body`, reading the spool in large sequential
    /// chunks.
    func eachText(_ ordinals: some Sequence<Int>, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        var window: [UInt8] = []
        var windowStart = 0
        for ordinal in ordinals {
            let range = range(ordinal)
            if range.lowerBound < windowStart || range.upperBound > windowStart + window.count {
                windowStart = range.lowerBound
                window = try read(count: max(Self.capacity * 4, range.count), at: range.lowerBound)
                guard range.upperBound <= windowStart + window.count else { throw corrupt }
            }
            try window.withUnsafeBufferPointer { all in
                let local = (range.lowerBound - windowStart)..<(range.upperBound - windowStart)
                try body(UnsafeBufferPointer(rebasing: all[try block(all, local).text]))
            }
        }
    }
}
