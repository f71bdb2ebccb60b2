import BarazaFolder
import BarazaWorkspace
import Foundation

/// The one place `baraza propose` writes into a workspace: inside it only, under its lock, each change in one
/// journaled transaction (all or nothing, even under `kill -9`; see `WorkspaceTransaction`).
public enum ProposalWriter {
    /// Writes the draft `proposed.yaml`; returns its path as shown to the user.
    @discardableResult
    public static func writeDraft(_ text: String, workspace: String) throws(FolderError) -> String {
        let transaction = try WorkspaceTransaction(try WorkspaceFolder(workspace))
        defer { transaction.abandon() }
        try transaction.stage(Data(text.utf8), as: ProposalFile.draftName)
        try transaction.commit()
        return transaction.folder.display(ProposalFile.draftName)
    }

    /// Writes the accepted `placements.yaml` and includes it from `event.yaml` (when it is not yet), together;
    /// returns the paths written.
    public static func accept(_ text: String, workspace: String) throws -> [String] {
        let transaction = try WorkspaceTransaction(try WorkspaceFolder(workspace))
        defer { transaction.abandon() }
        let folder = transaction.folder
        let entry = WorkspaceLoader.entryFileName
        let current = String(decoding: try folder.contents(of: entry), as: UTF8.self)
        let edited = try IncludeEditor.adding(ProposalFile.acceptedName, to: current, path: folder.display(entry))
        try transaction.stage(Data(text.utf8), as: ProposalFile.acceptedName)
        if let edited { try transaction.stage(Data(edited.utf8), as: entry) }
        try transaction.commit()
        return [ProposalFile.acceptedName] + (edited == nil ? [] : [entry]).map(folder.display)
    }
}
