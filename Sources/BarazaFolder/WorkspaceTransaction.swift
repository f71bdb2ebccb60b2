import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A change to several files of a workspace that a crash cannot leave half done, made under the workspace's
/// exclusive lock.
///
/// New contents are staged under `.baraza/staging/` and flushed to disk. The commit then writes a journal naming
/// every rename and flushes it (`.baraza/journal`, written as `journal.tmp` and renamed: the commit point), makes
/// the renames, flushes the folders, and removes the journal and the `.baraza` folder. A process killed before the
/// commit point has changed nothing (its staged files are dropped); one killed after it leaves a journal that the
/// next command to open the workspace plays to the end, under the lock (``WorkspaceJournal``). Either way the
/// workspace is exactly as before or exactly as after.
///
/// Destinations are plain relative paths, resolved canonically; one that leads outside the workspace (through a
/// symbolic link on the way) is refused before anything is written, and the renames open every folder on the way
/// without following links. Files whose bytes would not change are left alone.
public final class WorkspaceTransaction: @unchecked Sendable {
    /// The workspace being changed.
    public let folder: WorkspaceFolder
    private let lock: WorkspaceLock
    private let privateFolder: Int32
    private let staging: Int32
    private let state = NSLock()
    private var staged: [WorkspaceJournal.Rename] = []
    private var displayed: [String: String] = [:]
    private var nextName = 1
    private var sweptFolders: Set<String> = []
    private var finished = false

    /// Takes the workspace's exclusive lock, completes or drops any change a crash interrupted, and prepares an
    /// empty staging folder. Nothing is written in the workspace until ``commit()``.
    /// - Throws: ``FolderError/lockTimeout(folder:seconds:holder:)``, or why `.baraza` cannot be used.
    public init(_ folder: WorkspaceFolder, waiting: LockWaiting = .standard) throws(FolderError) {
        if WorkspaceLock.heldMode(folder) == .exclusive {
            throw .unwritable(folder.path, reason: "another change of this workspace is under way in this process")
        }
        self.folder = folder
        lock = try WorkspaceLock.acquire(folder, .exclusive, waiting: waiting)
        do {
            try WorkspaceJournal.recover(folder)
            privateFolder = try WorkspaceJournal.openPrivateFolder(folder, create: true)
        } catch {
            lock.release()
            throw error
        }
        let made = mkdirat(privateFolder, WorkspaceJournal.stagingName, 0o700) == 0 || errno == EEXIST
        staging = made ? openat(privateFolder, WorkspaceJournal.stagingName, WorkspaceJournal.folderFlags) : -1
        guard staging >= 0 else {
            let reason = WorkspaceFolder.systemReason()
            close(privateFolder)
            lock.release()
            throw .unwritable(folder.display(WorkspaceFolder.privateFolderName), reason: reason)
        }
        CommitSteps.passed("locked, staging ready")
    }

    deinit { abandon() }

    /// The canonical path of the staging folder, for scratch files that must sit on the workspace's disk (they are
    /// removed with it).
    public var stagingPath: String { folder.root + "/" + WorkspaceFolder.privateFolderName + "/staging" }

    /// Stages `data` as the new content of `relative` (a plain path such as `registrations.yaml`).
    public func stage(_ data: Data, as relative: String) throws(FolderError) {
        let (entry, name, descriptor) = try begin(relative)
        var writer = StagedWriter(descriptor: descriptor, display: folder.display(relative))
        do { try writer.write(data) } catch {
            close(descriptor)
            unlinkat(staging, name, 0)
            throw error
        }
        try finish(entry, relative, name, descriptor, unchanged: sameContents(descriptor, entry))
    }

    /// Stages the file `body` writes as the new content of `relative`; memory stays bounded by the writer's buffer.
    public func stage<E: Error>(as relative: String, _ body: (inout StagedWriter) throws(E) -> Void) throws {
        let (entry, name, descriptor) = try begin(relative)
        var writer = StagedWriter(descriptor: descriptor, display: folder.display(relative))
        do {
            try body(&writer)
            try writer.flush()
        } catch {
            close(descriptor)
            unlinkat(staging, name, 0)
            throw error
        }
        try finish(entry, relative, name, descriptor, unchanged: sameContents(descriptor, entry))
    }

