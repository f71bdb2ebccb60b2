import ArgumentParser
import BarazaImport
import BarazaWorkspace
import Foundation

/// Every way a command fails after its arguments were accepted, with the exit status it means. Commands throw
/// it (or let a library's own error through: an unreadable workspace, a refused import); ``Baraza/main()`` tells
/// it in one place, ``render()``, as swift-argument-parser tells its own errors through `MessageInfo`.
/// Arguments are checked before anything runs, in `validate()` and in each option's transform: those failures
/// are ArgumentParser's (`ValidationError`), exit 64.
enum CommandFailure: Error {
    /// The checks found errors, already reported: exit 1, with one more line when given.
    case findings(String?)
    /// The workspace cannot be read: every `file:line:column` error, exit 2.
    case unreadableWorkspace(WorkspaceLoadFailure)
    /// Input could not be read, or an output not written: one line, exit 2.
    case unreadable(String)

    /// The failure a library's error stands for; nil for errors ArgumentParser tells (usage, exit codes).
    init?(_ error: any Error) {
        switch error {
        case let failure as CommandFailure: self = failure
        case let failure as WorkspaceLoadFailure: self = .unreadableWorkspace(failure)
        case let failure as ImportError: self = .unreadable(failure.description)
        default: return nil
        }
    }

    /// The exit status (documented in the README): 1 for findings, 2 for what cannot be read or written.
    var exitCode: ExitCode {
        switch self {
        case .findings: ExitStatus.findingsWithErrors
        case .unreadableWorkspace, .unreadable: ExitStatus.unreadableInput
        }
    }

    /// Writes the failure to standard error: `file:line:column: error: …` lines, or one `error: …` line.
    func render() {
        switch self {
        case .findings(let line): if let line { Terminal.printError(message: line) }
        case .unreadableWorkspace(let failure): Terminal.printError(failure)
        case .unreadable(let line): Terminal.printError(message: line)
        }
    }
}
