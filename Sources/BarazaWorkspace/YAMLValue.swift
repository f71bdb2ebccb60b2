import BarazaModel
import Foundation

/// Collects every problem found while reading, so one run reports them all. Used by one thread at a time:
/// concurrent decoding gives each run its own and joins them in order.
final class Diagnostics {
    var errors: [WorkspaceError] = []
    func report(_ error: WorkspaceError) { errors.append(error) }
}

/// A YAML node with the file it came from and its field path (`sessions[3].start`), read with typed accessors
/// that report what was expected when the node has another shape.
struct YAMLValue {
    let node: YAMLNode
    let file: String
    /// The path of the list or mapping holding the value, and the value's place in it: the value's own path is
    /// only spelled out when asked (for an error), since a 100,000-person file has millions of values.
    private let parentPath: String
    private let step: Step
    let diagnostics: Diagnostics

    /// Where a value sits in its parent.
    private enum Step {
        case none
        case key(String)
        case index(Int)
    }

    init(node: YAMLNode, file: String, path: String, diagnostics: Diagnostics) {
        self.init(node: node, file: file, parentPath: path, step: .none, diagnostics: diagnostics)
    }

    private init(node: YAMLNode, file: String, parentPath: String, step: Step, diagnostics: Diagnostics) {
        self.node = node
        self.file = file
        self.parentPath = parentPath
        self.step = step
        self.diagnostics = diagnostics
    }

    /// The field path, e.g. `people[3].journeys[0].time`.
    var path: String {
        switch step {
        case .none: return parentPath
        case .key(let key): return parentPath.isEmpty ? key : "\(parentPath).\(key)"
        case .index(let index): return "\(parentPath)[\(index)]"
        }
    }

    /// The same value, reporting its problems (and its children's) to `other`.
    func reporting(to other: Diagnostics) -> YAMLValue {
        YAMLValue(node: node, file: file, parentPath: parentPath, step: step, diagnostics: other)
    }

    var location: SourceLocation {
        SourceLocation(file: file, line: node.mark.line, column: node.mark.column)
    }

    /// Whether the node is an explicit or implicit null (`key:` with nothing after it, `~`, `null`).
    var isNull: Bool {
        guard case .scalar(let s) = node else { return false }
        return s.isNull
    }

