import BarazaTestSupport
import Foundation
import Testing

/// Every link and anchor in the README and the workspace format guide leads somewhere: a file that exists in the
/// repository, and a heading that exists in it. Prose that points at a section by name ("the README, section
/// …") names one that exists too.
@Suite struct DocumentationLinksTests {
    static let documents = ["README.md", "events/FORMAT.md", "ARCHITECTURE.md"]

    /// A link as written: where it is, and its target.
    struct Link: CustomStringConvertible {
        var document: String
        var line: Int
        var target: String
        var description: String { "\(document):\(line): (\(target))" }
    }

    /// The lines of `text` outside fenced code blocks, with inline code spans blanked, and their numbers.
    static func proseLines(_ text: String) -> [(number: Int, text: String)] {
        var inFence = false
        var lines: [(Int, String)] = []
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("```") {
                inFence.toggle()
                continue
            }
            guard !inFence else { continue }
            // Inline code (`like this`) is not a link even when it looks like one.
            let parts = line.components(separatedBy: "`")
            let prose = parts.enumerated().map { $0.offset % 2 == 0 ? $0.element : "" }.joined()
            lines.append((index + 1, prose))
        }
        return lines
    }

    /// Targets of `[text](target)` and `![alt](target)` links in `document`.
    static func links(in document: String) throws -> [Link] {
        let text = try String(contentsOf: packageRoot.appendingPathComponent(document), encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"\]\(([^)\s]+)\)"#)
        var links: [Link] = []
        for (number, line) in proseLines(text) {
            let range = NSRange(line.startIndex..., in: line)
            for match in pattern.matches(in: line, range: range) {
                let target = String(line[Range(match.range(at: 1), in: line)!])
                links.append(Link(document: document, line: number, target: target))
            }
        }
        return links
    }

    /// The anchors GitHub gives the headings of a Markdown file: lower case, punctuation other than `-` and `_`
    /// dropped, spaces turned into `-`, a repeated heading suffixed `-1`, `-2`...
    static func anchors(in file: URL) throws -> Set<String> {
        let text = try String(contentsOf: file, encoding: .utf8)
        var anchors: Set<String> = []
        var counts: [String: Int] = [:]
        var inFence = false
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("```") { inFence.toggle() }
            guard !inFence, line.hasPrefix("#") else { continue }
            let title = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
            var slug = ""
            for character in title.lowercased() {
                if character.isLetter || character.isNumber || character == "-" || character == "_" {
                    slug.append(character)
                } else if character == " " {
                    slug.append("-")
                }
            }
            let seen = counts[slug, default: 0]
            counts[slug] = seen + 1
            anchors.insert(seen == 0 ? slug : "\(slug)-\(seen)")
        }
        return anchors
    }

    @Test("Every relative link in the README and FORMAT.md names a file that exists, and every anchor a heading")
    func linksResolve() throws {
        var checked = 0
        for document in Self.documents {
            let base = packageRoot.appendingPathComponent(document).deletingLastPathComponent()
            for link in try Self.links(in: document) {
                guard !link.target.hasPrefix("http://"), !link.target.hasPrefix("https://"),
                    !link.target.hasPrefix("mailto:")
                else { continue }
                checked += 1
                let parts = link.target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let path = String(parts[0])
                let file =
                    path.isEmpty ? packageRoot.appendingPathComponent(document) : base.appendingPathComponent(path)
                #expect(FileManager.default.fileExists(atPath: file.path), "\(link): no such file")
                if parts.count == 2 {
                    let anchor = String(parts[1])
                    let known = try Self.anchors(in: file)
                    #expect(known.contains(anchor), "\(link): no heading with the anchor #\(anchor)")
                }
            }
        }
        // The guides link to each other's sections; a scanner that found nothing would prove nothing.
        #expect(checked >= 8)
    }

    @Test("Sections named in prose (the README, \"…\") exist")
    func namedSectionsExist() throws {
        let pattern = try NSRegularExpression(pattern: #"(README|FORMAT\.md), (?:section )?"([^"]+)""#)
        for document in Self.documents {
            let text = try String(contentsOf: packageRoot.appendingPathComponent(document), encoding: .utf8)
            for (number, line) in Self.proseLines(text) {
                for match in pattern.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
                    let target = String(line[Range(match.range(at: 1), in: line)!])
                    let title = String(line[Range(match.range(at: 2), in: line)!])
                    let file = packageRoot.appendingPathComponent(target == "README" ? "README.md" : "events/FORMAT.md")
                    let headings = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
                        .filter { $0.hasPrefix("#") }.map { $0.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces) }
                    #expect(headings.contains(title), "\(document):\(number): no section \"\(title)\" in \(target)")
                }
            }
        }
    }

    @Test("The anchor rule matches GitHub's for the headings the guides use")
    func anchorRule() throws {
        let scratch = ScratchFolders.root.appendingPathComponent("anchors-\(UUID().uuidString).md")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try """
        # Which time-zone database
        ## Badges, certificates and the `init` template
        ### Registration mapping (`--mapping`)
        ## Checks
        ## Checks
        """.write(to: scratch, atomically: true, encoding: .utf8)
        #expect(
            try Self.anchors(in: scratch) == [
                "which-time-zone-database", "badges-certificates-and-the-init-template",
                "registration-mapping---mapping", "checks", "checks-1",
            ])
    }
}
