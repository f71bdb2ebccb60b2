import BarazaTestSupport
import Foundation
import Testing

@testable import BarazaFolder

/// Containment is decided on canonical paths: `..`, symbolic links and relative workspace paths alike.
struct WorkspaceFolderTests {
    /// A scratch tree: `<root>/events/ws` (the workspace) beside `<root>/outside/secret.txt`.
    struct Tree {
        let root: String
        var workspace: String { root + "/events/ws" }
        var outside: String { root + "/outside" }

        init() throws {
            root = ScratchFolders.url("folder").path
            try FileManager.default.createDirectory(atPath: root + "/events/ws/sub", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: root + "/outside", withIntermediateDirectories: true)
            try write("secret: do not read\n", to: root + "/outside/secret.txt")
            try write("people: []\n", to: root + "/events/ws/people.yaml")
        }

        func write(_ text: String, to path: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }

        func link(_ name: String, to target: String) throws {
            try FileManager.default.createSymbolicLink(atPath: workspace + "/" + name, withDestinationPath: target)
        }
    }

    @Test func aRelativeWorkspacePathIsResolvedLikeAnAbsoluteOne() throws {
        let tree = try Tree()
        // The workspace named relative to the current directory (tests run side by side: no `chdir`).
        let depth = FileManager.default.currentDirectoryPath.split(separator: "/").count
        let relative = String(repeating: "../", count: depth) + tree.workspace.dropFirst()
        let folder = try WorkspaceFolder(relative)
        #expect(folder.root == WorkspaceFolder.realPath(tree.workspace))
        #expect(folder.display("people.yaml").hasSuffix("events/ws/people.yaml"))
        #expect(try folder.resolve("people.yaml").relative == "people.yaml")
        #expect(try folder.resolve("sub/../people.yaml").relative == "people.yaml")
        // The README's own style, `baraza check events/ws`, with an include that climbs out.
        for escape in ["../../outside/secret.txt", "../../../../../../../../etc/passwd", "sub/../../ws/../x"] {
            #expect(throws: FolderError.outside(escape)) { try folder.resolve(escape) }
        }
        #expect(throws: FolderError.absolute("/etc/passwd")) { try folder.resolve("/etc/passwd") }
    }

    @Test func symbolicLinksCountWhereTheyLead() throws {
        let tree = try Tree()
        try tree.link("passwd.yaml", to: "/etc/passwd")
        try tree.link("out", to: tree.outside)
        try tree.link("dangling-out.csv", to: "../../gone/nowhere.csv")
        try tree.link("dangling-in.csv", to: "sub/later.csv")
        try tree.link("inside.yaml", to: "sub/../people.yaml")
        let folder = try WorkspaceFolder(tree.workspace)
        #expect(throws: FolderError.outside("passwd.yaml")) { try folder.resolve("passwd.yaml") }
        #expect(throws: FolderError.outside("out/secret.txt")) { try folder.resolve("out/secret.txt") }
        #expect(throws: FolderError.outside("out/new.txt")) { try folder.resolve("out/new.txt") }
        #expect(throws: FolderError.outside("dangling-out.csv")) { try folder.resolve("dangling-out.csv") }
        let later = try folder.resolve("dangling-in.csv")
        #expect(!later.exists)
        let inside = try folder.resolve("inside.yaml")
        #expect(inside.exists && inside.relative == "people.yaml")
        #expect(try folder.contents(of: "inside.yaml") == Data("people: []\n".utf8))
        // Nothing outside is read, whichever way it is asked for.
        #expect(throws: FolderError.outside("passwd.yaml")) { try folder.contents(of: "passwd.yaml") }
    }

    @Test func onlyRegularFilesAreRead() throws {
        let tree = try Tree()
        #expect(mkfifo(tree.workspace + "/pipe.csv", 0o644) == 0)
        let folder = try WorkspaceFolder(tree.workspace)
        // A pipe would block a reader forever; a folder is not a file.
        #expect(throws: FolderError.notAFile("pipe.csv")) { try folder.contents(of: "pipe.csv") }
        #expect(throws: FolderError.notAFile("sub")) { try folder.contents(of: "sub") }
        #expect(throws: FolderError.notFound("missing.yaml")) { try folder.contents(of: "missing.yaml") }
    }

    @Test(arguments: ["", "..", "a/../b", "./a", "a//b", ".baraza/journal", "/etc/x", "a/\u{0}"])
    func pathsBarazaWritesArePlain(_ relative: String) throws {
        let folder = try WorkspaceFolder(try Tree().workspace)
        #expect(throws: FolderError.self) { try folder.entry(relative) }
    }

    @Test func aMissingFolderIsNamedAsGiven() {
        #expect(throws: FolderError.noSuchFolder("no/such/ws")) { try WorkspaceFolder("no/such/ws") }
    }
}
