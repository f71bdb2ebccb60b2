import ArgumentParser
import BarazaModel
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
        version: "baraza 0.1 (time zones from the system tz database \(Zone.databaseVersion))",
        subcommands: [
            Init.self, Import.self, Check.self, Propose.self, Export.self, Build.self, Send.self, Serve.self,
            Feeds.self,
            Staff.self, CheckIns.self,
        ])
}

extension Baraza {
    /// Parses, runs, and tells a failure in one place: a mistyped command with the nearest one (`baraza export
    /// agnda`: did you mean `agenda`?), which ArgumentParser alone reports as an unexpected argument; a
    /// ``CommandFailure`` (or a library error standing for one) through its renderer; anything else (usage errors,
    /// exit codes, `--help`) as ArgumentParser does.
    static func main() {
        if let problem = unknownSubcommand(in: Array(CommandLine.arguments.dropFirst())) {
            FileHandle.standardError.write(Data("Error: \(problem)\n".utf8))
            Foundation.exit(ExitStatus.usage.rawValue)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard let failure = CommandFailure(error) else { exit(withError: error) }
            failure.render()
            exit(withError: failure.exitCode)
        }
    }

    /// "unknown command ..." for the first word that should name a subcommand and names none; nil otherwise.
    static func unknownSubcommand(in arguments: [String]) -> String? {
        var command: any ParsableCommand.Type = Baraza.self
        var path = ["baraza"]
        for word in arguments {
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty, !word.hasPrefix("-") else { return nil }
            let names = subcommands.map { $0._commandName }
            guard let next = subcommands.first(where: { $0._commandName == word }) else {
                if word == "help" { return nil }
                // `baraza badges` for `baraza export badges`: the word names a command one level down.
                let nested = subcommands.filter { child in
                    child.configuration.subcommands.contains { $0._commandName == word }
                }.map { "`" + (path + [$0._commandName, word]).joined(separator: " ") + "`" }
                let spelled = nested.isEmpty ? nil : nested.joined(separator: " or ")
                let hint =
                    (spelled ?? nearest(to: word, in: names).map { "`\($0)`" }).map { "; did you mean \($0)?" } ?? ""
                return "unknown command `\(word)` for `\(path.joined(separator: " "))`\(hint) (commands: "
                    + names.joined(separator: ", ") + ")"
            }
            command = next
            path.append(word)
        }
        return nil
    }
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
