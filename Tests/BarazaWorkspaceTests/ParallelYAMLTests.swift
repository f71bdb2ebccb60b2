import Foundation
import PropertyBased
import Testing

@testable import BarazaWorkspace

/// Composing a large file in pieces on several cores must give exactly what one pass gives: the same nodes at
/// the same lines and columns, or the same failure.
struct ParallelYAMLTests {
    /// Every node with its mark, depth first: equal trees with equal marks give equal descriptions.
    static func describe(_ node: YAMLNode?) -> String {
        guard let node else { return "nil" }
        let at = "@\(node.mark.line):\(node.mark.column)"
        switch node {
        case .scalar(let s): return (s.isPlain ? "S" : "Q") + "\(at)\(s.string.debugDescription)"
        case .sequence(let s): return "[\(at) " + s.items.map(describe).joined(separator: ", ") + "]"
        case .mapping(let m):
            return "{\(at) " + m.pairs.map { describe($0.key) + ": " + describe($0.value) }.joined(separator: ", ")
                + "}"
        }
    }

    /// One pass, as the loader does for small files: the tree, or the error.
    static func sequential(_ text: String) -> String {
        do { return describe(try YAMLComposer.compose(text)) } catch { return "error: \(error)" }
    }

    static func parallel(_ text: String, pieces: Int) -> String {
        do { return describe(try ParallelYAML.compose(text, pieces: pieces, minimumBytes: 0)) } catch {
            return "error: \(error)"
        }
    }

    /// Items of a people list, including the shapes that defeat a line-based cut: quoted scalars running over
    /// lines that look like items, block scalars holding such lines, anchors and aliases, flow collections over
    /// several lines, comments, tags and non-ASCII text.
    static func item(_ kind: Int, _ n: Int, indent: String) -> String {
        let i = indent + "  "
        switch kind {
        case 0: return "\(indent)- id: p\(n)\n\(i)name: Person \(n)\n"
        case 1: return "\(indent)- id: p\(n)\n\(i)name: \"Quoted\n\(indent)- id: fake\(n)\n\(i)end\"\n"
        case 2: return "\(indent)- id: p\(n)\n\(i)notes: |\n\(i)  first line\n\n\(i)  - not an item\n"
        case 3: return "\(indent)- id: p\(n)\n\(i)tags: &t\(n) [a, b]\n"
        case 4: return "\(indent)- id: p\(n)\n\(i)tags: *t\(max(0, n - 3))\n"
        case 5: return "\(indent)- id: p\(n)\n\(i)languages: [en,\n\(i)  fr]\n"
        case 6: return "\(indent)# - id: commented\n\(indent)- id: p\(n)  # trailing\n"
        case 7: return "\(indent)- id: p\(n)\n\(i)name: Aïcha بن علي \(n)\n\(i)title: plain words\n\(i)  continued\n"
        case 8: return "\(indent)- !!str p\(n)\n"
        case 9: return "\(indent)- id: p\(n)\n\(i)name: 'single\n\(indent)- id: fake\n\(i)quoted'\n"
        case 10: return "\(indent)-\n\(i)id: p\(n)\n"
        default: return "\(indent)- [a, b]\n\(indent)- p\(n)\n"
        }
    }

    struct Document: CustomStringConvertible {
        var text: String
        var description: String { text }
    }

    static func documents() -> Generator<Document, some SendableSequenceType> {
        // Kinds above 11 are the harmless shapes again, so that about a third of the documents can be cut.
        let harmless = [0, 2, 3, 5, 6, 7, 8, 10, 11]
        return zip(Gen.int(in: 0...99).array(of: 1...40), Gen.bool, Gen.int(in: 0...7)).map { codes, indented, extra in
            let kinds = codes.map { $0 <= 11 ? $0 : harmless[$0 % harmless.count] }
            let indent = indented ? "  " : ""
            var text = extra == 1 ? "%YAML 1.1\n---\n" : ""
            text += "event: { id: e, title: Event }\ninclude: [people.yaml]\npeople:\n"
            for (n, kind) in kinds.enumerated() { text += item(kind, n, indent: indent) }
            switch extra {
            case 2: text += "sessions:\n  - id: s1\n  - id: s2\n"
            case 3: text += "---\nsecond: document\n"
            case 4: text += "  trailing: wrongly indented\n"
            default: break
            }
            return Document(text: text)
        }
    }

