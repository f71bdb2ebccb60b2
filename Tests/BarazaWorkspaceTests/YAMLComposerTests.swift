import Foundation
import PropertyBased
import Testing
import Yams

@testable import BarazaWorkspace

/// The loader composes YAML straight from libyaml's events. Yams, which composes from the same libyaml, is the
/// reference: every document must give the same tree, with the same marks, or fail at the same place.
struct YAMLComposerTests {
    /// A Yams tree in the format of `ParallelYAMLTests.describe`.
    static func describe(yams node: Node?) -> String {
        guard let node else { return "nil" }
        let at = node.mark.map { "@\($0.line):\($0.column)" } ?? "@?"
        switch node {
        case .scalar(let s): return (s.style == .plain ? "S" : "Q") + "\(at)\(s.string.debugDescription)"
        case .alias: return "A\(at)"
        case .sequence(let s): return "[\(at) " + s.map { describe(yams: $0) }.joined(separator: ", ") + "]"
        case .mapping(let m):
            return "{\(at) "
                + m.map { describe(yams: $0.key) + ": " + describe(yams: $0.value) }.joined(separator: ", ")
                + "}"
        }
    }

    /// Yams' tree, or where and why it fails.
    static func reference(_ text: String) -> String {
        do { return describe(yams: try Yams.compose(yaml: text, .basic)) } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                .composer(_, let problem, let mark, _):
                return "error \(mark.line):\(mark.column) \(problem)"
            case .duplicatedKeysInMapping(let keys, let context):
                return "duplicate \(keys) first at \(context.mark.line):\(context.mark.column)"
            case .reader(let problem, _, _, _): return "reader error \(problem)"
            default: return "other error \(error)"
            }
        } catch {
            return "other error \(error)"
        }
    }

    /// The composer's tree, or where and why it fails, in the same words.
    static func composed(_ text: String) -> String {
        do { return ParallelYAMLTests.describe(try YAMLComposer.compose(text)) } catch {
            switch error {
            case .syntax(_, let problem, let mark): return "error \(mark.line):\(mark.column) \(problem)"
            case .duplicateKeys(let keys, let first): return "duplicate \(keys) first at \(first.line):\(first.column)"
            case .reader(let problem, _, _): return "reader error \(problem)"
            }
        }
    }

    /// Shapes a workspace file may hold, right or wrong: the generator joins a few of them.
    static let fragments = [
        "id: a\n", "title: { en: Hello, fr: Bonjour }\n", "name: 'Aïcha'\n", "name: \"Kwame \\u00e9\"\n",
        "notes: |\n  line one\n  line two\n", "notes: >\n  folded\n  text\n", "empty:\n", "tilde: ~\n",
        "list:\n  - a\n  - b\n", "list: [a, b, c]\n", "nested:\n  deeper:\n    deepest: x\n",
        "anchor: &x { a: 1 }\n", "alias: *x\n", "id: again\n", "? [complex, key]\n: value\n",
        "'quoted key': v\n", "<<: *x\n", "tab:\tvalue\n", "\tindented: tab\n", "bad: [unclosed\n",
        "bad: \"unterminated\n", "  wrong: indent\n", "- item at top\n", "# a comment\n", "\n", "---\n",
        "...\n", "key: value # comment\n", "multi: word plain scalar\n", "colon: a:b\n", "dash: - x\n",
        "flow: {a: [1, {b: c}], d: e}\n", "null: null\n", "bool: yes\n", "num: 007\n", "date: 2026-11-19\n",
        "!!str tagged: value\n", "tagged: !custom value\n", "unicode: 日本語 ✓\n", "control: \u{1}\n",
        "%YAML 1.1\n", "empty flow: []\n", "empty map: {}\n", "dup: 1\ndup: 2\n", "undefined: *nowhere\n",
    ]

    static func documents() -> Generator<String, some SendableSequenceType> {
        Gen.int(in: 0...(fragments.count - 1)).array(of: 0...8).map { picks in
            picks.map { fragments[$0] }.joined()
        }
    }

    @Test func generatedDocumentsGiveWhatYamsGives() async {
        var failures = 0
        await propertyCheck(count: 1500, input: Self.documents()) { text in
            let expected = Self.reference(text)
            if expected.hasPrefix("error") || expected.hasPrefix("duplicate") { failures += 1 }
            if expected.contains("<uncovertable>") {
                // Yams cannot name a list or mapping written twice as a key; the composer writes it out.
                #expect(Self.composed(text).hasPrefix("duplicate"), "\(text.debugDescription)")
            } else {
                #expect(Self.composed(text) == expected, "\(text.debugDescription)")
            }
        }
        // Both sides of the comparison must be exercised.
        #expect(failures > 100 && failures < 1400, "\(failures) of 1500 documents failed to parse")
    }

    @Test func peopleListsGiveWhatYamsGives() async {
        await propertyCheck(count: 300, input: ParallelYAMLTests.documents()) { document in
            #expect(Self.composed(document.text) == Self.reference(document.text))
        }
    }

    /// Every YAML file in the repository's sample events and the shared real-world data.
    @Test func everyYAMLFileAtHandGivesWhatYamsGives() throws {
        let roots = [
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("events"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent(),
            URL(fileURLWithPath: "/work/shared/data"),
        ]
        var files = 0
        for root in roots {
            let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
            while let url = enumerator?.nextObject() as? URL {
                guard ["yaml", "yml"].contains(url.pathExtension),
                    let text = try? String(contentsOf: url, encoding: .utf8)
                else { continue }
                files += 1
                #expect(Self.composed(text) == Self.reference(text), "\(url.path)")
            }
        }
        #expect(files >= 20, "only \(files) YAML files found")
    }

    @Test func anAliasBombIsRefusedNotExpanded() throws {
        // Each level lists the one before nine times: 9^9 values written in under 1 KB.
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(previous)]\n"
        }
        #expect(throws: YAMLSyntaxError.self) { try YAMLComposer.compose(text) }
        let message = Self.composed(text)
        #expect(message.contains("aliases expand this file"), "\(message)")
        // A few aliases that expand modestly are fine.
        let modest = "base: &b { city: Kigali }\nfirst: *b\nsecond: *b\n"
        #expect(Self.composed(modest) == Self.reference(modest))
    }

    @Test func nestingDeeperThanTheLimitIsRefusedAtItsPlace() throws {
        let depth = YAMLComposer.maximumDepth
        func nested(_ levels: Int) -> String {
            (0..<levels).map { String(repeating: " ", count: $0) + "a:\n" }.joined()
        }
        #expect(throws: Never.self) { try YAMLComposer.compose(nested(depth)) }
        // The mapping that opens one level too deep is the value of the key on line `depth`.
        #expect(
            Self.composed(nested(depth + 50)).hasPrefix("error \(depth + 1):\(depth + 1) lists and mappings nested"))
        // Flow brackets are refused by libyaml itself before they reach the composer; either way, an error.
        let brackets = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: YAMLSyntaxError.self) { try YAMLComposer.compose(brackets) }
    }

    @Test func aFileOfCommentsHoldsNoDocument() throws {
        #expect(ParallelYAMLTests.describe(try YAMLComposer.compose("# only a comment\n\n")) == "nil")
        #expect(ParallelYAMLTests.describe(try YAMLComposer.compose("")) == "nil")
    }
}
