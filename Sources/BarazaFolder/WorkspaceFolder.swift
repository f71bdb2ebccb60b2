import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An event workspace's folder, the boundary Baraza reads and writes inside.
///
/// Whether a path is inside is decided on canonical paths (absolute, symbolic links resolved, `.` and `..`
/// collapsed), whatever form the workspace path was given in: `include: ../../x.yaml` and a symbolic link to
/// `/etc/passwd` are both outside. Files are then opened from the folder down, one component at a time, without
/// following symbolic links (`openat` with `O_NOFOLLOW`), so a folder swapped for a link after the check is
/// refused rather than followed.
public struct WorkspaceFolder: Sendable, Hashable {
    /// The folder as the user named it (`events/kigali`), for messages.
    public let path: String
    /// The folder's canonical path.
    public let root: String

    /// The name of the folder Baraza keeps its own files in while it changes a workspace (see ``WorkspaceTransaction``).
    public static let privateFolderName = ".baraza"

    /// The folder at `path` (relative to the current directory, or absolute).
    /// - Throws: ``FolderError/noSuchFolder(_:)`` or ``FolderError/notAFolder(_:)``.
    public init(_ path: String) throws(FolderError) {
        let given = path.isEmpty ? "." : path
        guard let real = Self.realPath(given) else {
            if errno == ENOENT || errno == ENOTDIR { throw .noSuchFolder(path) }
            throw .unreadable(path, reason: Self.systemReason())
        }
        var status = stat()
        guard stat(real, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { throw .notAFolder(path) }
        self.path = path
        self.root = real
    }

    /// A file or folder the workspace names, resolved.
    public struct Entry: Sendable, Hashable {
        /// Its canonical path.
        public let canonical: String
        /// Its path relative to the workspace folder (empty for the folder itself), with no `.`, `..` or link.
        public let relative: String
        /// Whether something is there.
        public let exists: Bool
    }

    /// Where `written` leads, read relative to the folder `base` (relative to the workspace; empty: the workspace
    /// folder itself), as the system would follow it.
    /// - Throws: ``FolderError/absolute(_:)``, ``FolderError/outside(_:)`` (also for a dangling symbolic link whose
    ///   target would be outside), ``FolderError/invalidPath(_:)`` for an empty path or a NUL byte, or
    ///   ``FolderError/unreadable(_:reason:)`` (a loop of links, a folder that cannot be searched). Each names
    ///   `written`.
    public func resolve(_ written: String, from base: String = "") throws(FolderError) -> Entry {
        guard !written.isEmpty, !written.utf8.contains(0) else { throw .invalidPath(written) }
        guard !written.hasPrefix("/") else { throw .absolute(written) }
        var joined = root == "/" ? "" : root
        if !base.isEmpty { joined += "/" + base }
        joined += "/" + written
        // Resolve the longest prefix that exists; what does not exist yet is applied lexically, which is exact on a
        // canonical path.
        var head = joined
        var missing: [String] = []
        var real: String?
        while real == nil {
            if let resolved = Self.realPath(head) {
                real = resolved
                break
            }
            let failure = errno
            guard failure == ENOENT || failure == ENOTDIR else {
                throw .unreadable(written, reason: failure == ELOOP ? "a loop of symbolic links" : Self.systemReason())
            }
            var status = stat()
            if lstat(head, &status) == 0, status.st_mode & S_IFMT == S_IFLNK, !danglingLinkStaysInside(head) {
                throw .outside(written)
            }
            let name = (head as NSString).lastPathComponent
            let parent = PathText.parent(of: head)
            guard !parent.isEmpty, parent != head else { break }
            missing.insert(name, at: 0)
            head = parent
        }
        var components = (real ?? "/").split(separator: "/").map(String.init)
        for name in missing {
            if name == "." || name.isEmpty { continue }
            if name == ".." {
                if !components.isEmpty { components.removeLast() }
            } else {
                components.append(name)
            }
        }
        let canonical = "/" + components.joined(separator: "/")
        guard let relative = relativePath(of: canonical) else { throw .outside(written) }
        return Entry(canonical: canonical, relative: relative, exists: missing.isEmpty)
    }

    /// The entry at `relative`, a path Baraza itself names (`registrations/x.xml`): plain components only, never
    /// `..`, `.` or Baraza's own `.baraza` folder, resolved like ``resolve(_:from:)``.
    public func entry(_ relative: String) throws(FolderError) -> Entry {
        let components = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard !relative.isEmpty, !relative.utf8.contains(0),
            components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }),
            components.first.map({ $0 != Self.privateFolderName }) ?? false
        else { throw .invalidPath(relative) }
        return try resolve(relative)
    }

    /// The path of `canonical` relative to the workspace folder; nil when it is outside.
    public func relativePath(of canonical: String) -> String? {
        if canonical == root { return "" }
        let prefix = root == "/" ? "/" : root + "/"
        guard canonical.hasPrefix(prefix) else { return nil }
        return String(canonical.dropFirst(prefix.count))
    }

    /// How a file of the workspace is shown in messages: the workspace path as given, then the file's path in it
    /// (`events/kigali/people.yaml`).
    /// Only spelling is tidied (`./` and doubled slashes go): Foundation's `standardizingPath` would resolve
    /// links, and name a refused link by the file outside it points to.
    public func display(_ relative: String) -> String {
        let joined = relative.isEmpty ? path : path + "/" + relative
        let parts = joined.split(separator: "/").filter { $0 != "." }
        let shown = (joined.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
        return shown.isEmpty ? "." : shown
    }

    /// The bytes of the regular file at `entry`, opened from the workspace folder down without following links.
    /// `written` names it in errors.
    public func contents(of entry: Entry, written: String) throws(FolderError) -> Data {
        let descriptor = try open(entry, written: written)
        defer { close(descriptor) }
        return try Self.readAll(descriptor, written: written)
    }

    /// The bytes of the file `written` names (relative to `base`), once it is known to be inside.
    public func contents(of written: String, from base: String = "") throws(FolderError) -> Data {
        let entry = try resolve(written, from: base)
        guard entry.exists else { throw .notFound(written) }
        return try contents(of: entry, written: written)
    }

    /// A descriptor open for reading on the regular file at `entry` (the caller closes it).
    public func open(_ entry: Entry, written: String) throws(FolderError) -> Int32 {
        guard !entry.relative.isEmpty else { throw .notAFile(written) }
        let (folder, name) = try openParent(of: entry.relative, written: written, create: false)
        defer { close(folder) }
        let descriptor = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            switch errno {
            case ENOENT: throw .notFound(written)
            case ELOOP: throw .changed(written)
            default: throw .unreadable(written, reason: Self.systemReason())
            }
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw .notAFile(written)
        }
        return descriptor
    }

    /// Whether a regular file or folder is at `relative` (a plain path inside, not followed through links).
    public func has(_ relative: String) -> Bool {
        guard let entry = try? resolve(relative) else { return false }
        return entry.exists
    }

    /// Opens the folder holding `relative`, one component at a time from the workspace folder, never following a
    /// link; creates missing folders when `create`. Returns the folder's descriptor and the last component.
    func openParent(of relative: String, written: String, create: Bool) throws(FolderError) -> (Int32, String) {
        var components = relative.split(separator: "/").map(String.init)
        let name = components.removeLast()
        var folder = openPath(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { throw .unreadable(written, reason: Self.systemReason()) }
        for component in components {
            var next = openat(folder, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0 && errno == ENOENT && create {
                if mkdirat(folder, component, 0o755) != 0 && errno != EEXIST {
                    let reason = Self.systemReason()
                    close(folder)
                    throw .unwritable(written, reason: reason)
                }
                next = openat(folder, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            }
            let failure = errno
            close(folder)
            guard next >= 0 else {
                switch failure {
                case ENOENT: throw .notFound(written)
                case ELOOP, ENOTDIR: throw .changed(written)
                default: throw .unreadable(written, reason: String(cString: strerror(failure)))
                }
            }
            folder = next
        }
        return (folder, name)
    }

    /// Whether a dangling link at `link` would point inside the workspace, were its target created.
    private func danglingLinkStaysInside(_ link: String) -> Bool {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: link) else { return false }
        let base = PathText.parent(of: link)
        let joined = target.hasPrefix("/") ? target : base + "/" + target
        var components: [Substring] = []
        for part in joined.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                if !components.isEmpty { components.removeLast() }
            } else {
                components.append(part)
            }
        }
        // The link's folder is canonical; its target is read lexically, as it cannot be resolved.
        return relativePath(of: "/" + components.joined(separator: "/")) != nil
    }

    /// The rest of the open file, read straight into one buffer of the size `fstat` gives (grown if the file
    /// grows meanwhile): a 60 MB people file is not copied twice.
    static func readAll(_ descriptor: Int32, written: String) throws(FolderError) -> Data {
        var status = stat()
        _ = fstat(descriptor, &status)
        var data = Data(count: Int(max(0, status.st_size)) + 1)
        var filled = 0
        while true {
            if filled == data.count { data.count += max(1 << 16, data.count / 2) }
            let count = data.withUnsafeMutableBytes { raw in
                read(descriptor, raw.baseAddress! + filled, raw.count - filled)
            }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw .unreadable(written, reason: systemReason())
            }
            filled += count
        }
        data.count = filled
        return data
    }

    /// `realpath(3)`: nil (with `errno` set) when the path cannot be resolved.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func systemReason(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }
}

/// `open(2)` by path (inside the types above, `open` names their own methods).
func openPath(_ path: String, _ flags: Int32) -> Int32 { open(path, flags) }
