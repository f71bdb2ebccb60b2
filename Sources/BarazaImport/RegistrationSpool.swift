import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What pass 1 of a registration import learnt about each record, kept on disk rather than in memory: the
/// rendered YAML of every valid person (all but its `id:` line) followed by the record's id. Pass 2 then copies the
/// winners' text instead of reading and normalising the export again, and merge reports read back record ids and
/// lines (written after the text as `<id><line in decimal>`).
///
/// The file is unlinked as soon as it is opened, so it disappears with the process whatever happens. Memory per
/// record: one ``Mark`` (16 bytes).
final class RegistrationSpool {
    /// Where record `n`'s bytes end (cumulative) and the lengths of the record id and line that close them.
    struct Mark {
        var end: Int
        var idLength: UInt32
        var lineLength: UInt32
    }

    private let descriptor: Int32
    private let displayPath: String
    private var buffer: [UInt8] = []
    private var size = 0
    private(set) var marks: [Mark] = []
    private static let capacity = 1 << 18

    /// Opens an anonymous spool in `folder`; `displayPath` names the output in errors.
    init(in folder: String, displayPath: String) throws(ImportError) {
        self.displayPath = displayPath
        let path = (folder as NSString).appendingPathComponent(".baraza-import-\(getpid()).spool")
        descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw .write(
                path: displayPath, reason: "cannot create a temporary file: \(String(cString: strerror(errno)))")
        }
        unlink(path)
        buffer.reserveCapacity(Self.capacity)
    }

    deinit { close(descriptor) }

    /// Records `ordinal` (numbered from 1, in order): its rendered person text (empty for a record not kept), its
    /// id and its line.
    func add(ordinal: Int, text: String, recordID: String, line: Int) throws(ImportError) {
        while marks.count < ordinal - 1 { marks.append(Mark(end: size, idLength: 0, lineLength: 0)) }
        let start = buffer.count
        buffer.append(contentsOf: text.utf8)
        let idStart = buffer.count
        buffer.append(contentsOf: recordID.utf8)
        let lineStart = buffer.count
        buffer.append(contentsOf: String(line).utf8)
        size += buffer.count - start
        marks.append(
            Mark(end: size, idLength: UInt32(lineStart - idStart), lineLength: UInt32(buffer.count - lineStart)))
        if buffer.count >= Self.capacity { try flush() }
    }

    /// Writes what is buffered.
    func flush() throws(ImportError) {
        var done = 0
        while done < buffer.count {
            let n = buffer.withUnsafeBytes { write(descriptor, $0.baseAddress! + done, $0.count - done) }
            guard n > 0 else {
                if n < 0 && errno == EINTR { continue }
                throw .write(path: displayPath, reason: String(cString: strerror(errno)))
            }
            done += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func range(_ ordinal: Int) -> (start: Int, textEnd: Int, idEnd: Int, end: Int) {
        let mark = marks[ordinal - 1]
        let start = ordinal > 1 ? marks[ordinal - 2].end : 0
        let idEnd = mark.end - Int(mark.lineLength)
        return (start, idEnd - Int(mark.idLength), idEnd, mark.end)
    }

    /// Up to `count` bytes at `offset` (fewer at the end of the file).
    private func read(count: Int, at offset: Int) throws(ImportError) -> [UInt8] {
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

    /// The record id and line of `ordinal`, read back (for merge reports).
    func recordID(_ ordinal: Int) throws(ImportError) -> (id: String, line: Int) {
        try flush()
        let (_, textEnd, idEnd, end) = range(ordinal)
        let bytes = try read(count: end - textEnd, at: textEnd)
        guard bytes.count == end - textEnd else {
            throw .write(path: displayPath, reason: "temporary file shorter than written")
        }
        let line = Int(String(decoding: bytes[(idEnd - textEnd)...], as: UTF8.self)) ?? 0
        return (String(decoding: bytes[..<(idEnd - textEnd)], as: UTF8.self), line)
    }

    /// Hands the text of each record in `ordinals` (ascending) to `body`, reading the spool in large sequential
    /// chunks.
    func eachText(
        _ ordinals: some Sequence<Int>, _ body: (Int, UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws {
        try flush()
        var window: [UInt8] = []
        var windowStart = 0
        for ordinal in ordinals {
            let (start, textEnd, _, _) = range(ordinal)
            if start < windowStart || textEnd > windowStart + window.count {
                windowStart = start
                window = try read(count: max(Self.capacity * 4, textEnd - start), at: start)
                guard textEnd <= windowStart + window.count else {
                    throw ImportError.write(path: displayPath, reason: "temporary file shorter than written")
                }
            }
            try window.withUnsafeBufferPointer { all in
                try body(ordinal, UnsafeBufferPointer(rebasing: all[(start - windowStart)..<(textEnd - windowStart)]))
            }
        }
    }
}
