/// Paths as text, without asking the file system.
///
/// `NSString.deletingLastPathComponent` in swift-corelibs-foundation traps on a one-character relative path
/// (`"o"`, `"."`), which is what a user types for `--out o` or a workspace called `w`. Every parent of a path
/// given by a user goes through `PathText.parent(of:)` instead.
public enum PathText {
    /// The folder part of `path`, as `deletingLastPathComponent` documents it: `"a/b"` → `"a"`, `"/a"` → `"/"`,
    /// `"a"` → `""`, `"a//b/"` → `"a"`, `"/"` → `"/"`.
    public static func parent(of path: String) -> String {
        var text = Substring(path)
        while text.count > 1, text.last == "/" { text.removeLast() }
        guard let slash = text.lastIndex(of: "/") else { return "" }
        var head = text[..<slash]
        while head.last == "/" { head.removeLast() }
        return head.isEmpty ? "/" : String(head)
    }
}
