import BarazaOutput
import BarazaWorkspace
import Foundation

/// The one place `baraza propose` writes into a workspace. Each file is written whole to a temporary file beside it
/// and renamed over the old one. Accepting writes the placements first and only then adds them to `event.yaml`'s
/// includes, so a crash in between leaves the workspace as it was plus a file nothing includes yet.
///
/// Workspace locking and crash-safe commits are coming to every writer (the workspace boundary work); when they
/// arrive, these two functions are what switches to them.
public enum ProposalWriter {
    /// Writes the draft `proposed.yaml`; returns its path.
    @discardableResult
    public static func writeDraft(_ text: String, workspace: String) throws -> String {
        let path = (workspace as NSString).appendingPathComponent(ProposalFile.draftName)
        try AtomicFile.write(text, to: path)
        return path
    }

    /// Writes the accepted `placements.yaml` and includes it from `event.yaml` (when it is not yet); returns the
    /// paths written.
    public static func accept(_ text: String, workspace: String) throws -> [String] {
        let placements = (workspace as NSString).appendingPathComponent(ProposalFile.acceptedName)
        let event = (workspace as NSString).appendingPathComponent(WorkspaceLoader.entryFileName)
        let current = try String(contentsOfFile: event, encoding: .utf8)
        let edited = try IncludeEditor.adding(ProposalFile.acceptedName, to: current, path: event)
        try AtomicFile.write(text, to: placements)
        guard let edited else { return [placements] }
        try AtomicFile.write(edited, to: event)
        return [placements, event]
    }
}
