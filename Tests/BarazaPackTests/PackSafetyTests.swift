import BarazaModel
import BarazaPack
import BarazaWorkspace
import Foundation
import Testing

/// Bad materials, unsafe names and failed writes: errors come before anything is written, and an earlier pack
/// survives a failed one.
@Suite("Pack safety")
struct PackSafetyTests {
    /// A builder for `mini`; `strict` makes `missing-material` an error (as `checks.severity` does), so packs
    /// refuse a material they cannot pack.
    static func builder(_ mini: MiniWorkspace, strict: Bool = false) throws -> PackBuilder {
        var workspace = try mini.load()
        if strict { workspace.settings.severityOverrides["missing-material"] = .error }
        return PackBuilder(workspace: workspace, attendance: Attendance(plannedFrom: workspace))
    }

    @Test("By default a missing material is a warning, as in `check`: the packs are built without it and name it")
    func missingMaterialLeftOut() throws {
        let mini = try MiniWorkspace(materials: ["s2": ["materials/absent/report.pdf"]])
        let plans = try Self.builder(mini).plan(.participants)
        let shared = try #require(plans.first { $0.path == "packs/participants.zip" })
        #expect(shared.missingMaterials == ["material `materials/absent/report.pdf` of session `s2`"])
        #expect(!shared.entryNames.contains { $0.hasSuffix("report.pdf") })
        let out = try Scratch()
        let builder = try Self.builder(mini)
        try builder.write(shared, into: out.path)
        let zip = try ZipContents(out.path("packs/participants.zip"))
        #expect(zip.text("index.html").contains("(report.pdf: not available when the pack was built"))
        #expect(zip.text("manifest.json").contains("materials/absent/report.pdf"))
    }

    @Test("As an error, a material missing on disk stops the packs naming the session and the path; nothing is written")
    func missingMaterial() throws {
        let mini = try MiniWorkspace(materials: ["s2": ["materials/absent/report.pdf"]])
        let builder = try Self.builder(mini, strict: true)
        let out = try Scratch()
        #expect(throws: PackError.self) { _ = try builder.plan(.public) }
        do {
            _ = try builder.plan(.public)
        } catch {
            guard case .missingMaterial(let session, let path, let location) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(session == "s2")
            #expect(path == "materials/absent/report.pdf")
            #expect(location.file.hasSuffix("event.yaml"))
            #expect(error.description.contains("session `s2`: material `materials/absent/report.pdf` does not exist"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }

    @Test(
        "Material paths that leave the workspace are errors when `missing-material` is",
        arguments: [
            "../outside.txt", "materials/../../outside.txt", "/etc/hostname", "link-out.txt", "dangling-out.txt",
        ])
    func escapingMaterial(path: String) throws {
        let mini = try MiniWorkspace(materials: ["s1": [path]])
        try mini.scratch.write("secret\n", to: "outside.txt")
        try FileManager.default.createSymbolicLink(
            atPath: mini.scratch.path("mini/link-out.txt"), withDestinationPath: mini.scratch.path("outside.txt"))
        try FileManager.default.createSymbolicLink(
            atPath: mini.scratch.path("mini/dangling-out.txt"), withDestinationPath: "../gone/nowhere.txt")
        let builder = try Self.builder(mini, strict: true)
        #expect(
            throws: PackError.materialOutsideWorkspace(
                session: "s1", path: path, at: builder.workspace.sessionsByID["s1"]!.location)
        ) {
            _ = try builder.plan(.public)
        }
    }

    @Test("A symbolic link that stays inside the workspace is followed; a folder is not a material")
    func linksInsideAndFolders() throws {
        let mini = try MiniWorkspace(materials: ["s1": ["materials/alias.md"]])
        try FileManager.default.createSymbolicLink(
            atPath: mini.scratch.path("mini/materials/alias.md"), withDestinationPath: "day1/notes.md")
        #expect(try Self.builder(mini).plan(.public).count == 1)
        let folder = try MiniWorkspace(materials: ["s1": ["materials/day1"]])
        let builder = try Self.builder(folder, strict: true)
        #expect(
            throws: PackError.materialNotAFile(
                session: "s1", path: "materials/day1", at: builder.workspace.sessionsByID["s1"]!.location)
        ) {
            _ = try builder.plan(.public)
        }
    }