    private func shapeName() -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let s): return "`\(s.string)`"
        }
    }

    func invalid(_ expected: String, found: String? = nil) {
        let shown: String
        if let found {
            shown = found
        } else if case .scalar(let s) = node {
            shown = s.string
        } else {
            shown = shapeName()
        }
        let field = path.isEmpty ? "top level" : path
        diagnostics.report(.invalidValue(location, field: field, found: shown, expected: expected))
    }

    /// The text of a scalar, trimmed; reports a list or mapping, and text longer than `limit` (every text field
    /// has one: one line unless the field says otherwise).
    func string(expected: String = "text", limit: TextLimit = .line) -> String? {
        guard case .scalar(let s) = node else {
            invalid(expected)
            return nil
        }
        if let length = s.oversizedLength {
            tooLong(length: length, excerpt: s.string, limit: limit)
            return nil
        }
        let text = Self.trimmed(s.string)
        guard limit.admits(text) else {
            tooLong(length: text.unicodeScalars.count, excerpt: text, limit: limit)
            return nil
        }
        // Plain printable ASCII (most scalars) cannot hold a forbidden character; only the rest is scanned.
        if !text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }),
            let bad = text.unicodeScalars.first(where: Self.isForbidden)
        {
            // Written as a `\u` escape in a quoted string; it would reach terminals, CSV files and badges.
            let what = Self.isDirectionOverride(bad) ? "an invisible text-direction override" : "a control character"
            invalid(
                "\(expected), without control characters or direction overrides",
                found: "text with \(what) " + String(format: "U+%04X", bad.value))
            return nil
        }
        return text
    }

    /// Reports a text of `length` Unicode scalars, beginning with `excerpt`, as longer than `limit`.
    func tooLong(length: Int, excerpt: String, limit: TextLimit) {
        let field = path.isEmpty ? "top level" : path
        diagnostics.report(
            .tooLong(
                location, field: field, length: length, limit: limit,
                excerpt: WorkspaceError.excerpt(excerpt, length: 32)))
    }

    /// Leading and trailing white space removed; most scalars have none, and those are returned as they are
    /// without a round trip through Foundation (which dominated loading a 100,000-person workspace).
    static func trimmed(_ text: String) -> String {
        if let first = text.utf8.first, let last = text.utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F
        {
            return text
        }
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return text }
        let space = CharacterSet.whitespacesAndNewlines
        if !space.contains(first) && !space.contains(last) { return text }
        return text.trimmingCharacters(in: space)
    }

    /// C0 and C1 control characters (other than tab and line feed, which long texts may hold) and the bidi
    /// embedding, override and isolate characters that can make text display in another order than it is stored.
    /// The control characters are Unicode's general category Cc, which its stability policy fixes as U+0000 to
    /// U+001F and U+007F to U+009F: compared as numbers, not looked up for every letter of every name.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\t" || scalar == "\n" { return false }
        return scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || isDirectionOverride(scalar)
    }

    static func isDirectionOverride(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// Non-empty text of at most `limit`.
    func nonEmptyString(expected: String = "non-empty text", limit: TextLimit = .line) -> String? {
        guard let s = string(expected: expected, limit: limit) else { return nil }
        if s.isEmpty {
            invalid(expected, found: "")
            return nil
        }
        return s
    }

    func int(in range: ClosedRange<Int>, expected: String) -> Int? {
        guard let s = string(expected: expected) else { return nil }
        guard let n = Int(s), range.contains(n) else {
            invalid(expected)
            return nil
        }
        return n
    }

    func bool() -> Bool? {
        guard let s = string(expected: "true or false") else { return nil }
        switch s.lowercased() {
        case "true", "yes", "oui", "y": return true
        case "false", "no", "non", "n": return false
        default:
            invalid("true or false")
            return nil
        }
    }

    /// The items of a list; a single scalar counts as a one-item list (`roles: speaker`).
    func list(expected: String = "a list") -> [YAMLValue] {
        switch node {
        case .sequence(let seq):
            let path = self.path
            return seq.items.enumerated().map { i, n in
                YAMLValue(node: n, file: file, parentPath: path, step: .index(i), diagnostics: diagnostics)
            }
        case .scalar where isNull:
            return []
        case .scalar:
            return [self]
        default:
            invalid(expected)
            return []
        }
    }

    /// A mapping whose keys must be among `allowed`; unknown keys are reported with the nearest valid one.
    func fields(_ allowed: [String], context: @autoclosure () -> String? = nil) -> Fields? {
        guard case .mapping(let mapping) = node else {
            invalid("a mapping with keys \(allowed.map { "`\($0)`" }.joined(separator: ", "))")
            return nil
        }
        var keys: [String] = []
        var values: [YAMLValue] = []
        keys.reserveCapacity(mapping.pairs.count)
        values.reserveCapacity(mapping.pairs.count)
        let path = self.path
        for (keyNode, valueNode) in mapping.pairs {
            let key = keyNode.scalar?.string ?? ""
            let child = YAMLValue(
                node: valueNode, file: file, parentPath: path, step: .key(key), diagnostics: diagnostics)
            if allowed.contains(key) {
                // A key given twice is refused by the parser, so each key appears once.
                keys.append(key)
                values.append(child)
            } else {
                let keyLocation = YAMLValue(node: keyNode, file: file, path: path, diagnostics: diagnostics).location
                diagnostics.report(
                    .unknownKey(
                        keyLocation, key: key, in: context() ?? (path.isEmpty ? "top level" : path),
                        suggestion: nearest(to: key, in: allowed), allowed: allowed))
            }
        }
        return Fields(keys: keys, values: values, owner: self)
    }
}

/// The known keys of one mapping, in file order. A mapping has a handful of keys: listing and scanning them costs
/// less than hashing them into a dictionary (measured on 100,000 people).
struct Fields {
    let keys: [String]
    let values: [YAMLValue]
    let owner: YAMLValue

    /// The value under `key`, nil when absent or null.
    subscript(key: String) -> YAMLValue? {
        guard let index = keys.firstIndex(of: key), !values[index].isNull else { return nil }
        return values[index]
    }

    /// The value under `key`, reporting it as missing (at the mapping) when absent.
    func require(_ key: String, expected: String) -> YAMLValue? {
        if let v = self[key] { return v }
        owner.diagnostics.report(
            .missingField(owner.location, field: owner.path.isEmpty ? key : "\(owner.path).\(key)", expected: expected))
        return nil
    }
}
