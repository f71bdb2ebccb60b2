import BarazaFolder
import Foundation

/// A password that is never printed: its description is `(hidden)`, and errors never quote it.
public struct SMTPPassword: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    let text: String

    /// Wraps `text`.
    public init(_ text: String) { self.text = text }

    /// `(hidden)`.
    public var description: String { "(hidden)" }
    /// `(hidden)`.
    public var debugDescription: String { "(hidden)" }

    /// `BARAZA_SMTP_PASSWORD`, else the first line of the file `BARAZA_SMTP_PASSWORD_FILE` names, which must lie
    /// outside the workspace (a password kept in the workspace would travel with it into version control).
    static func fromEnvironment(_ environment: [String: String], workspace: WorkspaceFolder) throws -> SMTPPassword {
        let variable = SMTPSettings.EnvironmentName.password.rawValue
        let fileVariable = SMTPSettings.EnvironmentName.passwordFile.rawValue
        if let text = environment[variable], !text.isEmpty { return SMTPPassword(text) }
        guard let path = environment[fileVariable], !path.isEmpty else {
            throw SMTPSettingsError.missingPassword
        }
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        if resolved == workspace.root || resolved.hasPrefix(workspace.root + "/") {
            throw SMTPSettingsError.passwordInWorkspace(path: path)
        }
        guard let data = FileManager.default.contents(atPath: resolved), data.count <= 4096 else {
            throw SMTPSettingsError.unreadablePasswordFile(path: path)
        }
        let line = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init)
        guard let line, !line.isEmpty else { throw SMTPSettingsError.unreadablePasswordFile(path: path) }
        return SMTPPassword(line)
    }
}
