import Foundation

/// Values worked out from one workspace and shared by the rules of one check run (see `Workspace.memo`): the
/// transfer plan, which several logistics rules read, is made once instead of once per rule.
///
/// A memo belongs to one unchanging workspace: the checker gives each run's copy of the workspace a fresh one,
/// and a workspace changed afterwards must not keep it. Each value is made by the first rule that asks for it;
/// rules asking meanwhile wait for it.
public final class WorkspaceMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [String: Slot] = [:]

    public init() {}

    /// The value kept under `key`, made by `make` the first time it is asked for.
    public func value<T>(_ key: String, _ make: () -> T) -> T {
        let slot = lock.withLock {
            if let slot = slots[key] { return slot }
            let slot = Slot()
            slots[key] = slot
            return slot
        }
        return slot.lock.withLock {
            if let kept = slot.value as? T { return kept }
            let made = make()
            slot.value = made
            return made
        }
    }

    private final class Slot {
        let lock = NSLock()
        var value: Any?
    }
}
