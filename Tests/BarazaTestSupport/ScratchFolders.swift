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
        let folder = url("sample")
        let copy = folder.appendingPathComponent((sample as NSString).lastPathComponent, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent(sample), to: copy)
        return copy
    }
}