    /// Stages a copy of the file at `source` (a path as the user gave it, read as it is) as `relative`. Nothing is
    /// staged when `relative` already holds the same bytes.
    public func stageCopy(of source: String, as relative: String) throws(FolderError) {
        let input = openPath(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw .unreadable(source, reason: WorkspaceFolder.systemReason()) }
        defer { close(input) }
        let target = try folder.entry(relative)
        if target.exists, let current = try? folder.open(target, written: relative) {
            defer { close(current) }
            if Self.sameBytes(input, current) { return }
            lseek(input, 0, SEEK_SET)
        }
        let (entry, name, descriptor) = try begin(relative)
        var status = stat()
        if fstat(input, &status) == 0 { fchmod(descriptor, status.st_mode & 0o777) }
        do {
            try FileCopy.copy(from: input, source: source, to: descriptor, display: folder.display(relative))
        } catch {
            close(descriptor)
            unlinkat(staging, name, 0)
            throw error
        }
        try finish(entry, relative, name, descriptor, unchanged: false)
    }

    /// The paths (relative to the workspace) staged so far with new content.
    public var changes: [String] { state.withLock { staged.map(\.destination) } }

    /// Puts every staged file in place, all or nothing, then releases the lock. Returns the paths that changed.
    /// - Throws: why a destination cannot be written (nothing changed then), or ``FolderError/unfinished(_:reason:)``
    ///   when the system failed after the commit point (the next command completes the change).
    @discardableResult
    public func commit() throws(FolderError) -> [String] {
        let renames = state.withLock { staged }
        precondition(!finished, "a transaction commits once")
        defer { abandon() }
        guard !renames.isEmpty else { return [] }
        try checkDestinations(renames)
        try WorkspaceJournal.write(renames, in: privateFolder, display: folder.display(journalRelative))
        CommitSteps.passed("journal written")
        guard renameat(privateFolder, WorkspaceJournal.temporaryName, privateFolder, WorkspaceJournal.name) == 0 else {
            throw .unwritable(folder.display(journalRelative), reason: WorkspaceFolder.systemReason())
        }
        fsync(privateFolder)
        CommitSteps.passed("committed: journal in place")
        do {
            try WorkspaceJournal.apply(renames, folder: folder, staging: staging)
        } catch {
            throw .unfinished(error.path, reason: error.reason)
        }
        unlinkat(privateFolder, WorkspaceJournal.name, 0)
        fsync(privateFolder)
        CommitSteps.passed("journal removed")
        state.withLock { staged = [] }
        return renames.map(\.destination)
    }

    /// Drops whatever was staged and releases the lock (what ``commit()`` does last). Idempotent.
    public func abandon() {
        let first = state.withLock {
            defer { finished = true }
            return !finished
        }
        guard first else { return }
        close(staging)
        WorkspaceJournal.clean(privateFolder)
        close(privateFolder)
        WorkspaceJournal.removePrivateFolder(folder)
        CommitSteps.passed("cleaned")
        lock.release()
    }

    private var journalRelative: String { WorkspaceFolder.privateFolderName + "/" + WorkspaceJournal.name }

    /// Resolves `relative` and opens a new staged file for it.
    private func begin(_ relative: String) throws(FolderError) -> (WorkspaceFolder.Entry, String, Int32) {
        let entry = try folder.entry(relative)
        if entry.exists {
            var status = stat()
            guard lstat(entry.canonical, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
                throw .notAFile(folder.display(relative))
            }
        }
        sweepTemporaries(beside: entry.relative)
        let name = state.withLock {
            defer { nextName += 1 }
            return String(nextName)
        }
        let descriptor = openat(staging, name, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .unwritable(folder.display(relative), reason: WorkspaceFolder.systemReason())
        }
        CommitSteps.passed("staging \(entry.relative)")
        return (entry, name, descriptor)
    }

