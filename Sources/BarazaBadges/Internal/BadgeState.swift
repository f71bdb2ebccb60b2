import BarazaFolder
import Foundation

/// Reading and writing the state files badges keep in the workspace (`badge-key.yaml`, `badges-printed.yaml`):
/// read inside the workspace only, written in a ``WorkspaceTransaction`` under the workspace's lock.
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

    /// Takes the workspace's exclusive lock for a change of its state files.
    static func transaction(_ folder: WorkspaceFolder) throws(BadgeError) -> WorkspaceTransaction {
        do { return try WorkspaceTransaction(folder) } catch { throw .workspace(error) }
    }

    /// Writes `text` as the workspace file `name`, then releases the lock.
    static func commit(_ text: String, as name: String, in transaction: WorkspaceTransaction) throws(BadgeError) {
        do {
            try transaction.stage(Data(text.utf8), as: name)
            try transaction.commit()
        } catch {
            throw .workspace(error)
        }
    }
}
