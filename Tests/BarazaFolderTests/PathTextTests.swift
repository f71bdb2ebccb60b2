import BarazaFolder
import Foundation
import Testing

struct PathTextTests {
    @Test(arguments: [
        ("a/b", "a"), ("./o", "."), ("/o", "/"), ("", ""), ("..", ""), ("../x", ".."), ("a//b", "a"), ("/", "/"),
        ("o", ""), (".", ""), ("o/", ""), ("out/", ""), ("/tmp/x/", "/tmp"), ("//x", "/"), ("a/b/c.ics", "a/b"),
    ])
    func parentIsTheFolderPart(path: String, parent: String) {
        #expect(PathText.parent(of: path) == parent)
    }

    /// Foundation's answer where it does not trap (names of two characters or more).
    @Test(arguments: ["ab", "people.yaml", "a/b", "/tmp/o", "x//yy", "../ws", "./out/", "/", "//a", "é/ü"])
    func parentAgreesWithFoundation(path: String) {
        #expect(PathText.parent(of: path) == (path as NSString).deletingLastPathComponent)
    }
}
