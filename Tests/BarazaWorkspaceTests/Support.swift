import BarazaChecks
import BarazaModel
import BarazaTestSupport
import BarazaWorkspace
import Foundation
import Testing

/// The `Fixtures` folder copied into the test bundle.
let fixtures: URL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

/// The loader as `baraza check` configures it.
let loader = WorkspaceLoader(knownRuleIDs: Checker.ruleIDs)

/// Loads `Fixtures/<name>`, recording the errors when it does not load.
func loadFixture(_ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Workspace {
    do {
        return try loader.load(directory: fixtures.appendingPathComponent(name).path)
    } catch {
        Issue.record("fixture \(name) does not load:\n\(error)", sourceLocation: sourceLocation)
        throw error
    }
}

/// The errors `Fixtures/<name>` fails with, messages shown relative to the fixtures folder
/// (`bad-zone/event.yaml:11:15: ...`), as a user running `baraza check` from there would see them.
func loadErrors(_ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [WorkspaceError] {
    do {
        _ = try loader.load(directory: fixtures.appendingPathComponent(name).path)
        Issue.record("fixture \(name) loaded, but it should not", sourceLocation: sourceLocation)
        return []
    } catch {
        return error.errors
    }
}

/// A message with the fixtures folder stripped from its paths.
func relative(_ message: String) -> String {
    message.replacingOccurrences(of: fixtures.path + "/", with: "")
}

/// The package's sample workspaces, under `events/`.
func sample(_ name: String) -> String { packageRoot.appendingPathComponent("events/\(name)").path }

/// A scratch workspace folder (the caller removes it) of a small event whose `event.yaml` also holds `sections`
/// and includes `people.yaml`, which holds `people`.
func peopleWorkspace(_ people: [UInt8], sections: String = "") throws -> URL {
    let folder = ScratchFolders.url("people")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let event = """
        event:
          id: big
          title: Big
          timezone: Africa/Kigali
          dates: { start: 2027-03-22, end: 2027-03-26 }
        include: [people.yaml]

        """
    try Data((event + sections).utf8).write(to: folder.appendingPathComponent("event.yaml"))
    try Data(people).write(to: folder.appendingPathComponent("people.yaml"))
    return folder
}
