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
}

extension Rule {
    func finding(
        _ workspace: Workspace, subjects: [Subject], occurrences: [Occurrence] = [], minutes: Int? = nil,
        facts: [Fact] = [], locations: [SourceLocation]
    ) -> Finding {
        Finding(
            rule: id, severity: defaultSeverity, subjects: subjects, occurrences: occurrences, minutes: minutes,
            facts: facts, locations: locations, event: workspace.event.id.rawValue)
    }
}
