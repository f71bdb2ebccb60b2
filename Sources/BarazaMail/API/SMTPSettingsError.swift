import BarazaFolder

/// Why the mail settings cannot be used. Messages name files, lines, fields and variables, never the password.
public enum SMTPSettingsError: Error, CustomStringConvertible, Sendable {
    /// event.yaml cannot be read inside the workspace.
    case unreadable(FolderError)
    /// A value of the section has the wrong shape.
    case invalid(SMTPSettings.Place, field: String, expected: String)
    /// A value from the section (`origin` is `file:line:column: smtp.key`) or a variable is not what was expected.
    case badValue(origin: String, expected: String, found: String)
    /// A needed value is given nowhere.
    case missing(field: String, file: String, expected: String)
    /// A user is set but no password is given.
    case missingPassword
    /// The password file lies inside the workspace.
    case passwordInWorkspace(path: String)
    /// The password file cannot be read, is empty or too long.
    case unreadablePasswordFile(path: String)

    /// The error for a person.
    public var description: String {
        switch self {
        case .unreadable(let error): return error.description
        case .invalid(let place, let field, let expected): return "\(place): \(field): expected \(expected)"
        case .badValue(let origin, let expected, let found):
            return "\(origin): expected \(expected), found \(found.debugDescription)"
        case .missing(let field, let file, let expected): return "\(file): \(field) is missing: expected \(expected)"
        case .missingPassword:
            return
                "smtp.user is set, so a password is needed: set \(SMTPSettings.EnvironmentName.password.rawValue), or "
                + "\(SMTPSettings.EnvironmentName.passwordFile.rawValue) to a file outside the workspace "
                + "(the workspace never holds it)"
        case .passwordInWorkspace(let path):
            return "\(SMTPSettings.EnvironmentName.passwordFile.rawValue)=\(path): the password file is inside the "
                + "workspace; keep it outside, so it never travels with the workspace"
        case .unreadablePasswordFile(let path):
            return "\(SMTPSettings.EnvironmentName.passwordFile.rawValue)=\(path): cannot read a password from it "
                + "(expected a readable file whose first line is the password, at most 4 KiB)"
        }
    }
}
