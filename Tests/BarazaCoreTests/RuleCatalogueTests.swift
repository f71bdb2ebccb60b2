import BarazaChecks
import BarazaCore
import BarazaLogistics
import BarazaTestSupport
import BarazaWorkspace
import Foundation
import Testing

/// One rule catalogue for every command: the core rules and the logistics rules, each id once, each documented.
struct RuleCatalogueTests {
    @Test func theCatalogueIsTheCoreRulesThenTheLogisticsRulesEachOnce() {
        #expect(RuleCatalogue.ids == Checker.catalogue.map(\.id) + LogisticsRules.all.map(\.id))
        #expect(Set(RuleCatalogue.ids).count == RuleCatalogue.all.count)
        #expect(RuleCatalogue.ids.contains("stay-gap") && RuleCatalogue.ids.contains("person-double-booked"))
        #expect(RuleCatalogue.checker.rules.map(\.id) == RuleCatalogue.ids)
    }

    /// The README's table of rules is the catalogue, in its order.
    @Test func theReadmeListsEveryRuleInCatalogueOrder() throws {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let checks = try #require(
            readme.components(separatedBy: "\n## Checks\n").last?.components(separatedBy: "\n## ").first)
        let listed = checks.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `"), let end = line.dropFirst(3).firstIndex(of: "`") else { return nil }
            return String(line[line.index(line.startIndex, offsetBy: 3)..<end])
        }
        #expect(listed == RuleCatalogue.ids)
    }

    /// A severity for a logistics rule is a known key to the catalogue's loader, and an unknown one still gets
    /// its suggestion.
    @Test func theLoaderKnowsEveryRuleOfTheCatalogue() throws {
        let root = ScratchFolders.url("catalogue")
        defer { try? FileManager.default.removeItem(at: root) }
        let workspace = root.appendingPathComponent("ws")
        #expect(try runBaraza(["init", workspace.path]).exitCode == 0)
        let entry = workspace.appendingPathComponent("event.yaml")
        let event = try String(contentsOf: entry, encoding: .utf8)
        let severity = "    language-not-covered: warning\n"
        #expect(event.contains(severity))
        for (added, expected) in [
            ("    stay-gap: off\n    meal-over-capacity: warning\n", nil),
            ("    stay-gaps: off\n", "did you mean `stay-gap`?"),
        ] {
            try event.replacingOccurrences(of: severity, with: severity + added).write(
                to: entry, atomically: true, encoding: .utf8)
            do {
                let loaded = try RuleCatalogue.loader.load(directory: workspace.path)
                #expect(expected == nil)
                #expect(loaded.settings.severityOverrides["stay-gap"] == .some(nil))
                #expect(loaded.settings.severityOverrides["meal-over-capacity"] == .some(.warning))
            } catch {
                #expect(expected.map { error.description.contains($0) } == true, "\(error)")
            }
        }
    }
}
