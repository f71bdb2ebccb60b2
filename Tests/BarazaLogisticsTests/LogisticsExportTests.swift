import BarazaLogistics
import BarazaModel
import BarazaTestSupport
import Foundation
import Testing

@testable import BarazaLogistics

/// The lists for the host city: golden files for the sample, CSV and HTML escaping, and the real command.
struct LogisticsExportTests {
    static let sampleGolden = goldenFolder.appendingPathComponent("final-kigali-2027")

    @Test func theSampleExportsMatchTheirGoldenFiles() throws {
        let documents = LogisticsDocuments(try loadSample())
        for (path, text) in documents.files {
            assertGolden(text, file: Self.sampleGolden.appendingPathComponent(path))
        }
        let recorded = try FileManager.default.contentsOfDirectory(atPath: Self.sampleGolden.path).sorted()
        #expect(recorded == documents.files.map(\.path).sorted(), "no stale golden files")
    }

    @Test func csvCellsAreQuotedAndFormulasNeutralised() {
        #expect(CSVTable.cell("plain") == "plain")
        #expect(CSVTable.cell("Dubois, Claire") == "\"Dubois, Claire\"")
        #expect(CSVTable.cell("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVTable.cell("two\nlines") == "\"two\nlines\"")
        #expect(CSVTable.cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        for start in ["+", "-", "@", "\t", "\r"] {
            #expect(CSVTable.cell(start + "1").hasPrefix(start == "\r" ? "\"'" : "'"))
        }
        var table = CSVTable(header: ["a", "b"])
        table.append(["1", "é"])
        #expect(table.text == "\u{FEFF}a,b\r\n1,é\r\n")
    }

    @Test func hostileNamesAreEscapedInHTMLAndGuardedInCSV() throws {
        var w = try loadSample()
        let i = try #require(w.people.firstIndex { $0.id == "grace-nakato" })
        w.people[i].name = "=cmd|' /C calc'!A0 <script>alert(1)</script>"
        w = Workspace(
            path: w.path, event: w.event, venues: w.venues, travelTimes: w.travelTimes, hotels: w.hotels,
            people: w.people, sessions: w.sessions, settings: w.settings, logistics: w.logistics)
        let files = Dictionary(uniqueKeysWithValues: LogisticsDocuments(w).files.map { ($0.path, $0.text) })
        let html = try #require(files["transfers-2027-03-22.html"])
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let csv = try #require(files["rooming-radisson.csv"])
        #expect(csv.contains("\r\n'=cmd|' /C calc'!A0 <script>"))
    }

    @Test func theCommandWritesTheGoldenFilesAndChecksPass() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent(
            "baraza-logistics-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try runBaraza(["export", "logistics", "events/final-kigali-2027", "--out", out.path])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.contains("wrote \(out.path)/logistics/meals.csv"))
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.sampleGolden.path) {
            let written = FileManager.default.contents(atPath: out.appendingPathComponent("logistics/\(name)").path)
            #expect(
                written == FileManager.default.contents(atPath: Self.sampleGolden.appendingPathComponent(name).path),
                "\(name)")
        }
        let check = try runBaraza(["check", "events/"])
        #expect(check.exitCode == 0, "\(check.stdout)")
        let rules = try runBaraza(["check", "--list-rules"])
        for id in LogisticsRules.ruleIDs { #expect(rules.stdout.contains(id)) }
    }

    @Test func aFixtureWithoutAVehicleFailsTheCheckCommand() throws {
        let run = try runBaraza(["check", fixtures.appendingPathComponent("transfer-no-vehicle").path])
        #expect(run.exitCode == 1)
        #expect(run.stdout.contains("transfer run `arrival-KGL-2026-11-16-1400-2` (2 passengers"))
    }
}
