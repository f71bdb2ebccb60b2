import Foundation
import Testing

@testable import BarazaAgenda

/// WCAG 2 contrast of the colours the style sheet pairs as text on background.
@Suite struct AgendaStyleTests {
    /// Text colour variable, background variable.
    static let pairs: [(String, String)] = [
        ("--text", "--bg"), ("--muted", "--bg"), ("--accent", "--bg"), ("--accent-text", "--accent"),
        ("--text", "--card"), ("--muted", "--card"), ("--accent", "--card"),
        ("--text", "--card-workshop"), ("--muted", "--card-workshop"), ("--accent", "--card-workshop"),
        ("--text", "--card-online"), ("--muted", "--card-online"), ("--accent", "--card-online"),
        ("--text", "--card-break"), ("--muted", "--card-break"), ("--accent", "--card-break"),
        ("--tag-text", "--tag-bg"), ("--focus", "--bg"),
    ]

    static func variables() throws -> [String: String] {
        let css = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("../../Sources/BarazaAgenda/Resources/agenda.css").standardized,
            encoding: .utf8)
        // Only the first :root block: the print block swaps backgrounds for white.
        let root = css.components(separatedBy: ":root {")[1].components(separatedBy: "}")[0]
        var vars: [String: String] = [:]
        for line in root.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0].hasPrefix("--") { vars[parts[0]] = parts[1].trimmingCharacters(in: [";"]) }
        }
        return vars
    }

    static func luminance(_ hex: String) -> Double {
        let digits = Array(hex.dropFirst())
        let channels = stride(from: 0, to: 6, by: 2).map { i -> Double in
            let c = Double(Int(String(digits[i..<(i + 2)]), radix: 16)!) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (la, lb) = (luminance(a), luminance(b))
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    @Test func knownContrastRatios() {
        #expect(abs(Self.contrast("#000000", "#ffffff") - 21) < 0.01)
        #expect(abs(Self.contrast("#777777", "#ffffff") - 4.48) < 0.01)
    }

    @Test(arguments: pairs) func textIsReadable(text: String, background: String) throws {
        let vars = try Self.variables()
        let (fg, bg) = (try #require(vars[text]), try #require(vars[background]))
        let ratio = Self.contrast(fg, bg)
        #expect(ratio >= 4.5, "\(text) \(fg) on \(background) \(bg): \(ratio)")
    }
}
