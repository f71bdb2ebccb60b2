import Foundation

/// Scratch folders for tests, all in one folder per test process that is removed when the process exits, so test
/// runs do not pile workspaces up in the temporary directory (a process that crashes leaves its folder behind).
public enum ScratchFolders {
    /// `baraza-tests-<pid>` in the temporary directory, created on first use.
    public static let root: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("baraza-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: ScratchFolders.root) }
        return root
    }()

    /// A fresh path in the root, `<prefix>-<uuid>`, not yet created.
    public static func url(_ prefix: String) -> URL { root.appendingPathComponent("\(prefix)-\(UUID().uuidString)") }

    /// A copy of the committed workspace `sample` (`events/final-kigali-2027`) in a fresh scratch folder, for any
    /// command that may take the workspace's exclusive lock or record state. Tests run in parallel, and a writer
    /// on the committed sample would make every other test reading it wait (and print that it waits).
    public static func copyOfSample(_ sample: String) throws -> URL {
        let copy = url("sample").appendingPathComponent((sample as NSString).lastPathComponent, isDirectory: true)
        try copyWorkspace(at: packageRoot.appendingPathComponent(sample), to: copy)
        return copy
    }

    /// Copies the workspace folder `source` to `target` (created with its parents), leaving out Baraza's own
    /// folder: other tests' checks of the same workspace fill `.baraza/cache/` as they run, and a cache file
    /// renamed into place while the folder is copied would fail the copy.
    public static func copyWorkspace(at source: URL, to target: URL) throws {
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where name != ".baraza" {
            try FileManager.default.copyItem(
                at: source.appendingPathComponent(name), to: target.appendingPathComponent(name))
        }
    }
}
