import Foundation
import Testing

/// Whether golden files are being recorded: `RECORD_GOLDEN=1 swift test`.
public var isRecordingGolden: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

/// Compares `text` byte for byte with the golden file at `file`.
///
/// With `RECORD_GOLDEN=1` the file is (re)written and an issue is recorded anyway, so a recording run always
/// fails loudly and nothing passes just by being recorded: review the diff, then run again without the switch.
public func assertGolden(
    _ text: String, file: URL, sourceLocation: SourceLocation = #_sourceLocation
) {
    let actual = Data(text.utf8)
    if isRecordingGolden {
        do {
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: file)
            Issue.record(
                "recorded golden file \(file.path); review the diff and run again without RECORD_GOLDEN",
                sourceLocation: sourceLocation)
        } catch {
            Issue.record("cannot record golden file \(file.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected = FileManager.default.contents(atPath: file.path) else {
        Issue.record(
            "missing golden file \(file.path); record it with RECORD_GOLDEN=1 swift test",
            sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        let e = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let a = text.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDifference = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
        let shown = { (lines: [Substring]) in
            firstDifference < lines.count ? String(lines[firstDifference]) : "<end of text>"
        }
        Issue.record(
            """
            output differs from golden file \(file.path) at line \(firstDifference + 1):
              expected: \(shown(e))
              actual:   \(shown(a))
            (re-record with RECORD_GOLDEN=1 swift test and review the diff)
            """, sourceLocation: sourceLocation)
    }
}
