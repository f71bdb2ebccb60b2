/// Why a send cannot start or go on. Names files and fields; never an address or the password.
public enum SendError: Error, CustomStringConvertible, Sendable {
    /// An interrupted batch is pending with another `--only` selection.
    case pendingBatchDiffers(folder: String, only: [String])
    /// `--only` names people the workspace does not have.
    case unknownPeople([String])
    /// batch.json of the outbox cannot be read.
    case unreadableBatch(file: String, reason: String)

    /// The error for a person.
    public var description: String {
        switch self {
        case .pendingBatchDiffers(let folder, let only):
            let selection = only.isEmpty ? "everyone" : "--only " + only.joined(separator: " ")
            return "\(folder): an interrupted batch for \(selection) is pending; run `baraza send invitations` with "
                + "that selection (or none) to finish it first"
        case .unknownPeople(let ids): return "--only: no such person in the workspace: " + ids.joined(separator: ", ")
        case .unreadableBatch(let file, let reason): return "\(file): cannot read the batch: \(reason)"
        }
    }
}
