import BarazaModel
// libyaml through its own system target (libyaml-dev), not Yams's internal module: the loader composes its nodes
// straight from libyaml's events (see `YAMLComposer`). Yams links its bundled copy of the same library (0.2.5) into
// the same binary, and the linker binds these calls to it.
internal import CLibYAML
import Foundation

/// Where a node starts: line from 1, column from 1 in Unicode scalars (as libyaml counts).
///
/// Kept in 32 bits each: a 100,000-person file composes to millions of nodes, and each carries its mark.
struct YAMLMark: Sendable, Equatable {
    private let storedLine: Int32
    private let storedColumn: Int32

    init(line: Int, column: Int) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    var line: Int { Int(storedLine) }
    var column: Int { Int(storedColumn) }
}

/// A node of a workspace file, as the loader reads it: every scalar is text (the field that expects a number, a
/// date or a flag reads it as such), so no tag resolution is done.
enum YAMLNode: Sendable {
    case scalar(YAMLScalar)
    case sequence(YAMLSequence)
    case mapping(YAMLMapping)

    /// Where the node starts.
    var mark: YAMLMark {
        switch self {
        case .scalar(let s): return s.mark
        case .sequence(let s): return s.mark
        case .mapping(let m): return m.mark
        }
    }

    /// The scalar, if the node is one.
    var scalar: YAMLScalar? {
        if case .scalar(let s) = self { return s }
        return nil
    }
}

/// A scalar's text and whether it was written plain (unquoted, not a block scalar): only a plain `null` or `~`
/// is null.
struct YAMLScalar: Sendable {
    // Laid out largest first, so that a scalar (and so every node) takes 8 bytes less.
    var string: String
    var mark: YAMLMark
    /// For a value larger than ``TextLimit/maximumScalarBytes``: its length in Unicode scalars. `string` then
    /// holds only its first few characters (for the error), and the field reading it refuses it.
    var oversizedLength: Int?
    var isPlain: Bool

    /// Whether this is an explicit or implicit null (`key:` with nothing after it, `~`, `null`), written plain.
    var isNull: Bool {
        guard isPlain else { return false }
        switch string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    init(string: String, isPlain: Bool, mark: YAMLMark, oversizedLength: Int? = nil) {
        self.string = string
        self.mark = mark
        self.oversizedLength = oversizedLength
        self.isPlain = isPlain
    }
}

/// A list's items.
struct YAMLSequence: Sendable {
    var items: [YAMLNode]
    var mark: YAMLMark
    /// Written `[a, b]` rather than as `- ` lines.
    var isFlow: Bool
}

/// A mapping's pairs, in file order; no key is there twice.
struct YAMLMapping: Sendable {
    var pairs: [(key: YAMLNode, value: YAMLNode)]
    var mark: YAMLMark
}

/// Why a text is not YAML, with what libyaml says and where.
enum YAMLSyntaxError: Error {
    /// A byte sequence or character YAML does not allow, at a byte `offset` (`value`: the character, or -1).
    case reader(problem: String, offset: Int, value: Int)
    /// What libyaml's scanner, parser or this composer found at `mark`; `context` is what was open then, and where
    /// it began.
    case syntax(context: (text: String, mark: YAMLMark)?, problem: String, mark: YAMLMark)
    /// Keys written twice in one mapping (sorted); `first` is where the first of them is first written.
    case duplicateKeys([String], first: YAMLMark)
}

/// Composes the single document of a YAML text into ``YAMLNode``s from libyaml's events, with what the loader
/// needs and nothing more: text scalars with their style and mark, lists, mappings without repeated keys, anchors
/// and aliases. It builds the same tree as `Yams.compose(yaml:_: .basic)` (compared in the tests) at a fraction
/// of the cost: no tag objects, no resolver, no event objects.
///
/// Nesting is followed on a stack of its own and limited (``maximumDepth``), aliases may not expand a file to
/// more values than it could hold written out (a "billion laughs" file is refused), and a scalar larger than
/// ``TextLimit/maximumScalarBytes`` is kept as an excerpt and its length (never copied whole), so no file exhausts
/// the stack or the memory of the tools that read the tree.
enum YAMLComposer {
    /// The deepest nesting of lists and mappings a file may have.
    static let maximumDepth = 200

