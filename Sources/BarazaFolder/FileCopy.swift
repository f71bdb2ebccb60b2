import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Moving bytes between open files: whole writes, whole reads, and kernel copies.
enum FileCopy {
    /// Copies what remains of `input` into `output`. The kernel moves the bytes (`sendfile`, up to 1 GiB a call;
    /// FileManager's copy goes 4 KiB a call, four times the CPU for a large export); where it cannot (`kernelCopy`
    /// false, or a source it refuses), they go through a 1 MiB buffer. Errors name `source` (reading) or
    /// `display` (writing).
    static func copy(from input: Int32, source: String, to output: Int32, display: String, kernelCopy: Bool = true)
        throws(FolderError)
    {
        #if canImport(Glibc)
            while kernelCopy {
                let sent = sendfile(output, input, nil, 1 << 30)
                if sent > 0 || sent < 0 && errno == EINTR { continue }
                if sent == 0 { return }
                guard errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP else {
                    throw .unwritable(display, reason: WorkspaceFolder.systemReason())
                }
                break  // the offset has moved past what was sent: the buffered copy goes on from there
            }
        #endif
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count == 0 { return }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(source, reason: WorkspaceFolder.systemReason())
            }
            try buffer.withUnsafeBufferPointer { (all) throws(FolderError) in
                try writeAll(UnsafeBufferPointer(rebasing: all[0..<count]), to: output, display: display)
            }
        }
    }

    /// Writes all of `bytes` (a write may take fewer, or be interrupted); errors name the file `display`.
    static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32, display: String)
        throws(FolderError)
    {
        if let code = FileBuffer.writeAll(bytes, to: descriptor) {
            throw .unwritable(display, reason: WorkspaceFolder.systemReason(code))
        }
    }

    /// Writes all of `data`; errors name the file `display`.
    static func writeAll(_ data: Data, to descriptor: Int32, display: String) throws(FolderError) {
        let failure: FolderError? = data.withUnsafeBytes { raw in
            do throws(FolderError) {
                try writeAll(raw.bindMemory(to: UInt8.self), to: descriptor, display: display)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    /// Fills `buffer` from `descriptor` as far as the file goes; the count read, or -1 on an error.
    static func readFully(_ descriptor: Int32, into buffer: inout [UInt8]) -> Int {
        var done = 0
        let capacity = buffer.count
        while done < capacity {
            let n = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + done, capacity - done) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                return -1
            }
            done += n
        }
        return done
    }
}
