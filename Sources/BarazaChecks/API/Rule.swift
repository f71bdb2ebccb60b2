import BarazaModel

/// A family of checks with a stable id. Rules are pure: workspace in, findings out.
public protocol Rule: Sendable {
    /// Stable id used in output, JSON and `checks.severity` overrides.
    var id: String { get }
    var defaultSeverity: Severity { get }
    /// One line for the catalogue (`baraza check --list-rules`).
    var summary: String { get }
    /// Findings for one workspace, with `defaultSeverity`; the `Checker` applies overrides.
    func check(_ workspace: Workspace) -> [Finding]
    /// Whether the rule walks every person, sign-up or journey (most of a large check's time): the `Checker`
    /// starts these first, so that no heavy rule is left running alone on one core at the end. False by default.
    var walksEveryone: Bool { get }
}

extension Rule {
    public var walksEveryone: Bool { false }

    func finding(
        _ workspace: Workspace, subjects: [Subject], occurrences: [Occurrence] = [], minutes: Int? = nil,
        facts: [Fact] = [], locations: [SourceLocation]
    ) -> Finding {
        Finding(
            rule: id, severity: defaultSeverity, subjects: subjects, occurrences: occurrences, minutes: minutes,
            facts: facts, locations: locations, event: workspace.event.id.rawValue)
    }
}
