import Foundation

/// Writes several files into a workspace all or nothing: every new content goes to a temporary file beside its
/// destination first; only when all are staged are they renamed over their destinations. Files whose bytes would
/// not change are left alone (so a repeated import touches nothing).
struct WorkspaceFiles {
    let root: String

    enum Change {
        /// Copy a file verbatim (streamed, never held whole in memory).
        case copy(from: String, to: String)
        /// Rename a copy staged earlier with ``stageCopy(from:to:)`` into place.
        case staged(StagedCopy)
        /// Write UTF-8 text.
        case text(String, to: String)
        /// Add `item` to `event.yaml`'s top-level `include:` list, keeping everything else as written.
        case eventInclude(String)
        /// Write a file through a buffered writer (bounded memory, whatever its size).
        case stream(to: String, (inout StagedWriter) throws -> Void)
    }

    func commit(_ changes: [Change]) throws(ImportError) {
        let fm = FileManager.default
        var staged: [(temporary: String, destination: String)] = []
        var createdFolders: [String] = []
        var stagedCopies: [StagedCopy] = []
        func cleanUp() {
            for s in staged { try? fm.removeItem(atPath: s.temporary) }
            for folder in createdFolders.reversed() { try? fm.removeItem(atPath: folder) }
        }
        do {
            for change in changes {
                let relative: String
                let data: Data?
                switch change {
                case .copy(let from, let to):
                    relative = to
                    data = nil
                    let destination = path(to)
                    if Self.sameContents(from, destination) { continue }
                    let temporary = try prepare(destination, createdFolders: &createdFolders)
                    try Self.copyFile(from: from, to: temporary, naming: to)
                    staged.append((temporary, destination))
                    continue
                case .staged(let copy):
                    if let temporary = copy.temporary {
                        staged.append((temporary, copy.destination))
                        stagedCopies.append(copy)
                    }
                    continue
                case .text(let text, let to):
                    relative = to
                    data = Data(text.utf8)
                case .stream(let to, let body):
                    let destination = path(to)
                    let temporary = try prepare(destination, createdFolders: &createdFolders)
                    guard fm.createFile(atPath: temporary, contents: nil),
                        let handle = FileHandle(forWritingAtPath: temporary)
                    else { throw ImportError.write(path: to, reason: "cannot create a temporary file") }
                    staged.append((temporary, destination))
                    var writer = StagedWriter(handle: handle)
                    do {
                        try body(&writer)
                        try writer.flush()
                        try handle.close()
                    } catch {
                        try? handle.close()
                        throw error
                    }
                    if Self.sameContents(temporary, destination) {
                        staged.removeLast()
                        try? fm.removeItem(atPath: temporary)
                    }
                    continue
                case .eventInclude(let item):
                    relative = "event.yaml"
                    let current = try String(contentsOfFile: path(relative), encoding: .utf8)
                    let updated = Self.addInclude(item, to: current)
                    data = updated == current ? nil : Data(updated.utf8)
                }
                guard let data else { continue }
                let destination = path(relative)
                if fm.contents(atPath: destination) == data { continue }
                let temporary = try prepare(destination, createdFolders: &createdFolders)
                guard fm.createFile(atPath: temporary, contents: data) else {
                    throw ImportError.write(path: relative, reason: "cannot create a temporary file")
                }
                staged.append((temporary, destination))
            }
            for s in staged {
                guard rename(s.temporary, s.destination) == 0 else {
                    throw ImportError.write(path: s.destination, reason: String(cString: strerror(errno)))
                }
            }
            for copy in stagedCopies { copy.committed = true }
        } catch let error as ImportError {
            cleanUp()
            throw error
        } catch {
            cleanUp()
            throw .write(path: root, reason: "\(error)")
        }
    }

    /// Copies `from` to a temporary file beside `relative`, ahead of the ``commit(_:)`` that will rename it into
    /// place (a large export is copied while it is being read, not after). Nothing is staged when the destination
    /// already holds the same bytes.
    func stageCopy(from: String, to relative: String) throws(ImportError) -> StagedCopy {
        let destination = path(relative)
        if Self.sameContents(from, destination) { return StagedCopy(temporary: nil, destination: destination) }
        var createdFolders: [String] = []
        do {
            let temporary = try prepare(destination, createdFolders: &createdFolders)
            let copy = StagedCopy(temporary: temporary, destination: destination)
            copy.createdFolder = createdFolders.first
            try Self.copyFile(from: from, to: temporary, naming: relative)
            return copy
        } catch {
            for folder in createdFolders { rmdir(folder) }
            throw error as? ImportError ?? .write(path: relative, reason: "\(error)")
        }
    }

    private func path(_ relative: String) -> String { (root as NSString).appendingPathComponent(relative) }

    private func prepare(_ destination: String, createdFolders: inout [String]) throws -> String {
        let folder = (destination as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
            createdFolders.append(folder)
        }
        let name = (destination as NSString).lastPathComponent
        return (folder as NSString).appendingPathComponent(".\(name).tmp-\(getpid())")
    }

