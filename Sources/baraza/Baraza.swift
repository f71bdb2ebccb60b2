import ArgumentParser

@main
struct Baraza: ParsableCommand {
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
            """,
        subcommands: [Init.self, Import.self, Check.self, Propose.self, Export.self, Build.self])
}

/// Exit codes shared by every command (documented in the README).
enum ExitStatus {
    /// Checks found errors.
    static let findingsWithErrors = ExitCode(1)
    /// Input could not be read (missing files, YAML or format errors).
    static let unreadableInput = ExitCode(2)
}
