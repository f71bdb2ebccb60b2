import BarazaModel
import BarazaParallel
internal import CLibYAML
import Foundation

/// Decodes a large people file straight from libyaml's events into `Person` values, on every core.
///
/// `baraza import registrations` writes a file holding one key, `people`, over a block list of 100,000 people,
/// each a mapping of scalars, flow lists and flow mappings. The general path composes the whole file into
/// ``YAMLNode``s, wraps every node in a ``YAMLValue`` and looks each key up in a ``Fields``; here each person's
/// values are composed one at a time, handed to the same ``WorkspaceLoader/applyPersonField(_:_:to:context:)``
/// in the same order, and dropped. The file is cut into pieces as ``ParallelYAML`` cuts it.
///
/// The result is the general path's, or nothing: anything this path does not handle exactly (another top-level
/// key, anchors, aliases, tags, a key it does not know or written twice, a null or oversized value, a directive,
/// a second document, a syntax error, any value the field refuses) makes it give nil, and the caller reads the
/// file the general way, which also gives the exact errors (file:line:column, field, expected).
struct PeopleFastPath {
    let loader: WorkspaceLoader
    let context: DecodingContext
    /// The file as errors and locations show it.
    let file: String

    /// The people of `text`, in file order; nil when the general path must read it.
    func decode(_ text: String, pieces: Int = 16 * ProcessInfo.processInfo.activeProcessorCount) -> [Person]? {
        var text = text
        return text.withUTF8 { decode(bytes: $0, pieces: pieces) }
    }

    /// The people of the file's `bytes`, in file order; nil when the general path must read it. Pieces are parsed
    /// in place, so more pieces than cores cost nothing but keep every core busy to the end.
    ///
    /// The bytes need not have been checked as UTF-8 first: libyaml checks every character of each piece (an
    /// invalid byte sequence is a reader error, and the general path then reports the file as not UTF-8), and
    /// pieces are cut before a line, so valid pieces make a valid file.
    func decode(
        bytes: UnsafeBufferPointer<UInt8>, pieces: Int = 16 * ProcessInfo.processInfo.activeProcessorCount
    ) -> [Person]? {
        guard let split = ParallelYAML.split(bytes, pieces: min(pieces, 64)) else {
            return decode(piece: bytes, first: true, column: nil, linesBefore: 0, lines: nil)
        }
        // Each piece is parsed where it lies; its marks are moved down by the lines before it. Those are counted
        // in newlines, and libyaml counts other line breaks too (a lone carriage return, U+0085, U+2028,
        // U+2029): each piece but the last must hold as many lines for libyaml as newlines, or marks would drift.
        let decoded = parallelMap(split.pieces.count) { k in
            let piece = split.pieces[k]
            // Each piece names its file with a string of its own: every value decoded holds the name, and
            // counting references to one shared string from every core makes the cores wait on each other.
            let own = PeopleFastPath(
                loader: loader, context: context, file: String(decoding: Array(file.utf8), as: UTF8.self))
            return own.decode(
                piece: UnsafeBufferPointer(rebasing: bytes[piece.range]), first: k == 0, column: split.column,
                linesBefore: piece.linesBefore,
                lines: k + 1 < split.pieces.count ? split.pieces[k + 1].linesBefore - piece.linesBefore : nil)
        }
        guard decoded.allSatisfy({ $0 != nil }) else { return nil }
        return decoded.flatMap { $0! }
    }

