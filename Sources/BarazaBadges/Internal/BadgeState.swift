import BarazaFolder
import Foundation

/// Reading and writing the state files badges keep in the workspace (`badge-key.yaml`, `badges-printed.yaml`):
/// read inside the workspace only; written as the export's workspace records, which the export runner commits
/// under the workspace's lock.
enum BadgeState {
    /// The bytes of the workspace file `name`; nil when there is none.
    static func contents(_ name: String, in folder: WorkspaceFolder) throws(BadgeError) -> Data? {
        let display = folder.display(name)
        do {
            let entry = try folder.resolve(name)
            guard entry.exists else { return nil }
            return try folder.contents(of: entry, written: display)
        } catch {
            throw .workspace(error.named(display))
        }
    }

}
