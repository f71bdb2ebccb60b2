import BarazaTestSupport
import Foundation
import Testing

/// ARCHITECTURE.md's module graph stays true: every library and the command line are listed with exactly the
/// dependencies `Package.swift` gives them.
struct ArchitectureTests {
    /// Each regular target of `Package.swift` (libraries and the `baraza` executable; not the tests, the benches
    /// or the system libraries) and the short names of its dependencies.
    static func targets() throws -> [String: Set<String>] {
        let manifest = try String(contentsOf: packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        var targets: [String: Set<String>] = [:]
        let target = /\.(target|executableTarget)\(\s*name: "([A-Za-z]+)"(?:,\s*dependencies:\s*\[([^\]]*)\])?/
        for match in manifest.matches(of: target) {
            let name = String(match.2)
            guard match.1 == "target" || name == "baraza", name != "BarazaTestSupport" else { continue }
            // Quoted names only, a product by its name, never its package (`hummingbird`, `swift-crypto`).
            let listed = (match.3.map(String.init) ?? "").replacing(/package: "[^"]*"/, with: "")
            let dependencies = listed.matches(of: /"([A-Za-z0-9]+)"/).map {
                short(String($0.1))
            }
            targets[name] = Set(dependencies)
        }
        return targets
    }

    /// `BarazaModel` as the graph writes it: `Model`.
    static func short(_ name: String) -> String {
        name.hasPrefix("Baraza") && name.count > 6 ? String(name.dropFirst(6)) : name
    }

    /// The graph's lines `  Name ← A, B` (or `  Name` alone), as module → dependencies.
    static func graph() throws -> [String: Set<String>] {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("ARCHITECTURE.md"), encoding: .utf8)
        var graph: [String: Set<String>] = [:]
        for line in text.split(separator: "\n") {
            guard let match = line.wholeMatch(of: #/  ([A-Za-z]+)(?: ← (.+))?/#) else { continue }
            graph[String(match.1)] = Set((match.2 ?? "").split(separator: ", ").map(String.init))
        }
        return graph
    }

    @Test func theModuleGraphMatchesThePackage() throws {
        let targets = try Self.targets()
        let graph = try Self.graph()
        #expect(targets.count > 15, "\(targets.keys.sorted())")
        for (name, dependencies) in targets.sorted(by: { $0.key < $1.key }) {
            #expect(graph[name] == dependencies, "\(name): ARCHITECTURE.md says \(graph[name]?.sorted() ?? [])")
        }
        #expect(Set(graph.keys) == Set(targets.keys))
    }
}
