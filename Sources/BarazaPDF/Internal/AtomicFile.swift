import Foundation

/// Writes a file by producing it under a temporary name in the destination's directory, then renaming it:
/// readers see the old file or the whole new one, never a partial one.
enum AtomicFile {
    /// Calls `produce` with a temporary path next to `destination`, then renames it over `destination`.
    /// The temporary file is removed if `produce` or the rename fails.
    static func write(
        to destination: URL, _ produce: (String) throws(PDFError) -> Void
    ) throws(PDFError) {
        let directory = destination.deletingLastPathComponent()
        // The "tmp-" prefix is what the repository's .gitignore expects for stray temporaries.
        let temporary =
            directory
            .appendingPathComponent("tmp-\(UUID().uuidString)-\(destination.lastPathComponent)").path
        do {
            try produce(temporary)
        } catch {
            unlink(temporary)
            throw error
        }
        if rename(temporary, destination.path) != 0 {
            let code = errno
            unlink(temporary)
            throw .couldNotWrite(path: destination.path, errno: code)
        }
    }
}