    /// Flushes and closes a staged file, then records it (or drops it when the destination holds the same bytes).
    private func finish(
        _ entry: WorkspaceFolder.Entry, _ written: String, _ name: String, _ descriptor: Int32, unchanged: Bool
    ) throws(FolderError) {
        if unchanged {
            close(descriptor)
            unlinkat(staging, name, 0)
            return
        }
        let flushed = fsync(descriptor) == 0
        let reason = WorkspaceFolder.systemReason()
        close(descriptor)
        guard flushed else {
            unlinkat(staging, name, 0)
            throw .unwritable(folder.display(written), reason: reason)
        }
        let replaced: String? = state.withLock {
            let earlier = staged.firstIndex { $0.destination == entry.relative }
            let old = earlier.map { staged.remove(at: $0).staged }
            staged.append(WorkspaceJournal.Rename(staged: name, destination: entry.relative))
            displayed[entry.relative] = folder.display(written)
            return old
        }
        if let replaced { unlinkat(staging, replaced, 0) }
        CommitSteps.passed("staged \(entry.relative)")
    }

    /// Whether the staged file at `descriptor` holds what `entry` already holds.
    private func sameContents(_ descriptor: Int32, _ entry: WorkspaceFolder.Entry) -> Bool {
        guard entry.exists, let current = try? folder.open(entry, written: entry.relative) else { return false }
        defer { close(current) }
        lseek(descriptor, 0, SEEK_SET)
        return Self.sameBytes(descriptor, current)
    }

    /// Before the commit point: each destination is a regular file or nothing, and its folder exists or can be
    /// made, writable, on the staging folder's file system (so no rename can fail for want of them afterwards).
    private func checkDestinations(_ renames: [WorkspaceJournal.Rename]) throws(FolderError) {
        var stagingStatus = stat()
        fstat(staging, &stagingStatus)
        for rename in renames {
            let shown = displayed[rename.destination] ?? folder.display(rename.destination)
            let entry: WorkspaceFolder.Entry
            do { entry = try folder.entry(rename.destination) } catch { throw error.named(shown) }
            guard entry.relative == rename.destination else { throw .changed(shown) }
            var existing = entry.canonical
            var status = stat()
            if lstat(existing, &status) == 0 {
                guard status.st_mode & S_IFMT == S_IFREG else { throw .notAFile(shown) }
            }
            repeat {
                existing = PathText.parent(of: existing)
            } while lstat(existing, &status) != 0 && existing != folder.root
            guard status.st_mode & S_IFMT == S_IFDIR else { throw .notAFile(folder.display(existing)) }
            guard access(existing, W_OK) == 0 else {
                throw .unwritable(shown, reason: WorkspaceFolder.systemReason())
            }
            guard status.st_dev == stagingStatus.st_dev else {
                throw .unwritable(shown, reason: "its folder is on another file system than the workspace")
            }
        }
    }

    /// Removes `.<name>.tmp-<pid>` files that earlier versions of Baraza (or an atomic write of a process that
    /// died) left in the folder of `relative`, when no process `<pid>` is running. Once per folder.
    private func sweepTemporaries(beside relative: String) {
        let parent = PathText.parent(of: relative)
        let first = state.withLock { sweptFolders.insert(parent).inserted }
        guard first else { return }
        let canonical = parent.isEmpty ? folder.root : folder.root + "/" + parent
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: canonical) else { return }
        let pattern = /\..+\.tmp-([0-9]{1,10})/
        let stale = names.filter { name in
            guard let match = name.wholeMatch(of: pattern), let pid = Int32(match.1) else { return false }
            return kill(pid, 0) != 0 && errno == ESRCH
        }
        guard !stale.isEmpty, let opened = try? folder.openParent(of: parent + "/x", written: parent, create: false)
        else { return }
        let descriptor = opened.0
        defer { close(descriptor) }
        for name in stale {
            var status = stat()
            if fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0, status.st_mode & S_IFMT == S_IFREG {
                unlinkat(descriptor, name, 0)
            }
        }
    }

    /// Whether two open files hold the same bytes from their current offsets, compared 1 MiB at a time.
    static func sameBytes(_ a: Int32, _ b: Int32) -> Bool {
        var sa = stat()
        var sb = stat()
        guard fstat(a, &sa) == 0, fstat(b, &sb) == 0, sa.st_size == sb.st_size else { return false }
        var bufferA = [UInt8](repeating: 0, count: 1 << 20)
        var bufferB = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let ca = FileCopy.readFully(a, into: &bufferA)
            let cb = FileCopy.readFully(b, into: &bufferB)
            guard ca == cb, ca >= 0 else { return false }
            if ca == 0 { return true }
            if bufferA[0..<ca] != bufferB[0..<cb] { return false }
        }
    }
}

