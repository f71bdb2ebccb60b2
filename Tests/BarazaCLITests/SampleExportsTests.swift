import BarazaModel
import BarazaTestSupport
import Foundation
import Testing

/// The outputs of `baraza build` on the sample event are committed under `exports/final-kigali-2027/`, so a
/// reader can open them. This test rebuilds them into a scratch folder and fails when they drift from what
/// the code produces. To refresh them: `make run` (or `baraza build events/final-kigali-2027`), then commit.
@Suite struct SampleExportsTests {
    static let committed = packageRoot.appendingPathComponent("exports/final-kigali-2027")

    /// Every regular file under `root`, as paths relative to it.
    static func files(under root: URL) -> Set<String> {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        else { return [] }
        var found: Set<String> = []
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            found.insert(String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1)))
        }
        return found
    }

    /// The committed calendars were built against tzdata 2026f (`.ci/setup` upgrades an older one): Moroccan
    /// participants' VTIMEZONEs differ under an older database, so the comparison needs that one.
    static var builtWithTheSameTimeZoneData: Bool {
        if case .system(let version, _) = Zone.databaseSource { return (version ?? "") >= "2026f" }
        return false
    }

    @Test(.enabled(if: builtWithTheSameTimeZoneData, "the system tz database is older than 2026f"))
    func theCommittedSampleExportsMatchWhatBuildProduces() throws {
        let scratch = ScratchFolders.url("sample-build")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = try runBaraza(["build", "events/final-kigali-2027", "--out", scratch.path])
        #expect(run.exitCode == 0, "\(run.stderr)")

        let produced = Self.files(under: scratch)
        #expect(produced.count > 100)
        let committed = Self.files(under: Self.committed)
        // Screenshots and rendered pictures are made by `make agenda-check` and the badge tests, not by build.
        let pictures = committed.filter { $0.hasSuffix(".png") }
        let missing = produced.subtracting(committed).sorted()
        let stale = committed.subtracting(pictures).subtracting(produced).sorted()
        #expect(
            missing.isEmpty && stale.isEmpty,
            "run `make run` and commit exports/: \(missing.count) new file(s) such as \(missing.prefix(3)), \(stale.count) stale such as \(stale.prefix(3))"
        )
        for path in produced.sorted() where committed.contains(path) {
            let a = try Data(contentsOf: scratch.appendingPathComponent(path))
            let b = try Data(contentsOf: Self.committed.appendingPathComponent(path))
            #expect(a == b, "exports/final-kigali-2027/\(path) differs from what build produces")
        }
    }
}

/// The README shows page 1 of the sample's badge sheet: the picture must be that page as the committed PDF
/// draws it (and `SampleExportsTests` holds the PDF to what build produces).
@Suite struct ReadmePictureTests {
    @Test func theBadgeSheetPictureIsPageOneOfTheCommittedBadges() throws {
        let badges = SampleExportsTests.committed.appendingPathComponent("badges")
        let scratch = ScratchFolders.url("sheet")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let pdf = scratch.appendingPathComponent("badges.pdf")
        try FileManager.default.copyItem(at: badges.appendingPathComponent("badges-a4-8.pdf"), to: pdf)
        assertImageGolden(try renderPage(pdf, dpi: 100), golden: badges.appendingPathComponent("sheet-a4-page1.png"))
    }
}
