import BarazaChecks
import BarazaModel
import BarazaWorkspace
import Foundation
import Testing

/// The `Fixtures` folder copied into the test bundle.
let fixtures: URL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

/// The workspace loader as `baraza check` configures it.
let loader = WorkspaceLoader(knownRuleIDs: Checker.ruleIDs)

/// Loads the fixture workspace(s) under `Fixtures/<name>`, recording the load errors if it cannot be read.
func loadFixture(_ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [Workspace] {
    do {
        return try loader.loadAll(path: fixtures.appendingPathComponent(name).path)
    } catch {
        Issue.record("fixture \(name) does not load:\n\(error)", sourceLocation: sourceLocation)
        throw error
    }
}
