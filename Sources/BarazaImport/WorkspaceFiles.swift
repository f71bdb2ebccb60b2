import BarazaFolder
import Foundation

/// What an import writes into a workspace, staged in one ``WorkspaceTransaction`` (the workspace's exclusive lock,
/// a journal, all or nothing even under `kill -9`), with errors as ``ImportError``.
struct WorkspaceFiles {
    let transaction: WorkspaceTransaction

    /// Opens a transaction on the workspace at `path` (taking its lock; waits with a message when another
    /// process holds it).
    init(workspace path: String) throws(ImportError) {
        do { transaction = try WorkspaceTransaction(try WorkspaceFolder(path)) } catch {
            throw .boundary(error)
        }
    }

    var folder: WorkspaceFolder { transaction.folder }

    /// Stages UTF-8 text as `relative`.
    func text(_ text: String, to relative: String) throws(ImportError) {
        do { try transaction.stage(Data(text.utf8), as: relative) } catch { throw .boundary(error) }
    }

    /// Stages a copy of the file the user named (`from`, read as given) as `relative`.
    func copy(from source: String, to relative: String) throws(ImportError) {
        do { try transaction.stageCopy(of: source, as: relative) } catch { throw .boundary(error) }
    }

    /// Stages a file written through a buffered writer (bounded memory, whatever its size).
    func stream(to relative: String, _ body: (inout StagedWriter) throws -> Void) throws(ImportError) {
        do { try transaction.stage(as: relative, body) } catch let error as FolderError {
            throw .boundary(error)
        } catch let error as ImportError {
            throw error
        } catch {
            throw .write(path: folder.display(relative), reason: "\(error)")
        }
    }

    /// Stages `event.yaml` with `item` in its top-level `include:` list, keeping everything else as written.
    func eventInclude(_ item: String) throws(ImportError) {
        let entry = "event.yaml"
        let data: Data
        do { data = try folder.contents(of: entry) } catch { throw .boundary(error) }
        guard let current = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: folder.display(entry), reason: "not UTF-8 text")
        }
        let updated = Self.addInclude(item, to: current)
        if updated != current { try text(updated, to: entry) }
    }

    /// Puts everything staged in place, all or nothing.
    func commit() throws(ImportError) {
        do { try transaction.commit() } catch { throw .boundary(error) }
    }

    /// The text of the workspace file `relative`, nil when there is none (read inside the workspace only).
    func existingText(_ relative: String) -> String? {
        guard let data = try? folder.contents(of: relative) else { return nil }
        return String(data: data, encoding: .utf8)
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

    /// A file name an import may keep under its folder: the last component of the path the user gave, refused
    /// when it is `.`, `..` or empty (a path such as `exports/..`).
    /// Fails unless `file` (as the user named it) opens for reading as a regular file: checked before the
    /// workspace's lock is awaited, so a mistyped export name is reported at once, never after a wait.
    static func requireReadable(_ file: String) throws(ImportError) {
        let descriptor = open(file, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            throw .unreadable(path: file, reason: errno == ENOENT ? "no such file" : String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw .unreadable(path: file, reason: "not a regular file")
        }
    }

    static func keptName(of file: String) throws(ImportError) -> String {
        let name = (file as NSString).lastPathComponent
        guard !name.isEmpty, name != ".", name != "..", name != "/", !name.utf8.contains(0) else {
            throw .unreadable(path: file, reason: "not a file name")
        }
        return name
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
