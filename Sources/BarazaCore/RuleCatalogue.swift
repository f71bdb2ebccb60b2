import BarazaChecks
import BarazaLogistics
import BarazaWorkspace

/// Every rule Baraza runs: the core rules (`Checker.catalogue`) followed by the host-city logistics rules
/// (`LogisticsRules.all`), in the order findings are reported and `baraza check --list-rules` lists them.
///
/// Every command reads workspaces through ``loader``, so a `checks.severity` key means the same to `check`,
/// `build`, the exports and the imports: a rule id known to one is known to all.
public enum RuleCatalogue {
    /// The rules, core first.
    public static let all: [any Rule] = Checker.catalogue + LogisticsRules.all

    /// Every rule id, in catalogue order: the keys `checks.severity` may hold.
    public static let ids: [String] = all.map(\.id)

    /// A workspace loader that accepts every rule id of the catalogue under `checks.severity`.
    public static var loader: WorkspaceLoader { WorkspaceLoader(knownRuleIDs: ids) }

    /// A checker running every rule of the catalogue.
    public static var checker: Checker { Checker(rules: all) }
}
