import CZlib
import Foundation
import ZIPFoundation

/// Writes a zip front to back in the classic format, byte for byte as ZIPFoundation's `Archive` writes the same
/// entries (local header rewritten once the data's CRC-32 and size are known, no data descriptors, UTF-8 names,
/// version made by 789, entries `-rw-r--r--`), and deflates as ZIPFoundation's `Data.compress` does (`deflate(size:provider:consumer:)`). What it
/// adds: an entry compressed once (`PreparedContent`) is copied as it is, so packs that share the agenda page
/// do not deflate it again, and each zip is written once rather than its central directory rewritten after each
/// entry. A zip that would need ZIP64 records (4 GiB, 65,535 entries) is refused with `Failure.tooLarge`: the
/// caller then writes it through `Archive`.
final class ZipStream {
    enum Failure: Error {
        case pack(PackError)
        /// Past the classic format's limits.
        case tooLarge
    }

    private let file: UnsafeMutablePointer<FILE>
    private let url: URL
    private let time: UInt16
    private let date: UInt16
    private var central: [UInt8] = []
    private var count = 0
    private var offset: UInt64 = 0
    private var open = true

    /// Creates (or truncates) the zip at `url`; every entry carries `modificationDate` (read in UTC).
    init(_ url: URL, modificationDate: Date) throws(PackError) {
        guard let file = fopen(url.path, "wb") else {
            throw .couldNotWrite(path: url.path, reason: String(cString: strerror(errno)))
        }
        setvbuf(file, nil, _IOFBF, 1 << 18)
        self.file = file
        self.url = url
        var seconds = time_t(modificationDate.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let year = min(max(Int(parts.tm_year) + 1900, 1980), 2099)
        date = UInt16(Int(parts.tm_mday) + (Int(parts.tm_mon) + 1) * 32 + (year - 1980) * 512)
        time = UInt16(Int(parts.tm_sec) / 2 + Int(parts.tm_min) * 32 + Int(parts.tm_hour) * 2048)
    }

    deinit { abandon() }

    /// Closes the file without finishing the zip (the caller removes it).
    func abandon() {
        if open { fclose(file) }
        open = false
    }

    /// Whether entries whose sizes are known already pass the classic format's limits (then `Archive` writes
    /// the zip from the start).
    static func fits(_ entries: [PackEntry]) -> Bool {
        var known: UInt64 = 0
        for entry in entries {
            switch entry.content {
            case .data(let d): known += UInt64(d.count)
            case .file(_, let size): known += UInt64(max(size, 0))
            case .prepared(let p): known += UInt64(p.stored.count)
            case .generated: break
            }
        }
        return entries.count < 0xFFFF && known < 0xF000_0000
    }

    /// The CRC-32 of `data`, as zip stores it.
    static func crc32(_ data: Data, continuing checksum: UInt32 = 0) -> UInt32 {
        data.withUnsafeBytes { raw in
            UInt32(CZlib.crc32(uLong(checksum), raw.bindMemory(to: Bytef.self).baseAddress, uInt(raw.count)))
        }
    }

    /// zlib's raw deflate with the settings and the calls of ZIPFoundation's `Data.compress` (default level,
    /// 15-bit window, memory level 9; input in `chunkSize` pieces, the last one with `Z_FINISH`; output in
    /// `chunkSize` pieces), so the stream is byte for byte the one `Archive` writes, with zlib's CRC-32 (which
    /// ZIPFoundation computes in Swift on Linux). Returns the CRC-32 of the input.
    static func deflate(
        size: Int64, provider: (Int64, Int) throws -> Data, consumer: (UnsafeRawBufferPointer) throws -> Void
    ) throws -> UInt32 {
        let chunkSize = DeterministicZip.chunkSize
        var stream = z_stream()
        var result = deflateInit2_(
            &stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
            Int32(MemoryLayout<z_stream>.size))
        guard result == Z_OK else { throw PackError.couldNotWrite(path: "(deflate)", reason: "zlib error \(result)") }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: chunkSize)
        var crc: UInt32 = 0
        var position: Int64 = 0
        var flush = Z_NO_FLUSH
        repeat {
            let readSize = Int(min(size - position, Int64(chunkSize)))
            var input = try provider(position, readSize)
            crc = crc32(input, continuing: crc)
            flush = position + Int64(chunkSize) >= size ? Z_FINISH : Z_NO_FLUSH
            let count = input.count
            try input.withUnsafeMutableBytes { (raw: UnsafeMutableRawBufferPointer) in
                stream.avail_in = UInt32(count)
                stream.next_in = count == 0 ? nil : raw.baseAddress?.assumingMemoryBound(to: Bytef.self)
                if count == 0 { flush = Z_FINISH }
                repeat {
                    try output.withUnsafeMutableBytes { (out: UnsafeMutableRawBufferPointer) in
                        stream.avail_out = UInt32(chunkSize)
                        stream.next_out = out.baseAddress?.assumingMemoryBound(to: Bytef.self)
                        result = CZlib.deflate(&stream, flush)
                        guard result >= Z_OK else {
                            throw PackError.couldNotWrite(path: "(deflate)", reason: "zlib error \(result)")
                        }
                        try consumer(UnsafeRawBufferPointer(rebasing: out[0..<(chunkSize - Int(stream.avail_out))]))
                    }
                } while stream.avail_out == 0
            }
            position += Int64(readSize)
        } while flush != Z_FINISH
        return crc
    }