    /// The people of one piece: the whole file or its first piece (`first`: the `people` key over a block list),
    /// or a later piece (a block list at `column`), which starts after `linesBefore` lines of the file and, unless
    /// it is the last, holds `lines` lines.
    func decode(
        piece bytes: UnsafeBufferPointer<UInt8>, first: Bool, column: Int?, linesBefore: Int, lines: Int?
    ) -> [Person]? {
        let events = Events(bytes, linesBefore: linesBefore)
        guard events.next(YAML_STREAM_START_EVENT), events.next(YAML_DOCUMENT_START_EVENT),
            events.event.data.document_start.version_directive == nil,
            events.event.data.document_start.tag_directives.start == nil
        else { return nil }
        if first {
            guard events.next(YAML_MAPPING_START_EVENT), events.isPlainCollection, events.next(YAML_SCALAR_EVENT),
                events.scalarText == "people", events.hasNoProperties
            else { return nil }
        }
        guard events.next(YAML_SEQUENCE_START_EVENT), events.isPlainCollection,
            events.event.data.sequence_start.style == YAML_BLOCK_SEQUENCE_STYLE,
            column.map({ events.mark.column == $0 }) ?? true
        else { return nil }
        var people: [Person] = []
        let diagnostics = Diagnostics()
        var slots = [YAMLNode?](repeating: nil, count: Self.slotCount)
        while events.advance() {
            if events.event.type == YAML_SEQUENCE_END_EVENT { break }
            guard let person = decodePerson(events, diagnostics, slots: &slots), diagnostics.errors.isEmpty else {
                return nil
            }
            people.append(person)
        }
        guard events.event.type == YAML_SEQUENCE_END_EVENT else { return nil }
        if first { guard events.next(YAML_MAPPING_END_EVENT) else { return nil } }
        guard events.next(YAML_DOCUMENT_END_EVENT), events.next(YAML_STREAM_END_EVENT),
            lines.map({ Int(events.event.start_mark.line) == $0 }) ?? true
        else { return nil }
        return people
    }

    /// A person's values by slot: `id`, `source`, then each ``WorkspaceLoader/AppliedPersonKey`` in its order.
    static let slotCount = 2 + WorkspaceLoader.AppliedPersonKey.allCases.count

    /// The slot of each key.
    static let slots: [String: Int] = Dictionary(
        uniqueKeysWithValues: zip(["id", "source"] + WorkspaceLoader.AppliedPersonKey.allCases.map(\.rawValue), 0...))

    /// The person whose mapping starts at the current event, decoded as ``WorkspaceLoader/decodePerson(_:context:)``
    /// decodes it; nil when it must go the general way (`diagnostics` then may hold why).
    ///
    /// `slots` is scratch space of ``slotCount`` empty slots, left empty again: one list serves every person of a
    /// piece.
    func decodePerson(_ events: Events, _ diagnostics: Diagnostics, slots: inout [YAMLNode?]) -> Person? {
        defer { for slot in slots.indices { slots[slot] = nil } }
        guard events.event.type == YAML_MAPPING_START_EVENT, events.isPlainCollection else { return nil }
        let location = SourceLocation(file: file, line: events.mark.line, column: events.mark.column)
        while events.advance() {
            if events.event.type == YAML_MAPPING_END_EVENT { break }
            guard events.event.type == YAML_SCALAR_EVENT, events.hasNoProperties, let key = events.scalarText,
                let slot = Self.slots[key], slots[slot] == nil, events.advance(), let node = events.node(depth: 0)
            else { return nil }
            slots[slot] = node
        }
        guard events.event.type == YAML_MAPPING_END_EVENT else { return nil }
        func value(_ slot: Int) -> YAMLValue? {
            guard let node = slots[slot] else { return nil }
            let value = YAMLValue(node: node, file: file, path: "", diagnostics: diagnostics)
            // A null value counts as absent, as in `Fields`.
            return value.isNull ? nil : value
        }
        guard let id = value(0)?.identifier(), let name = value(2)?.nonEmptyString() else { return nil }
        let source = value(1).flatMap { loader.decodeSource($0) }
        var person = Person(id: Person.ID(id), name: name, location: location, source: source)
        for (slot, key) in zip(3..., WorkspaceLoader.AppliedPersonKey.allCases.dropFirst()) {
            if let v = value(slot) { loader.applyPersonField(key, v, to: &person, context: context) }
        }
        return person
    }