    /// Copies the bytes of `from` into a new file `to` (which must not exist), with the source's permission bits;
    /// write errors name the copy `name`. The kernel moves the bytes (`sendfile`, up to 1 GiB a call;
    /// FileManager's copy goes 4 KiB a call, four times the CPU for a large export); where it cannot (`kernelCopy`
    /// false, or a source it refuses), they go through a 1 MiB buffer. A copy that fails removes what it wrote.
    static func copyFile(from: String, to: String, naming name: String, kernelCopy: Bool = true) throws(ImportError) {
        func unreadable() -> ImportError { .unreadable(path: from, reason: String(cString: strerror(errno))) }
        let input = open(from, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw unreadable() }
        defer { close(input) }
        var status = stat()
        guard fstat(input, &status) == 0 else { throw unreadable() }
        let output = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, status.st_mode & 0o777)
        guard output >= 0 else { throw .write(path: name, reason: String(cString: strerror(errno))) }
        var copied = false
        defer {
            close(output)
            if !copied { unlink(to) }
        }
        while kernelCopy {
            let sent = sendfile(output, input, nil, 1 << 30)
            if sent > 0 || sent < 0 && errno == EINTR { continue }
            if sent == 0 {
                copied = true
                return
            }
            guard errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP else {
                throw .write(path: name, reason: String(cString: strerror(errno)))
            }
            break  // the offset has moved past what was sent: the buffered copy goes on from there
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw unreadable()
            }
            try writeAll(buffer[0..<count], to: output, naming: name)
        }
        copied = true
    }

    /// Compares two files in 1 MiB chunks.
    static func sameContents(_ a: String, _ b: String) -> Bool {
        let fm = FileManager.default
        guard let sa = (try? fm.attributesOfItem(atPath: a))?[.size] as? NSNumber,
            let sb = (try? fm.attributesOfItem(atPath: b))?[.size] as? NSNumber, sa == sb,
            let ha = FileHandle(forReadingAtPath: a), let hb = FileHandle(forReadingAtPath: b)
        else { return false }
        defer {
            try? ha.close()
            try? hb.close()
        }
        while true {
            let ca = (try? ha.read(upToCount: 1 << 20)) ?? Data()
            let cb = (try? hb.read(upToCount: 1 << 20)) ?? Data()
            if ca != cb { return false }
            if ca.isEmpty { return true }
        }
    }

    /// `event.yaml` with `item` in its top-level `include:` list: appended to a block list, a flow list, or a new
    /// `include:` key at the end. Unchanged when already listed.
    static func addInclude(_ item: String, to text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        guard let keyLine = lines.firstIndex(where: { $0.hasPrefix("include:") }) else {
            var out = text
            if !out.hasSuffix("\n") && !out.isEmpty { out += "\n" }
            return out + "\ninclude:\n  - \(item)\n"
        }
        let rest = lines[keyLine].dropFirst("include:".count).trimmingCharacters(in: .whitespaces)
        if rest.hasPrefix("[") {
            guard let close = rest.lastIndex(of: "]") else { return text }
            let inner = rest[rest.index(after: rest.startIndex)..<close]
            let items = inner.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if items.contains(item) || items.contains("\"\(item)\"") { return text }
            let joined = (items.filter { !$0.isEmpty } + [item]).joined(separator: ", ")
            lines[keyLine] = "include: [\(joined)]" + rest[rest.index(after: close)...]
            return lines.joined(separator: "\n")
        }
        var last = keyLine
        var indent = "  "
        var index = keyLine + 1
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") {
                index += 1
                continue
            }
            guard line.first == " " || line.first == "-" else { break }
            if trimmed.hasPrefix("- ") {
                indent = String(line.prefix(while: { $0 == " " }))
                let value = trimmed.dropFirst(2).trimmingCharacters(in: .whitespaces)
                if value == item || value == "\"\(item)\"" { return text }
            }
            last = index
            index += 1
        }
        lines.insert("\(indent)- \(item)", at: last + 1)
        return lines.joined(separator: "\n")
    }
}

/// A file copied beside its destination, waiting for the commit that renames it into place. Dropped without a
/// commit, it removes itself and the folder created for it (only if still empty), so a refused import leaves
/// nothing behind.
final class StagedCopy {
    /// The staged file; nil when the destination already held the same bytes.
    let temporary: String?
    let destination: String
    fileprivate(set) var createdFolder: String?
    fileprivate(set) var committed = false
    private var discarded = false

    init(temporary: String?, destination: String) {
        self.temporary = temporary
        self.destination = destination
    }

    deinit { discard() }

    /// Removes the staged file and the folder created for it (if still empty), unless committed. Idempotent.
    func discard() {
        guard !committed && !discarded else { return }
        discarded = true
        if let temporary { unlink(temporary) }
        if let createdFolder { rmdir(createdFolder) }
    }
}

/// Buffers UTF-8 text and hands it to a staged temporary file 256 KiB at a time.
struct StagedWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private static let capacity = 1 << 18

    init(handle: FileHandle) {
        self.handle = handle
        buffer.reserveCapacity(Self.capacity)
    }

    mutating func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.capacity { try flush() }
    }

    /// Appends raw UTF-8 bytes.
    mutating func write(bytes: UnsafeBufferPointer<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.capacity { try flush() }
    }

    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Writes all of `bytes` to `descriptor` (a write may take fewer, or be interrupted); errors name the file `name`.
func writeAll(_ bytes: ArraySlice<UInt8>, to descriptor: Int32, naming name: String) throws(ImportError) {
    var done = bytes.startIndex
    while done < bytes.endIndex {
        let n = bytes[done...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard n > 0 else {
            if n < 0 && errno == EINTR { continue }
            throw .write(path: name, reason: n == 0 ? "nothing written" : String(cString: strerror(errno)))
        }
        done += n
    }
}