    /// Writes one entry and returns its SHA-256 for the manifest.
    func add(_ entry: PackEntry) throws(Failure) -> WrittenEntry {
        var entry = entry
        if case .generated(let make) = entry.content { entry.content = .data(make()) }
        let name = Array(entry.path.utf8)
        let start = offset
        guard start < 0xFFFF_FFFF, count + 1 < 0xFFFF else { throw .tooLarge }
        let deflates = entry.compresses
        let crc: UInt32
        let written: UInt64
        let size: UInt64
        let sha256: String
        switch entry.content {
        case .generated: preconditionFailure("generated content is made above")
        case .prepared(let prepared):
            precondition(prepared.deflated == deflates, "prepared with another compression method")
            size = UInt64(prepared.data.count)
            written = UInt64(prepared.stored.count)
            crc = prepared.crc32
            sha256 = prepared.sha256
            guard size < 0xFFFF_FFFF, written < 0xFFFF_FFFF else { throw .tooLarge }
            try put(localHeader(name, deflates: deflates, crc: crc, compressed: written, size: size), entry)
            try put(prepared.stored, entry)
        case .data(let data):
            size = UInt64(data.count)
            let hasher = StreamingHash()
            try put(localHeader(name, deflates: deflates, crc: 0, compressed: 0, size: size), entry)
            (crc, written) = try stream(entry, size: Int64(data.count), deflates: deflates) { position, count in
                let from = data.startIndex + Int(position)
                let chunk = Data(data[from..<min(from + count, data.endIndex)])
                hasher.update(chunk)
                return chunk
            }
            sha256 = hasher.hexDigest()
        case .file(let path, let fileSize):
            size = UInt64(max(fileSize, 0))
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw .pack(.materialChanged(path: path))
            }
            defer { try? handle.close() }
            let hasher = StreamingHash()
            try put(localHeader(name, deflates: deflates, crc: 0, compressed: 0, size: size), entry)
            (crc, written) = try stream(entry, size: fileSize, deflates: deflates) { _, count in
                let chunk = try handle.read(upToCount: count) ?? Data()
                // A file that shrank would give a short chunk; one that grew is caught below.
                guard chunk.count == count else { throw PackError.materialChanged(path: path) }
                hasher.update(chunk)
                return chunk
            }
            if let extra = try? handle.read(upToCount: 1), !extra.isEmpty {
                throw .pack(.materialChanged(path: path))
            }
            sha256 = hasher.hexDigest()
        }
        guard size < 0xFFFF_FFFF, written < 0xFFFF_FFFF else { throw .tooLarge }
        if case .prepared = entry.content {
        } else {
            // The local header again, now with the CRC-32 and the sizes, as `Archive` does.
            fseeko(file, off_t(start), SEEK_SET)
            try put(localHeader(name, deflates: deflates, crc: crc, compressed: written, size: size), entry)
            offset -= UInt64(30 + name.count)
            fseeko(file, off_t(offset), SEEK_SET)
        }
        var record: [UInt8] = []
        record.reserveCapacity(46 + name.count)
        Self.append(UInt32(0x0201_4b50), to: &record)
        Self.append(UInt16(789), to: &record)
        record += Self.commonFields(
            deflates: deflates, time: time, date: date, crc: crc, compressed: written, size: size)
        Self.append(UInt16(name.count), to: &record)
        Self.append(UInt16(0), to: &record)  // extra field
        Self.append(UInt16(0), to: &record)  // comment
        Self.append(UInt16(0), to: &record)  // disk number
        Self.append(UInt16(0), to: &record)  // internal attributes
        Self.append(UInt32(0o100644) << 16, to: &record)  // a regular file, rw-r--r--
        Self.append(UInt32(start), to: &record)
        record += name
        central += record
        count += 1
        return WrittenEntry(entry: entry, sha256: sha256)
    }

    /// Writes the central directory and its end record, and closes the file.
    func finish() throws(Failure) {
        let start = offset
        guard start < 0xFFFF_FFFF, UInt64(central.count) < 0xFFFF_FFFF, count < 0xFFFF else { throw .tooLarge }
        var end: [UInt8] = []
        Self.append(UInt32(0x0605_4b50), to: &end)
        Self.append(UInt16(0), to: &end)
        Self.append(UInt16(0), to: &end)
        Self.append(UInt16(count), to: &end)
        Self.append(UInt16(count), to: &end)
        Self.append(UInt32(central.count), to: &end)
        Self.append(UInt32(start), to: &end)
        Self.append(UInt16(0), to: &end)
        try write(central, naming: url.path)
        try write(end, naming: url.path)
        open = false
        if fclose(file) != 0 { throw .pack(.couldNotWrite(path: url.path, reason: String(cString: strerror(errno)))) }
    }

    // MARK: Bytes

    private func localHeader(_ name: [UInt8], deflates: Bool, crc: UInt32, compressed: UInt64, size: UInt64)
        -> [UInt8]
    {
        var header: [UInt8] = []
        header.reserveCapacity(30 + name.count)
        Self.append(UInt32(0x0403_4b50), to: &header)
        header += Self.commonFields(
            deflates: deflates, time: time, date: date, crc: crc, compressed: compressed, size: size)
        Self.append(UInt16(name.count), to: &header)
        Self.append(UInt16(0), to: &header)
        return header + name
    }

    /// From "version needed to extract" to the uncompressed size: the same in both headers.
    private static func commonFields(
        deflates: Bool, time: UInt16, date: UInt16, crc: UInt32, compressed: UInt64, size: UInt64
    ) -> [UInt8] {
        var out: [UInt8] = []
        append(UInt16(20), to: &out)
        append(UInt16(2048), to: &out)  // names are UTF-8
        append(UInt16(deflates ? 8 : 0), to: &out)
        append(time, to: &out)
        append(date, to: &out)
        append(crc, to: &out)
        append(UInt32(truncatingIfNeeded: compressed), to: &out)
        append(UInt32(truncatingIfNeeded: size), to: &out)
        return out
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Streams `size` bytes from `provider`, deflated or stored; returns their CRC-32 and the bytes written.
    private func stream(
        _ entry: PackEntry, size: Int64, deflates: Bool, _ provider: (Int64, Int) throws -> Data
    ) throws(Failure) -> (UInt32, UInt64) {
        let before = offset
        do {
            if deflates {
                let crc = try Self.deflate(
                    size: size, provider: provider,
                    consumer: { [self] chunk in
                        if !write(chunk) {
                            throw PackError.couldNotWrite(path: entry.path, reason: String(cString: strerror(errno)))
                        }
                    })
                return (crc, offset - before)
            }
            var crc: UInt32 = 0
            var position: Int64 = 0
            while position < size {
                let chunk = try provider(position, Int(min(Int64(DeterministicZip.chunkSize), size - position)))
                crc = Self.crc32(chunk, continuing: crc)
                try put(chunk, entry)
                position += Int64(chunk.count)
            }
            return (crc, offset - before)
        } catch let failure as Failure {
            throw failure
        } catch let error as PackError {
            throw .pack(error)
        } catch {
            throw .pack(.couldNotWrite(path: entry.path, reason: DeterministicZip.systemReason(error)))
        }
    }

    private func put(_ bytes: [UInt8], _ entry: PackEntry) throws(Failure) { try write(bytes, naming: entry.path) }

    private func put(_ data: Data, _ entry: PackEntry) throws(Failure) {
        let done = data.withUnsafeBytes { raw in write(raw) }
        if !done { throw .pack(.couldNotWrite(path: entry.path, reason: String(cString: strerror(errno)))) }
    }

    private func write(_ bytes: [UInt8], naming path: String) throws(Failure) {
        let done = bytes.withUnsafeBytes { raw in write(raw) }
        if !done { throw .pack(.couldNotWrite(path: path, reason: String(cString: strerror(errno)))) }
    }

    /// Whether all of `raw` was handed to the file.
    private func write(_ raw: UnsafeRawBufferPointer) -> Bool {
        guard raw.count > 0 else { return true }
        guard fwrite(raw.baseAddress, 1, raw.count, file) == raw.count else { return false }
        offset += UInt64(raw.count)
        return true
    }
}