    /// libyaml's events over one piece, one at a time (a class: libyaml's parser points to itself, so it must
    /// not move).
    final class Events {
        // Read and written by one thread, event after event: no dynamic exclusivity checks on each access.
        @exclusivity(unchecked) var parser = yaml_parser_t()
        @exclusivity(unchecked) var event = yaml_event_t()
        @exclusivity(unchecked) var hasEvent = false
        @exclusivity(unchecked) var failed = false
        /// Lines of the file before the piece parsed.
        let linesBefore: Int

        init(_ bytes: UnsafeBufferPointer<UInt8>, linesBefore: Int) {
            self.linesBefore = linesBefore
            failed = yaml_parser_initialize(&parser) != 1
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        }

        deinit {
            if hasEvent { yaml_event_delete(&event) }
            yaml_parser_delete(&parser)
        }

        /// Reads the next event; false at a syntax error.
        func advance() -> Bool {
            if hasEvent { yaml_event_delete(&event) }
            hasEvent = false
            guard !failed, yaml_parser_parse(&parser, &event) == 1 else {
                failed = true
                return false
            }
            hasEvent = true
            return true
        }

        /// Reads the next event; true when it is of `type`.
        func next(_ type: yaml_event_type_t) -> Bool { advance() && event.type == type }

        var mark: YAMLMark {
            YAMLMark(line: linesBefore + Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        }

        /// A scalar event without anchor or tag.
        var hasNoProperties: Bool { event.data.scalar.anchor == nil && event.data.scalar.tag == nil }

        /// A list or mapping start without anchor or tag.
        var isPlainCollection: Bool {
            event.type == YAML_MAPPING_START_EVENT
                ? event.data.mapping_start.anchor == nil && event.data.mapping_start.tag == nil
                : event.data.sequence_start.anchor == nil && event.data.sequence_start.tag == nil
        }

        /// The current scalar's text, unless it is oversized.
        var scalarText: String? {
            let scalar = event.data.scalar
            guard scalar.length <= TextLimit.maximumScalarBytes else { return nil }
            return String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
        }

        /// The value starting at the current event, composed as ``YAMLComposer`` composes it; nil for what the
        /// fast path leaves to the general one (anchors, aliases, tags, repeated keys, deep nesting).
        func node(depth: Int) -> YAMLNode? {
            guard depth < 4 else { return nil }
            let mark = self.mark
            switch event.type {
            case YAML_SCALAR_EVENT:
                guard hasNoProperties, let text = scalarText else { return nil }
                return .scalar(
                    YAMLScalar(string: text, isPlain: event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE, mark: mark))
            case YAML_SEQUENCE_START_EVENT:
                guard isPlainCollection else { return nil }
                let isFlow = event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                var items: [YAMLNode] = []
                while advance() {
                    if event.type == YAML_SEQUENCE_END_EVENT {
                        return .sequence(YAMLSequence(items: items, mark: mark, isFlow: isFlow))
                    }
                    guard let item = node(depth: depth + 1) else { return nil }
                    items.append(item)
                }
                return nil
            case YAML_MAPPING_START_EVENT:
                guard isPlainCollection else { return nil }
                var pairs: [(key: YAMLNode, value: YAMLNode)] = []
                while advance() {
                    if event.type == YAML_MAPPING_END_EVENT { return .mapping(YAMLMapping(pairs: pairs, mark: mark)) }
                    // Keys are plain text, each once.
                    guard event.type == YAML_SCALAR_EVENT, let key = node(depth: depth + 1),
                        let text = key.scalar?.string, !pairs.contains(where: { $0.key.scalar?.string == text }),
                        advance(), let value = node(depth: depth + 1)
                    else { return nil }
                    pairs.append((key, value))
                }
                return nil
            default:
                return nil  // an alias, or the end of a collection where a value belongs
            }
        }
    }
}
