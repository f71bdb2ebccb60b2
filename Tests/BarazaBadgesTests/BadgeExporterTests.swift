import BarazaModel
import BarazaOutput
import BarazaPDF
import BarazaTestSupport
import BarazaWorkspace
import Foundation
import Testing

@testable import BarazaBadges

@Suite("baraza export badges: files, filters, the printed-set record")
struct BadgeExporterTests {
    /// The person ids listed in a badge list CSV, matched back through badge ids.
    static func people(inCSV url: URL, list: BadgeList) throws -> [Person.ID] {
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        let ids = Dictionary(uniqueKeysWithValues: list.entries.map { ($0.badgeID.rawValue, $0.person) })
        return text.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }.compactMap { row in
            ids[String(row.split(separator: ",").last!.dropFirst("baraza:badge:".count))]
        }
    }

    @Test("--only-new cycle: print everyone, add a person, print only the new one, then nothing")
    func onlyNewCycle() throws {
        let scratch = try ScratchWorkspace()
        let first = try BadgeExporter().export(try scratch.load(), context: scratch.context())
        #expect(first.files.count == 2)
        let record = PrintedBadges(
            try WorkspaceLoader(knownRuleIDs: []).state(directory: scratch.workspace.path).printedBadges())
        // Everyone but the one person who attends only online.
        #expect(record.badges.count == 44)

        try scratch.addPerson(id: "late-registrant", name: "Ésaïe Late")
        let workspace = try scratch.load()
        let onlyNew = BadgeExporter(options: .init(onlyNew: true))
        let second = try onlyNew.export(workspace, context: scratch.context())
        #expect(second.files == ["badges/badge-list-new.csv", "badges/badges-a4-8-new.pdf"])
        let list = BadgeList(workspace: workspace, key: ScratchWorkspace.key)
        #expect(try Self.people(inCSV: scratch.badgeFile("badge-list-new.csv"), list: list) == ["late-registrant"])
        let text = try CommandLineTool.run("pdftotext", [scratch.badgeFile("badges-a4-8-new.pdf").path, "-"])
        #expect(extractedText(text, contains: "Ésaïe Late"))
        #expect(!extractedText(text, contains: "Claire Dubois"))
        // The full set from the first run is still there, untouched.
        #expect(try Self.people(inCSV: scratch.badgeFile("badge-list.csv"), list: list).count == 44)

        let third = try onlyNew.export(workspace, context: scratch.context())
        #expect(third.files.isEmpty)
        #expect(third.notes.last == "no new badges to print")
    }

    @Test("A workspace without people writes nothing and says so")
    func nobody() throws {
        let scratch = try ScratchWorkspace()
        var workspace = try scratch.load()
        workspace.people = []
        let result = try BadgeExporter().export(workspace, context: scratch.context())
        #expect(result.files.isEmpty)
        #expect(result.notes == ["the workspace lists no people: no badges to print"])
        #expect(!FileManager.default.fileExists(atPath: scratch.exports.path))
    }

    @Test("A dry run writes nothing: no key, no files, no record")
    func dryRun() throws {
        let scratch = try ScratchWorkspace(writeKey: false)
        let result = try BadgeExporter().export(try scratch.load(), context: scratch.context(dryRun: true))
        #expect(result.files == ["badges/badge-list.csv", "badges/badges-a4-8.pdf"])
        #expect(result.notes.contains { $0.hasPrefix("would create the badge key") })
        let fm = FileManager.default
        #expect(!fm.fileExists(atPath: scratch.workspace.appendingPathComponent(BadgeKey.fileName).path))
        #expect(!fm.fileExists(atPath: scratch.workspace.appendingPathComponent(PrintedBadges.fileName).path))
        #expect(!fm.fileExists(atPath: scratch.exports.path))
    }

    @Test("The first export creates the key; later exports keep the same ids")
    func keyCreatedOnce() throws {
        let scratch = try ScratchWorkspace(writeKey: false)
        let workspace = try scratch.load()
        let exporter = BadgeExporter(options: .init(recordsPrint: false))
        _ = try exporter.export(workspace, context: scratch.context())
        let keyFile = scratch.workspace.appendingPathComponent(BadgeKey.fileName)
        let firstKey = try Data(contentsOf: keyFile)
        let firstCSV = try Data(contentsOf: scratch.badgeFile("badge-list.csv"))
        _ = try exporter.export(workspace, context: scratch.context())
        #expect(try Data(contentsOf: keyFile) == firstKey)
        #expect(try Data(contentsOf: scratch.badgeFile("badge-list.csv")) == firstCSV)
        // Ids differ from the fixed test key's: the created key is random.
        #expect(
            firstCSV != BadgeListCSV.data(BadgeList(workspace: workspace, key: ScratchWorkspace.key), encoding: .utf8))
    }

    @Test("A key copied from another event is refused, naming the file and both events")
    func keyFromOtherEvent() throws {
        let scratch = try ScratchWorkspace(writeKey: false)
        let other = BadgeKey(secret: Array(0..<32), events: ["reflection-2027-02"])
        let keyFile = scratch.workspace.appendingPathComponent(BadgeKey.fileName)
        try Data(other.fileText.utf8).write(to: keyFile)
        #expect(
            throws: BadgeError.keyForOtherEvent(
                file: keyFile.path, event: "final-kigali-2027", keyEvents: ["reflection-2027-02"])
        ) {
            try BadgeExporter().export(try scratch.load(), context: scratch.context())
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.exports.path))
    }

    @Test("--role press: only press badges, in files named for the filter")
    func roleFilter() throws {
        let scratch = try ScratchWorkspace()
        let workspace = try scratch.load()
        let result = try BadgeExporter(options: .init(roles: [.press], recordsPrint: false))
            .export(workspace, context: scratch.context())
        #expect(result.files == ["badges/badge-list-press.csv", "badges/badges-a4-8-press.pdf"])
        let list = BadgeList(workspace: workspace, key: ScratchWorkspace.key)
        let press = workspace.people.filter { BadgeRole(roles: $0.roles) == .press }.map(\.id)
        #expect(press.count == 2)
        #expect(Set(try Self.people(inCSV: scratch.badgeFile("badge-list-press.csv"), list: list)) == Set(press))
    }

    @Test(
        "Every name of the sample event is in the PDF text, on A4 sheets and on A6 pages",
        arguments: [BadgeSheetLayout.a4Sheet8, .a6])
    func namesInPDF(sheet: BadgeSheetLayout) throws {
        let scratch = try ScratchWorkspace()
        let workspace = try scratch.load()
        _ = try BadgeExporter(options: .init(layout: sheet, recordsPrint: false)).export(
            workspace, context: scratch.context())
        let pdf = scratch.badgeFile("badges-\(sheet.name).pdf")
        let info = try CommandLineTool.run("pdfinfo", [pdf.path])
        let list = BadgeList(workspace: workspace, key: ScratchWorkspace.key)
        let pages = (list.entries.count + sheet.cardsPerPage - 1) / sheet.cardsPerPage
        #expect(info.contains("Pages:           \(pages)\n"))
        #expect(!info.contains("CreationDate"))
        let text = try CommandLineTool.run("pdftotext", [pdf.path, "-"])
        for person in workspace.people where !list.onlineOnly.contains(person.id) {
            #expect(extractedText(text, contains: person.name), "pdftotext lost \(person.id)")
            if let email = person.email { #expect(!text.contains(email)) }
        }
        #expect(text.contains("Interpreter · Interprète"))
    }

    @Test("The QR codes on the first sheet decode back to the badge ids of its eight people")
    func qrCodes() throws {
        let scratch = try ScratchWorkspace()
        let workspace = try scratch.load()
        _ = try BadgeExporter(options: .init(recordsPrint: false)).export(workspace, context: scratch.context())
        let prefix = scratch.root.appendingPathComponent("page").path
        _ = try CommandLineTool.run(
            "pdftoppm",
            [
                "-r", "300", "-png", "-f", "1", "-l", "1", "-singlefile",
                scratch.badgeFile("badges-a4-8.pdf").path, prefix,
            ])
        let decoded = try CommandLineTool.run("zbarimg", ["--raw", "-q", prefix + ".png"])
        let payloads = Set(decoded.split(whereSeparator: \.isNewline).map(String.init))
        let list = BadgeList(workspace: workspace, key: ScratchWorkspace.key)
        #expect(payloads == Set(list.entries.prefix(8).map(\.badgeID.qrPayload)))
    }

    @Test("Same workspace, same bytes: CSV and PDF")
    func deterministic() throws {
        let scratch = try ScratchWorkspace()
        let workspace = try scratch.load()
        let exporter = BadgeExporter(options: .init(recordsPrint: false))
        _ = try exporter.export(workspace, context: scratch.context())
        let pdf = try Data(contentsOf: scratch.badgeFile("badges-a4-8.pdf"))
        let csv = try Data(contentsOf: scratch.badgeFile("badge-list.csv"))
        _ = try exporter.export(workspace, context: scratch.context())
        #expect(try Data(contentsOf: scratch.badgeFile("badges-a4-8.pdf")) == pdf)
        #expect(try Data(contentsOf: scratch.badgeFile("badge-list.csv")) == csv)
    }

    @Test("Every badge of the sample event lays out inside its card, uncut, at its final size")
    func sampleLayouts() throws {
        let scratch = try ScratchWorkspace()
        let list = BadgeList(workspace: try scratch.load(), key: ScratchWorkspace.key)
        let renderer = BadgeRenderer()
        for entry in list.entries {
            let layout = renderer.layout(for: entry.card(eventTitle: "Cities in Dialogue: the network's final event"))
            for text in layout.texts {
                #expect(BadgeLayout.cardBounds.contains(text.box), "\(entry.person): \(text.element) leaves the card")
                let extent = renderer.measurer.measure(text.text, style: text.style, boxWidth: text.box.width)
                #expect(extent.width <= text.box.width + 1e-6 && extent.height <= text.box.height + 1e-6)
                #expect(!extent.isEllipsized, "\(entry.person): \(text.element) is cut")
                #expect(!text.box.overlaps(layout.qrCode))
            }
        }
        let arabic = try #require(list.entries.first { $0.person == "abderrahmane-chebbi" })
        let name = try #require(renderer.layout(for: arabic.card(eventTitle: "T")).text(.displayName))
        #expect(renderer.measurer.measure(name.text, style: name.style, boxWidth: name.box.width).isRightToLeft)
    }

    @Test("A malformed printed-set record stops the export with its line and field")
    func badRecord() throws {
        let scratch = try ScratchWorkspace()
        let record = scratch.workspace.appendingPathComponent(PrintedBadges.fileName)
        try Data("printed:\n  - { person: a, badge: B }\n  - { person: b }\n".utf8).write(to: record)
        let error = try #require(throws: WorkspaceLoadFailure.self) {
            try BadgeExporter(options: .init(onlyNew: true)).export(try scratch.load(), context: scratch.context())
        }
        #expect(error.description == "\(record.path):3:5: printed[1].badge: required, but missing; expected a badge id")
    }
}