    @Test func piecesGiveWhatOnePassGives() async {
        var inPieces = 0
        await propertyCheck(count: 400, input: Self.documents(), Gen.int(in: 2...6)) { document, pieces in
            #expect(Self.parallel(document.text, pieces: pieces) == Self.sequential(document.text))
            if ParallelYAML.composeInPieces(document.text, pieces: pieces) != nil { inPieces += 1 }
        }
        // Most random documents must take the parallel path, or the comparison proves little.
        #expect(inPieces >= 80, "only \(inPieces) of 400 documents were composed in pieces")
    }

    @Test func plainListsAreReallyComposedInPieces() throws {
        // Guard against a splitter that always falls back (and so always agrees with one pass).
        var text = "event: { id: e }\npeople:\n"
        for n in 0..<500 { text += Self.item(n % 3 == 0 ? 7 : 0, n, indent: "  ") }
        for pieces in 2...5 {
            let node = try #require(ParallelYAML.composeInPieces(text, pieces: pieces))
            #expect(Self.describe(node) == Self.sequential(text))
        }
        let cuts = try #require(text.utf8.withContiguousStorageIfAvailable { ParallelYAML.cuts(in: $0) } ?? nil)
        #expect(cuts.indentation == 2 && cuts.offsets.count == 499)
    }

    @Test(
        "Shapes a cut cannot keep are composed in one pass",
        arguments: [
            ("a quoted scalar over an item-like line", 1), ("a single-quoted one", 9),
            ("an alias to an earlier piece", 4),
        ])
    func fallsBackWhereACutWouldChangeTheMeaning(_ shape: String, _ kind: Int) throws {
        var text = "people:\n"
        for n in 0..<200 { text += Self.item(n == 150 ? kind : (n < 100 ? 3 : 0), n, indent: "  ") }
        // Cut at every item: the piece holding item 150 (or its anchor) cannot stand alone.
        #expect(ParallelYAML.composeInPieces(text, pieces: 200) == nil, "\(shape)")
        #expect(Self.parallel(text, pieces: 200) == Self.sequential(text), "\(shape)")
    }

    /// libyaml counts a lone carriage return and U+0085, U+2028, U+2029 as line breaks, and pieces are padded by
    /// newlines: a file holding one is composed in one pass, or the marks after it would be off.
    @Test(arguments: ["\u{2028}", "\u{2029}", "\u{85}", "\r"])
    func otherLineBreaksAreNotCut(_ lineBreak: String) {
        var text = "people:\n  - id: p\n    name: \"Two\(lineBreak)lines\"\n"
        for n in 0..<200 { text += Self.item(0, n, indent: "  ") }
        #expect(ParallelYAML.composeInPieces(text, pieces: 4) == nil)
        #expect(Self.parallel(text, pieces: 4) == Self.sequential(text))
    }

    @Test func aFileOfMostlyBlankLinesIsNotPaddedOverAndOver() {
        // Every piece after the first would repeat the 100,000 newlines before it: more than the file, so one pass.
        let long = String(repeating: "x", count: 5000)
        let text =
            "people:\n" + String(repeating: "\n", count: 100_000)
            + (0..<40).map { "  - p\($0) \(long)\n" }.joined()
        #expect(ParallelYAML.composeInPieces(text, pieces: 8) == nil)
        #expect(Self.parallel(text, pieces: 8) == Self.sequential(text))
    }

    @Test func directivesAndSecondDocumentsAreNotCut() {
        let items = (0..<50).map { Self.item(0, $0, indent: "  ") }.joined()
        for text in ["%YAML 1.1\n---\npeople:\n" + items, "people:\n" + items + "---\nmore: x\n"] {
            #expect(ParallelYAML.composeInPieces(text, pieces: 4) == nil)
            #expect(Self.parallel(text, pieces: 4) == Self.sequential(text))
        }
    }

    @Test func aProblemDeepInALargeFileIsReportedAtItsLineAndColumn() throws {
        var people = "people:\n"
        let count = 8000
        for n in 0..<count {
            people += "  - id: p\(n)\n    name: Person \(n)\n    email: p\(n)@example.org\n"
            people += n == count - 10 ? "    timezome: Africa/Kigali\n" : "    timezone: Africa/Kigali\n"
        }
        #expect(people.utf8.count > ParallelYAML.minimumBytes)
        let scratch = try peopleWorkspace(Array(people.utf8))
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            _ = try loader.load(directory: scratch.path)
            Issue.record("the misspelt key was not reported")
        } catch {
            let line = 1 + 4 * (count - 10) + 4
            #expect(error.errors.map(\.message).contains { $0.contains("people.yaml:\(line):5") }, "\(error)")
            #expect(error.errors.count == 1)
        }
    }
}
