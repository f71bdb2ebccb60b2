import BarazaChecks
import BarazaLogistics
import BarazaModel
import BarazaTestSupport
import BarazaWorkspace
import Foundation
import Testing

/// The `Fixtures` folder copied into the test bundle.
let fixtures: URL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

/// The `Golden` folder in the source tree (golden files are recorded there, not in the bundle).
let goldenFolder = packageRoot.appendingPathComponent("Tests/BarazaLogisticsTests/Golden")

/// Every rule `baraza check` runs.
let allRules: [any Rule] = Checker.catalogue + LogisticsRules.all

/// The loader as `baraza check` configures it.
let loader = WorkspaceLoader(knownRuleIDs: allRules.map(\.id))

/// The Kigali sample workspace, as checked in.
func loadSample() throws -> Workspace {
    try loader.load(directory: packageRoot.appendingPathComponent("events/final-kigali-2027").path)
}

/// Loads `Fixtures/<name>`, recording the load errors when it cannot be read.
func loadFixture(_ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Workspace {
    do {
        return try loader.load(directory: fixtures.appendingPathComponent(name).path)
    } catch {
        Issue.record("fixture \(name) does not load:\n\(error)", sourceLocation: sourceLocation)
        throw error
    }
}

/// Loads a workspace written inline: `files` maps file names to YAML text.
func loadInline(_ files: [String: String]) throws(WorkspaceLoadFailure) -> Workspace {
    let dir = ScratchFolders.url("baraza-logistics")
    try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    for (name, text) in files { try! Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
    return try loader.load(directory: dir.path)
}
