import BarazaChecks
import BarazaModel
import BarazaTestSupport
import BarazaWorkspace
import Foundation
import Testing

@testable import BarazaPropose

/// The `Fixtures` folder copied into the test bundle.
let fixtures: URL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
/// Golden files, beside this file.
let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

/// The workspace loader as `baraza propose` configures it.
let loader = WorkspaceLoader(knownRuleIDs: ProposeRules.all.map(\.id))

/// A fresh folder under the temporary directory, removed by the caller.
func scratchFolder(_ name: String) throws -> URL {
    let folder = ScratchFolders.url("propose-\(name)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// A copy of the sample workspace `events/<sample>` in `folder`, with the sessions `unplaced` turned into sessions
/// to be placed: their `start`, `end` (and `room`, when `dropRooms`) removed and their length written as
/// `duration`. Text edits, so the rest of the files stays byte for byte as in the sample.
func sampleWithUnplacedSessions(
    _ sample: String, file name: String = "sessions.yaml", unplaced: [String], dropRooms: Bool = true, into folder: URL
) throws -> URL {
    let source = packageRoot.appendingPathComponent("events/\(sample)")
    let target = folder.appendingPathComponent(sample)
    try ScratchFolders.copyWorkspace(at: source, to: target)
    let file = target.appendingPathComponent(name)
    let text = try String(contentsOf: file, encoding: .utf8)
    let workspace = try loader.load(directory: target.path)
    var items = text.components(separatedBy: "\n  - id: ")
    for (index, item) in items.enumerated() where index > 0 {
        var lines = item.components(separatedBy: "\n")
        let id = lines[0].trimmingCharacters(in: .whitespaces)
        guard unplaced.contains(id), let session = workspace.sessionsByID[Session.ID(id)] else { continue }
        lines.removeAll { line in
            let key = line.trimmingCharacters(in: .whitespaces)
            return key.hasPrefix("start:") || key.hasPrefix("end:") || key.hasPrefix("duration:")
                || (dropRooms && key.hasPrefix("room:"))
        }
        lines.insert("    duration: \(session.interval!.minutes)", at: 1)
        items[index] = lines.joined(separator: "\n")
    }
    try items.joined(separator: "\n  - id: ").write(to: file, atomically: true, encoding: .utf8)
    return target
}

/// Runs the full checks on a proposal's workspace and returns the errors placing could have avoided (what the
/// proposal must never have), computed here from the findings alone: errors of placement rules naming a placed
/// session.
func avoidableErrors(_ proposal: Proposal, others: [Workspace] = []) -> [Finding] {
    let placed = Set(proposal.placements.map(\.id.rawValue))
    let event = proposal.workspace.event.id.rawValue
    return Checker(rules: ProposeRules.all).check([proposal.workspace] + others).filter { f in
        guard f.severity == .error, ProposeRules.placementRules.contains(f.rule) else { return false }
        let named =
            (f.event == event ? f.subjects.filter { $0.kind == .session }.map(\.id) : [])
            + f.occurrences.filter { $0.kind == .session && $0.event == event }.map(\.id)
        return named.contains { placed.contains($0) }
    }
}

/// Findings of `outside-opening-hours` on placed sessions: a warning by default, but placing never breaks it.
func openingHoursBroken(_ proposal: Proposal) -> [Finding] {
    let placed = Set(proposal.placements.map(\.id.rawValue))
    return OpeningHoursRule().check(proposal.workspace).filter { placed.contains($0.subjects[0].id) }
}