extension FolderError {
    /// The same error about `path` instead (a caller names the file as its user knows it).
    public func named(_ path: String) -> FolderError {
        switch self {
        case .outside: return .outside(path)
        case .invalidPath: return .invalidPath(path)
        case .notFound: return .notFound(path)
        case .notAFile: return .notAFile(path)
        case .changed: return .changed(path)
        case .unreadable(_, let reason): return .unreadable(path, reason: reason)
        case .unwritable(_, let reason): return .unwritable(path, reason: reason)
        default: return self
        }
    }
}

/// Buffers bytes and hands them to a staged file 256 KiB at a time (a ``FileBuffer``); errors name the file.
public struct StagedWriter {
    private var file: FileBuffer
    private let display: String

    init(descriptor: Int32, display: String) {
        self.file = FileBuffer(descriptor: descriptor, capacity: 1 << 18)
        self.display = display
    }

    /// Appends UTF-8 text.
    public mutating func write(_ text: String) throws(FolderError) {
        var text = text
        if let code = text.withUTF8({ file.append($0) }) { throw failure(code) }
    }

    /// Appends raw bytes.
    public mutating func write(bytes: UnsafeBufferPointer<UInt8>) throws(FolderError) {
        if let code = file.append(bytes) { throw failure(code) }
    }

    /// Writes out what is buffered, then `data` at once (``WorkspaceTransaction/stage(_:as:)`` relies on it: nothing
    /// is left in the buffer).
    public mutating func write(_ data: Data) throws(FolderError) {
        try flush()
        let code = data.withUnsafeBytes { FileBuffer.writeAll($0.bindMemory(to: UInt8.self), to: file.descriptor) }
        if let code { throw failure(code) }
    }

    /// Writes out what is buffered.
    public mutating func flush() throws(FolderError) {
        if let code = file.flush() { throw failure(code) }
    }

    private func failure(_ code: Int32) -> FolderError {
        .unwritable(display, reason: WorkspaceFolder.systemReason(code))
    }
}

/// The commit's steps, for the crash test: with `BARAZA_TEST_KILL_AFTER_STEP=N` in the environment, the process
/// kills itself (SIGKILL) right after the N-th step of any transaction; with `BARAZA_TEST_TRACE_STEPS=1` it
/// names each step on standard error. A test hook: read by the commit code only, never needed in normal use.
enum CommitSteps {
    static let killAfter = ProcessInfo.processInfo.environment["BARAZA_TEST_KILL_AFTER_STEP"].flatMap { Int($0) }
    static let trace = ProcessInfo.processInfo.environment["BARAZA_TEST_TRACE_STEPS"] == "1"
    private static let counter = Counter()

    static func passed(_ step: String) {
        guard killAfter != nil || trace else { return }
        let number = counter.next()
        if trace { FileHandle.standardError.write(Data("commit step \(number): \(step)\n".utf8)) }
        if number == killAfter { kill(getpid(), SIGKILL) }
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func next() -> Int {
            lock.withLock {
                value += 1
                return value
            }
        }
    }
}
