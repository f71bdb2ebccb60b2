import BarazaWorkspace
import Foundation

/// What the commands need to know about where their output goes.
enum Terminal {
    /// Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org).
    static var standardOutputIsColourTerminal: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Progress lines go to standard error, and only when it is a terminal.
    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    static var standardErrorIsColourTerminal: Bool {
        isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Writes load errors to standard error, one per line, as `file:line:column: error: ...`.
    static func printError(_ failure: WorkspaceLoadFailure) {
        let label = standardErrorIsColourTerminal ? "\u{1B}[31;1merror\u{1B}[0m" : "error"
        var text = ""
        for error in failure.errors {
            if let location = error.location {
                let message = error.message.dropFirst(location.description.count + 2)
                text += "\(location): \(label): \(message)\n"
            } else {
                text += "\(label): \(error.message)\n"
            }
        }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Writes one error line to standard error.
    static func printError(message: String) {
        let label = standardErrorIsColourTerminal ? "\u{1B}[31;1merror\u{1B}[0m" : "error"
        FileHandle.standardError.write(Data("\(label): \(message)\n".utf8))
    }
}
