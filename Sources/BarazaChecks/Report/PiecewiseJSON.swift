import BarazaParallel
import Foundation

/// The JSON report of a large event, made in pieces: each finding encoded on its own, on every core, and put in
/// its place in the document. One encoder holds the whole tree of values before it writes a byte; at 80,000
/// findings that was most of a check's time and gigabytes of memory. The text is the same byte for byte as
/// `wholeJSON()`'s (a test compares them on reports of every rule).
extension FindingReport {
    /// From this many findings on, `json()` works in pieces.
    static let piecewiseFrom = 2_000

    /// The document with its findings encoded one by one, or from one encoder when the skeleton does not have
    /// the shape expected.
    func piecewiseJSON() -> String {
        // The document with no findings, whose empty array the encoder writes as `[`, an empty line, `  ]`.
        let skeleton = Self.encode(JSONReport(events: events, summary: summary, findings: []))
        let empty = "\"findings\" : [\n\n  ]"
        guard !findings.isEmpty, let slot = skeleton.range(of: empty) else { return wholeJSON() }
        let ranges = pieceRanges(findings.count, pieces: 8 * ProcessInfo.processInfo.activeProcessorCount)
        let pieces = parallelMap(ranges.count) { piece -> [UInt8] in
            let encoder = Self.makeEncoder()
            var bytes: [UInt8] = []
            for index in ranges[piece] {
                if index > 0 { bytes.append(contentsOf: ",\n".utf8) }
                Self.appendIndented(Self.encode(JSONReport.FindingJSON(findings[index]), with: encoder), to: &bytes)
            }
            return bytes
        }
        var out = String(skeleton[..<slot.lowerBound]) + "\"findings\" : [\n"
        out.reserveCapacity(pieces.reduce(skeleton.utf8.count) { $0 + $1.count } + 16)
        for piece in pieces { out += String(decoding: piece, as: UTF8.self) }
        return out + "\n  ]" + skeleton[slot.upperBound...] + "\n"
    }

    /// `text`, a finding as the encoder writes it alone, at its depth in the document: four spaces before each
    /// line that is not empty (an empty array's inner line stays empty, as the encoder writes it nested).
    static func appendIndented(_ text: String, to bytes: inout [UInt8]) {
        var lineStart = true
        for byte in text.utf8 {
            if lineStart && byte != UInt8(ascii: "\n") { bytes += [0x20, 0x20, 0x20, 0x20] }
            bytes.append(byte)
            lineStart = byte == UInt8(ascii: "\n")
        }
    }
}
