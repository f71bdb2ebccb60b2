import Foundation

/// Names of files inside a pack: relative, `/`-separated, Unicode NFC, with nothing an unzip tool could turn
/// into a path outside its target folder.
public enum EntryName {
    /// The safe form of `name`: NFC, `.` and empty segments dropped. Throws for absolute paths, `..` segments,
    /// backslashes, drive letters (`C:`), control characters and names that end up empty.
    public static func normalise(_ name: String) throws(PackError) -> String {
        let nfc = name.precomposedStringWithCanonicalMapping
        func refuse(_ reason: String) -> PackError { .unsafeEntryName(name: printable(name), reason: reason) }
        if nfc.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw refuse("it holds control characters")
        }
        if nfc.contains("\\") { throw refuse("it holds a backslash, which some tools read as a folder separator") }
        if nfc.hasPrefix("/") { throw refuse("it is an absolute path") }
        let segments = nfc.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        if segments.contains("..") { throw refuse("it climbs out of its folder with `..`") }
        if let first = segments.first, first.count >= 2, first.dropFirst().first == ":" {
            throw refuse("it starts with a drive letter")
        }
        if segments.contains(where: { $0.contains(":") }) { throw refuse("it holds `:`, which Windows cannot store") }
        guard !segments.isEmpty else { throw refuse("it is empty") }
        return segments.joined(separator: "/")
    }

    /// A file or folder name made from free text (a city, a session id): NFC, lower case, runs of anything other
    /// than letters, digits, `-`, `_` and `.` turned into one `-`; never empty, never `.` or `..`.
    public static func slug(_ text: String) -> String {
        var out = ""
        var dash = false
        for ch in text.precomposedStringWithCanonicalMapping.lowercased() {
            if ch.isLetter || ch.isNumber || ch == "_" || ch == "." || ch == "-" {
                out.append(ch)
                dash = false
            } else if !dash && !out.isEmpty {
                out.append("-")
                dash = true
            }
        }
        while let last = out.last, last == "-" || last == "." { out.removeLast() }
        while let first = out.first, first == "-" || first == "." { out.removeFirst() }
        return out.isEmpty ? "unnamed" : out
    }

    /// `name` with control characters shown as `\u{..}`, for error messages.
    static func printable(_ name: String) -> String {
        var out = ""
        for s in name.unicodeScalars {
            if s.properties.generalCategory == .control {
                out += "\\u{\(String(s.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(s)
            }
        }
        return out
    }
}