    /// The document of `text`; nil when it holds no document (only comments or white space).
    static func compose(_ text: String) throws(YAMLSyntaxError) -> YAMLNode? {
        var text = text
        return try text.withUTF8 { bytes in Result { () throws(YAMLSyntaxError) in try compose(bytes) } }.get()
    }

    /// The document of the UTF-8 `bytes`; nil when it holds no document.
    static func compose(_ bytes: UnsafeBufferPointer<UInt8>) throws(YAMLSyntaxError) -> YAMLNode? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw .syntax(context: nil, problem: "out of memory", mark: YAMLMark(line: 1, column: 1))
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        // libyaml reads a zero-length input from a null pointer as empty; the pointer is only read.
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        var composer = Composer(budget: 2 * bytes.count + 100_000)
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { throw error(of: parser) }
            defer { yaml_event_delete(&event) }
            if try composer.take(event) { return composer.root }
        }
    }

    /// Error values as libyaml reports them.
    static func error(of parser: yaml_parser_t) -> YAMLSyntaxError {
        func mark(_ m: yaml_mark_t) -> YAMLMark { YAMLMark(line: Int(m.line) + 1, column: Int(m.column) + 1) }
        let problem = parser.problem.map { String(cString: $0) } ?? "not valid YAML"
        switch parser.error {
        case YAML_READER_ERROR:
            return .reader(problem: problem, offset: Int(parser.problem_offset), value: Int(parser.problem_value))
        case YAML_MEMORY_ERROR:
            return .syntax(context: nil, problem: "out of memory", mark: YAMLMark(line: 1, column: 1))
        default:
            let context = parser.context.map { (text: String(cString: $0), mark: mark(parser.context_mark)) }
            return .syntax(context: context, problem: problem, mark: mark(parser.problem_mark))
        }
    }

    /// The tree being built, one event at a time.
    private struct Composer {
        /// A list or mapping whose end has not been read yet.
        struct Open {
            var isMapping: Bool
            var items: [YAMLNode] = []
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            var pendingKey: YAMLNode?
            var mark: YAMLMark
            var isFlow: Bool
            var anchor: String?
            /// Values below it, aliases expanded.
            var size = 1
        }

        var open: [Open] = []
        var anchors: [String: (node: YAMLNode, size: Int)] = [:]
        var root: YAMLNode?
        var documents = 0
        /// The most values (aliases expanded) the document may hold.
        let budget: Int

        init(budget: Int) { self.budget = budget }

        static func mark(_ event: yaml_event_t) -> YAMLMark {
            YAMLMark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        }

        /// The first bytes of an oversized scalar, cut at a character boundary: enough to recognise it in an error.
        static func excerpt(of bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
            var end = min(bytes.count, 64)
            // Back off continuation bytes (10xxxxxx) so the excerpt ends on a whole UTF-8 sequence.
            while end > 0, end < bytes.count, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            return UnsafeBufferPointer(rebasing: bytes[..<end])
        }

        /// The number of Unicode scalars in valid UTF-8 `bytes`: the bytes that do not continue a sequence.
        static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            bytes.reduce(into: 0) { count, byte in count += byte & 0xC0 == 0x80 ? 0 : 1 }
        }

        static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
        }

        /// Takes in one event; true when the stream has ended.
        mutating func take(_ event: yaml_event_t) throws(YAMLSyntaxError) -> Bool {
            if open.count == YAMLComposer.maximumDepth
                && (event.type == YAML_SEQUENCE_START_EVENT || event.type == YAML_MAPPING_START_EVENT)
            {
                throw .syntax(
                    context: nil,
                    problem: "lists and mappings nested more than \(YAMLComposer.maximumDepth) deep; no workspace "
                        + "file needs that many", mark: Self.mark(event))
            }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return true
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                guard documents == 1 else {
                    throw .syntax(
                        context: (text: "expected a single document in the stream", mark: YAMLMark(line: 1, column: 1)),
                        problem: "but found another document", mark: Self.mark(event))
                }
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
                let oversized = scalar.length > TextLimit.maximumScalarBytes
                let string = String(decoding: oversized ? Self.excerpt(of: bytes) : bytes, as: UTF8.self)
                let node = YAMLNode.scalar(
                    YAMLScalar(
                        string: string, isPlain: scalar.style == YAML_PLAIN_SCALAR_STYLE, mark: Self.mark(event),
                        oversizedLength: oversized ? Self.scalarCount(bytes) : nil))
                if let anchor = Self.text(scalar.anchor) { anchors[anchor] = (node, 1) }
                try attach(node, size: 1)
            case YAML_ALIAS_EVENT:
                guard let name = Self.text(event.data.alias.anchor), let anchored = anchors[name] else {
                    throw .syntax(context: nil, problem: "found undefined alias", mark: Self.mark(event))
                }
                try attach(anchored.node, size: anchored.size)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let (sequence, mapping) = (event.data.sequence_start, event.data.mapping_start)
                open.append(
                    Open(
                        isMapping: isMapping, mark: Self.mark(event),
                        isFlow: isMapping
                            ? mapping.style == YAML_FLOW_MAPPING_STYLE : sequence.style == YAML_FLOW_SEQUENCE_STYLE,
                        anchor: Self.text(isMapping ? mapping.anchor : sequence.anchor)))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let done = open.removeLast()
                let node: YAMLNode
                if done.isMapping {
                    try Self.refuseRepeatedKeys(done.pairs)
                    node = .mapping(YAMLMapping(pairs: done.pairs, mark: done.mark))
                } else {
                    node = .sequence(YAMLSequence(items: done.items, mark: done.mark, isFlow: done.isFlow))
                }
                if let anchor = done.anchor { anchors[anchor] = (node, done.size) }
                try attach(node, size: done.size)
            default:
                break  // stream start, document end
            }
            return false
        }

        /// Adds a finished node to the list or mapping it belongs to (or makes it the root).
        mutating func attach(_ node: YAMLNode, size: Int) throws(YAMLSyntaxError) {
            guard !open.isEmpty else {
                root = node
                return
            }
            let last = open.count - 1
            open[last].size += size
            guard open[last].size <= budget else {
                throw .syntax(
                    context: nil,
                    problem: "aliases expand this file to more than \(budget) values; write the values out instead",
                    mark: node.mark)
            }
            if !open[last].isMapping {
                open[last].items.append(node)
            } else if let key = open[last].pendingKey {
                open[last].pairs.append((key, node))
                open[last].pendingKey = nil
            } else {
                open[last].pendingKey = node
            }
        }

        /// Refuses a mapping with a key written twice, naming the keys (sorted) and where the first of them is
        /// first written. Keys compare as Yams compares them: scalars by text, lists and mappings by content.
        static func refuseRepeatedKeys(_ pairs: [(key: YAMLNode, value: YAMLNode)]) throws(YAMLSyntaxError) {
            guard pairs.count > 1 else { return }
            if pairs.count <= 16 {
                // Most mappings have a handful of keys: comparing them pairwise costs less than hashing them.
                var clean = true
                for i in 1..<pairs.count {
                    guard let key = pairs[i].key.scalar?.string else {
                        clean = false  // a list or mapping as a key: compared below
                        break
                    }
                    for j in 0..<i where pairs[j].key.scalar?.string == key { clean = false }
                }
                if clean { return }
            }
            var firstMarks: [String: YAMLMark] = [:]
            var repeated: Set<String> = []
            firstMarks.reserveCapacity(pairs.count)
            for pair in pairs {
                let key = text(of: pair.key)
                if firstMarks[key] == nil {
                    firstMarks[key] = pair.key.mark
                } else {
                    repeated.insert(key)
                }
            }
            guard !repeated.isEmpty else { return }
            let keys = repeated.sorted()
            throw .duplicateKeys(keys, first: firstMarks[keys[0]]!)
        }

        /// A key as text: a scalar's own text, a list or mapping in flow style.
        static func text(of node: YAMLNode) -> String {
            switch node {
            case .scalar(let s): return s.string
            case .sequence(let s): return "[" + s.items.map(text(of:)).joined(separator: ", ") + "]"
            case .mapping(let m):
                return "{" + m.pairs.map { text(of: $0.key) + ": " + text(of: $0.value) }.joined(separator: ", ") + "}"
            }
        }
    }
}
