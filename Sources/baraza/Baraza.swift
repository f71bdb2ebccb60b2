import ArgumentParser
import Foundation

@main
struct Baraza: CommandGroup {
    static let configuration = CommandConfiguration(
        commandName: "baraza",
        abstract: "Plan events from plain files: check the agenda, then export what people need.",
        discussion: """
            A workspace is a folder under events/ entered through event.yaml (see events/FORMAT.md).

            Examples:
              baraza init events/my-event
              baraza check events/final-kigali-2027
              baraza check events/ --format json
              baraza import registrations form.xlsx --into events/final-kigali-2027
              baraza build events/final-kigali-2027
              baraza propose events/final-kigali-2027
              baraza serve events/final-kigali-2027

            Exit status: 0 done, 1 the checks found errors, 2 the input could not be read or an export not \
            written, 64 bad usage (an unknown option or value; no command: this help, on standard error).
            """,
        subcommands: [
            Init.self, Import.self, Check.self, Propose.self, Export.self, Build.self, Serve.self, Feeds.self,
            Staff.self, CheckIns.self,
        ])
}

/// Exit codes shared by every command (documented in the README).
enum ExitStatus {
    /// Checks found errors.
    static let findingsWithErrors = ExitCode(1)
    /// Input could not be read (missing files, YAML or format errors), or an export could not be written.
    static let unreadableInput = ExitCode(2)
    /// The command line is wrong: an unknown option or value, a missing command (sysexits' EX_USAGE; what
    /// ArgumentParser exits with for a `ValidationError`).
    static let usage = ExitCode.validationFailure
}

/// A command that only groups subcommands (`baraza`, `baraza export`, `baraza import`). Given no subcommand it
/// prints its help to standard error and exits 64: a missing command is a usage error (a script calling
/// `baraza $step` with an empty `step` fails loudly), while `--help` prints the same help to standard output and
/// exits 0.
protocol CommandGroup: ParsableCommand {}

extension CommandGroup {
    func run() throws {
        FileHandle.standardError.write(Data((Baraza.helpMessage(for: Self.self) + "\n").utf8))
        throw ExitStatus.usage
    }
}