    @Test("A failed pack leaves the previous zip untouched and no temporary file behind")
    func failedWriteKeepsPreviousZip() throws {
        let mini = try MiniWorkspace()
        let builder = try Self.builder(mini, strict: true)
        let out = try Scratch()
        let plan = try #require(try builder.plan(.public).first)
        try builder.write(plan, into: out.path)
        let zip = out.path("packs/public.zip")
        let before = try Data(contentsOf: URL(fileURLWithPath: zip))

        // A material changes between planning and writing: the new zip is abandoned half-way.
        let again = try #require(try builder.plan(.public).first)
        try "shorter".write(
            toFile: mini.scratch.path("mini/materials/day1/slides.pdf"), atomically: false, encoding: .utf8)
        #expect(throws: PackError.self) { try builder.write(again, into: out.path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: zip)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path("packs")) == ["public.zip"])

        // A missing material (an error here) stops the run at planning, before anything is written.
        try FileManager.default.removeItem(atPath: mini.scratch.path("mini/materials/day1/notes.md"))
        #expect(throws: PackError.self) { _ = try builder.plan(.public) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: zip)) == before)
    }

    @Test("Two materials of one session with the same file name are refused")
    func duplicateNames() throws {
        let mini = try MiniWorkspace(materials: ["s1": ["materials/day1/notes.md", "materials/notes.md"]])
        try mini.scratch.write("other notes\n", to: "mini/materials/notes.md")
        #expect(throws: PackError.duplicateEntry(path: "materials/2027-03-23/s1/notes.md")) {
            _ = try Self.builder(mini).plan(.public)
        }
    }

    @Test(
        "Entry names are normalised",
        arguments: [
            ("a/b.pdf", "a/b.pdf"),
            ("./a//b/./c.md", "a/b/c.md"),
            ("photo cafe\u{301}.png", "photo caf\u{E9}.png"),
            ("Kigali/Séance 1/x.txt", "Kigali/Séance 1/x.txt"),
        ])
    func normalised(input: String, expected: String) throws {
        let result = try EntryName.normalise(input)
        #expect(result == expected)
        #expect(result.unicodeScalars.elementsEqual(expected.precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    @Test(
        "Unsafe entry names are refused",
        arguments: [
            "/etc/passwd", "../x", "a/../../x", "a/..", "a\\b.txt", "C:/x.txt", "a\u{0}b", "line\nbreak", "tab\there",
            "bell\u{7}", "del\u{7F}", "", "./", "a:b",
        ])
    func refused(input: String) {
        #expect(throws: PackError.self) { try EntryName.normalise(input) }
    }

    @Test("Slugs are safe single segments")
    func slugs() throws {
        #expect(EntryName.slug("Sèmè-Podji") == "sèmè-podji")
        #expect(EntryName.slug("Maputo / Matola") == "maputo-matola")
        #expect(EntryName.slug("..") == "unnamed")
        #expect(EntryName.slug("../../etc") == "etc")
        for s in ["..", "a/b", "x\u{0}y", " "] {
            #expect(try EntryName.normalise(EntryName.slug(s)) == EntryName.slug(s))
        }
    }

    @Test("Audiences parse from the command line")
    func audiences() {
        #expect(PackAudience(argument: "public") == .public)
        #expect(PackAudience(argument: "participants") == .participants)
        #expect(PackAudience(argument: "person:ana") == .person("ana"))
        #expect(PackAudience(argument: "city:Sèmè-Podji") == .city("Sèmè-Podji"))
        #expect(PackAudience(argument: "person:") == nil)
        #expect(PackAudience(argument: "everyone") == nil)
    }

    @Test("A city pack matches the city without case or accents; an unknown city lists the known ones")
    func cityPack() throws {
        let mini = try MiniWorkspace()
        let builder = try Self.builder(mini)
        #expect(try builder.plan(.city("LAGOS")).map(\.path) == ["packs/cities/lagos.zip"])
        #expect(throws: PackError.unknownCity("Paris", known: ["Bamako", "Lagos", "Maputo"])) {
            _ = try builder.plan(.city("Paris"))
        }
    }
}
