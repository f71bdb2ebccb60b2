import BarazaParallel
import Foundation

/// Composes large YAML files on every core.
///
/// Workspace files that grow large (an imported `people.yaml` with 100,000 people) are a top-level mapping whose
/// last key holds a long block sequence. Such a file is cut before items of that sequence (lines holding exactly
/// the sequence's indentation and `- `) into pieces that libyaml composes concurrently; the items are then joined
/// back into the first piece's sequence. Every piece after the first is padded with the newlines that preceded
/// it, so marks (line and column) are those of the whole file.
///
/// The result is the sequential parse's, or nothing: a cut inside a quoted scalar or a flow collection leaves a
/// piece that does not parse, an alias to an anchor in another piece is unknown, a directive or a second document
/// does not fit, and a piece whose root is not a block sequence at the expected column is refused. In all those
/// cases (and for small files) the caller composes the whole text in one pass, which also gives the exact error.
enum ParallelYAML {
    /// Below this size a file is composed in one pass: splitting costs more than it saves.
    static let minimumBytes = 256 << 10
    /// At most this many pieces, whatever the number of cores: each piece after the first costs its padding.
    static let maximumPieces = 8

    /// The document in `text`, as ``YAMLComposer`` composes it in one pass; throws what that throws.
    static func compose(
        _ text: String, pieces: Int = ProcessInfo.processInfo.activeProcessorCount, minimumBytes: Int = minimumBytes
    ) throws(YAMLSyntaxError) -> YAMLNode? {
        let pieces = min(pieces, maximumPieces)
        if pieces > 1, text.utf8.count >= minimumBytes, let node = composeInPieces(text, pieces: pieces) {
            return node
        }
        return try YAMLComposer.compose(text)
    }

    /// Where a file may be cut: byte offsets of item lines of its last top-level sequence, and that sequence's
    /// indentation. Nil when the file does not have that shape.
    struct Cuts {
        var indentation: Int
        /// Byte offsets of the lines starting an item, after the first item.
        var offsets: [Int]
        /// The number of lines before each of those (0-based line numbers), for the padding.
        var lines: [Int]
    }

    static func cuts(in bytes: UnsafeBufferPointer<UInt8>) -> Cuts? {
        let newline = UInt8(ascii: "\n")
        let space = UInt8(ascii: " ")
        let dash = UInt8(ascii: "-")
        let hash = UInt8(ascii: "#")
        // Line starts, and the last top-level line that is not an item, comment or blank (the sequence's key).
        var lineStarts: [Int] = []
        var lastKeyLine = -1
        var start = 0
        let count = bytes.count
        while start < count {
            lineStarts.append(start)
            let first = bytes[start]
            if first == UInt8(ascii: "%") { return nil }  // directives apply to the whole stream
            if first != space && first != newline && first != hash && first != UInt8(ascii: "\r")
                && first != UInt8(ascii: "\t")
            {
                if first == dash {
                    // A document marker (`---`) ends the shape; a top-level item is part of a top-level sequence.
                    if start + 2 < count && bytes[start + 1] == dash && bytes[start + 2] == dash { return nil }
                } else {
                    lastKeyLine = lineStarts.count - 1
                }
            }
            start = lineEnd(bytes, from: start) + 1
        }
        guard lastKeyLine >= 0 else { return nil }
        var indentation = -1
        var offsets: [Int] = []
        var lines: [Int] = []
        for (number, line) in lineStarts.enumerated().dropFirst(lastKeyLine + 1) {
            var i = line
            while i < count && bytes[i] == space { i += 1 }
            guard i < count, bytes[i] != newline, bytes[i] != hash, bytes[i] != UInt8(ascii: "\r") else { continue }
            let isItem = bytes[i] == dash && (i + 1 == count || bytes[i + 1] == space || bytes[i + 1] == newline)
            if indentation < 0 {
                // The first line under the key must open the sequence.
                guard isItem else { return nil }
                indentation = i - line
            } else if isItem && i - line == indentation {
                offsets.append(line)
                lines.append(number)
            }
        }
        guard indentation >= 0, !offsets.isEmpty else { return nil }
        return Cuts(indentation: indentation, offsets: offsets, lines: lines)
    }

