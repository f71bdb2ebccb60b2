import Foundation

/// What changes when a file of the workspace changes: every regular file's path, size and modification time
/// (nanoseconds), plus the state folder's keys. Polled: portable, and cheap for the few hundred files a workspace has.
struct FolderWatch: Sendable {
    var workspace: String
    var stateFolder: String

    func signature() -> [String] {
        var lines: [String] = []
        collect(workspace, relative: "", into: &lines, depth: 0)
        for name in [FeedKeys.fileName] { line(for: stateFolder + "/" + name, shown: "state/" + name, into: &lines) }
        return lines.sorted()
    }

    private func collect(_ path: String, relative: String, into lines: inout [String], depth: Int) {
        guard depth < 16, let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names where name != ".baraza" && name != ".git" && !name.contains(".tmp-") {
            let child = path + "/" + name
            var status = stat()
            guard lstat(child, &status) == 0 else { continue }
            if status.st_mode & S_IFMT == S_IFDIR {
                collect(child, relative: relative + name + "/", into: &lines, depth: depth + 1)
            } else {
                line(for: child, shown: relative + name, into: &lines)
            }
        }
    }

    private func line(for path: String, shown: String, into lines: inout [String]) {
        var status = stat()
        guard stat(path, &status) == 0 else { return }
        let modified = Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec)
        lines.append("\(shown)\t\(status.st_size)\t\(modified)\t\(status.st_ino)")
    }
}