    /// The offset of the first newline at or after `start`, or the end: found by `memchr`, which reads a large
    /// file many times faster than a loop over its bytes.
    static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < bytes.count, let base = bytes.baseAddress,
            let found = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start)
        else { return bytes.count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Whether `bytes` hold a line break other than a newline (alone or after a carriage return) that libyaml
    /// counts as one: a lone carriage return, U+0085, U+2028 or U+2029.
    static func hasOtherLineBreaks(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        // Each lead byte is found with memchr; only its few occurrences are looked at further.
        func occurrences(of byte: UInt8, where found: (Int) -> Bool) -> Bool {
            var start = 0
            while start < bytes.count, let hit = memchr(base + start, Int32(byte), bytes.count - start) {
                let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if found(i) { return true }
                start = i + 1
            }
            return false
        }
        func at(_ i: Int) -> UInt8? { i < bytes.count ? bytes[i] : nil }
        return occurrences(of: 0x0D) { at($0 + 1) != 0x0A }
            || occurrences(of: 0xC2) { at($0 + 1) == 0x85 }
            || occurrences(of: 0xE2) { at($0 + 1) == 0x80 && (at($0 + 2) == 0xA8 || at($0 + 2) == 0xA9) }
    }

    /// The text composed in `pieces` concurrent pieces, or nil when it cannot be (see the type's comment).
    static func composeInPieces(_ text: String, pieces: Int) -> YAMLNode? {
        var text = text
        return text.withUTF8 { bytes -> YAMLNode? in
            guard let split = split(bytes, pieces: pieces) else { return nil }
            let texts = split.pieces.map { piece in
                String(repeating: "\n", count: piece.linesBefore)
                    + String(decoding: UnsafeBufferPointer(rebasing: bytes[piece.range]), as: UTF8.self)
            }
            // Pieces are padded with newlines; a piece holding a line break libyaml counts but `cuts` does not
            // (see `hasOtherLineBreaks`) would move every later mark, so the file is then composed in one pass.
            let roots = parallelMap(texts.count) { k in
                hasOtherLineBreaks(UnsafeBufferPointer(rebasing: bytes[split.pieces[k].range]))
                    ? nil : try? YAMLComposer.compose(texts[k])
            }
            return splice(roots, column: split.column)
        }
    }

    /// Where to cut the file into at most `pieces` pieces: each piece's bytes and the number of lines before it
    /// (composed alone, a piece is padded with that many newlines so that its marks are the file's), and the
    /// column (from 1) of the items of its last top-level list; nil when it cannot be cut.
    static func split(_ bytes: UnsafeBufferPointer<UInt8>, pieces: Int) -> (
        pieces: [(range: Range<Int>, linesBefore: Int)], column: Int
    )? {
        guard pieces > 1, let cuts = cuts(in: bytes) else { return nil }
        // Cut near equal byte shares, each at the first item line at or after its share.
        var boundaries: [Int] = [0]
        var linesBefore: [Int] = [0]
        var next = 0
        for k in 1..<pieces {
            let target = bytes.count * k / pieces
            while next < cuts.offsets.count && cuts.offsets[next] < target { next += 1 }
            guard next < cuts.offsets.count else { break }
            if cuts.offsets[next] > boundaries.last! {
                boundaries.append(cuts.offsets[next])
                linesBefore.append(cuts.lines[next])
            }
        }
        guard boundaries.count > 1 else { return nil }
        boundaries.append(bytes.count)
        // The padding must not cost more than the file itself (a file of mostly blank lines): one pass then.
        guard linesBefore.reduce(0, +) <= bytes.count else { return nil }
        let ranges = (0..<(boundaries.count - 1)).map { k in
            (range: boundaries[k]..<boundaries[k + 1], linesBefore: linesBefore[k])
        }
        return (ranges, cuts.indentation + 1)
    }

    /// The first piece's root with the later pieces' items appended to its last value; nil unless every piece
    /// has the expected shape.
    static func splice(_ roots: [YAMLNode?], column: Int) -> YAMLNode? {
        guard case .mapping(var mapping)? = roots.first, let last = mapping.pairs.indices.last else { return nil }
        // The cut lines (`- ` at this column under the last key) make the head and every piece block sequences.
        guard case .sequence(var head) = mapping.pairs[last].value, !head.isFlow, head.mark.column == column
        else { return nil }
        for root in roots.dropFirst() {
            guard case .sequence(let piece)? = root, !piece.isFlow, piece.mark.column == column else { return nil }
            head.items.append(contentsOf: piece.items)
        }
        mapping.pairs[last].value = .sequence(head)
        return .mapping(mapping)
    }
}
