import BarazaModel
import BarazaOutput
import BarazaPDF
import BarazaTestSupport
import BarazaWorkspace
import Foundation
import Testing

@testable import BarazaBadges

/// Badges right for every person (issue 19): which role prints, who gets no printed badge, the title in the
/// event's languages, and long names kept clear of the QR code. Each case has its golden file under `Golden/`.
@Suite("Badge cases: roles, online-only people, titles, the QR code's clearance")
struct BadgeCasesTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/badge-cases")
    static let key = BadgeKey(secret: Array(0..<32), events: ["badge-cases"])

    /// The fixture workspace, with `edit` applied to its settings.
    static func workspace(_ edit: (inout Workspace) -> Void = { _ in }) throws -> Workspace {
        var workspace = try WorkspaceLoader(knownRuleIDs: []).load(directory: fixture.path)
        edit(&workspace)
        return workspace
    }

    /// Writes the badges of `workspace` into a scratch folder (the key written first) and returns the folder.
    static func export(_ workspace: Workspace, scratch: URL) throws -> ExportResult {
        let folder = scratch.appendingPathComponent("workspace")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(key.fileText.utf8).write(to: folder.appendingPathComponent(BadgeKey.fileName))
        var copy = workspace
        copy.path = folder.path
        copy.state = WorkspaceLoader(knownRuleIDs: []).state(directory: folder.path)
        return try BadgeExporter(options: .init(recordsPrint: false)).export(
            copy, context: ExportContext(directory: scratch.appendingPathComponent("out").path))
    }

    static func scratch() throws -> URL {
        let url = ScratchFolders.url("badge-cases")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func entry(_ id: Person.ID, in list: BadgeList) throws -> BadgeEntry {
        try #require(list.entries.first { $0.person == id })
    }

    // MARK: Which role prints

    @Test("By default speakers and moderators print before staff, staff before participants")
    func defaultPrecedence() throws {
        let list = BadgeList(workspace: try Self.workspace(), key: Self.key)
        #expect(try Self.entry("akua-mensah", in: list).roles == [.speaker])
        #expect(try Self.entry("claire-dubois", in: list).roles == [.speaker])
        #expect(try Self.entry("yaw-boateng", in: list).roles == [.staff])
        #expect(try Self.entry("kojo-asante", in: list).roles == [.participant])
        #expect(try Self.entry("claire-dubois", in: list).roleLabel.bilingual == "Speaker · Intervenant·e")
        // The printed list, one row per badge, is the case's golden file.
        assertGolden(
            BadgeListCSV.text(list), file: Self.golden.appendingPathComponent("badge-cases-default.csv"))
    }

    @Test("badges.roles puts staff first when the workspace says so; unlisted roles follow in default order")
    func workspaceOrder() throws {
        let workspace = try Self.workspace { $0.badgeSettings = BadgeSettings(roleOrder: [.staff]) }
        #expect(
            workspace.badgeSettings.roleOrder == [.staff, .speaker, .moderator, .interpreter, .press, .participant])
        let list = BadgeList(workspace: workspace, key: Self.key)
        #expect(try Self.entry("akua-mensah", in: list).roles == [.staff])
        #expect(try Self.entry("claire-dubois", in: list).roles == [.staff])
        #expect(try Self.entry("sana-jaziri", in: list).roles == [.speaker])
    }

    @Test("roles_shown: 2 prints both roles in the band, with a stripe of the second role's colour")
    func twoRoles() throws {
        let workspace = try Self.workspace { $0.badgeSettings = BadgeSettings(rolesShown: 2) }
        let list = BadgeList(workspace: workspace, key: Self.key)
        let akua = try Self.entry("akua-mensah", in: list)
        #expect(akua.roles == [.speaker, .staff])
        #expect(akua.roleLabel.bilingual == "Speaker & Staff · Intervenant·e & Équipe")
        // "Participant" never comes second: every role implies it.
        #expect(try Self.entry("kojo-asante", in: list).roles == [.participant])
        let card = akua.card(eventTitle: "T")
        #expect(card.roleColour == BadgeRole.speaker.colour)
        #expect(card.secondRoleColour == BadgeRole.staff.colour)
        let layout = BadgeRenderer().layout(for: card)
        let stripe = try #require(layout.secondRoleStripe)
        #expect(layout.band.contains(stripe))
        let role = try #require(layout.text(.role))
        #expect(!role.box.overlaps(stripe) && layout.band.contains(role.box))
        // --role staff finds the badge printing both.
        #expect(list.filtered(roles: [.staff]).entries.map(\.person).contains("akua-mensah"))

        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        _ = try Self.export(workspace, scratch: scratch)
        let page = try renderPage(scratch.appendingPathComponent("out/badges/badges-a4-8.pdf"))
        assertImageGolden(page, golden: Self.golden.appendingPathComponent("badge-cases-two-roles.png"))
    }

    @Test("The workspace's badges section is read, and a misspelt role is an error at its line")
    func settingsAreRead() throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let folder = scratch.appendingPathComponent("ws")
        try FileManager.default.copyItem(at: Self.fixture, to: folder)
        let event = folder.appendingPathComponent("event.yaml")
        let text = try String(contentsOf: event, encoding: .utf8)
        try (text + "\nbadges:\n  roles: [staff, speaker]\n  roles_shown: 2\n  online_only: true\n")
            .write(to: event, atomically: true, encoding: .utf8)
        let workspace = try WorkspaceLoader(knownRuleIDs: []).load(directory: folder.path)
        #expect(workspace.badgeSettings.roleOrder.prefix(2) == [.staff, .speaker])
        #expect(workspace.badgeSettings.rolesShown == 2)
        #expect(workspace.badgeSettings.printsOnlineOnly)

        try (text + "\nbadges:\n  roles: [staf, speaker, speaker]\n  roles_shown: 3\n")
            .write(to: event, atomically: true, encoding: .utf8)
        let failure = #expect(throws: WorkspaceLoadFailure.self) {
            try WorkspaceLoader(knownRuleIDs: []).load(directory: folder.path)
        }
        let messages = failure?.errors.map(\.message) ?? []
        let lines = text.components(separatedBy: "\n").count
        #expect(
            messages.contains {
                $0.hasSuffix(
                    "event.yaml:\(lines + 2):11: badges.roles[0]: `staf` is not valid; expected one of speaker, "
                        + "moderator, participant, staff, press, interpreter (did you mean `staff`?)")
            }, "\(messages)")
        #expect(
            messages.contains {
                $0.contains("badges.roles[2]: `speaker` is not valid; expected each role once; it is already listed")
            })
        #expect(messages.contains { $0.contains("badges.roles_shown: `3` is not valid; expected 1 or 2 roles") })
    }

    // MARK: Who gets a printed badge

    @Test("People who attend only online get no printed badge unless the workspace asks; the export says so")
    func onlineOnly() throws {
        let workspace = try Self.workspace()
        let list = BadgeList(workspace: workspace, key: Self.key)
        #expect(list.onlineOnly == ["mariam-traore", "peter-okello"])
        #expect(!list.entries.contains { ["mariam-traore", "peter-okello"].contains($0.person) })
        // Online only, but flying in: a badge.
        #expect(list.entries.contains { $0.person == "sana-jaziri" })
        #expect(list.entries.count == workspace.people.count - 2)

        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = try Self.export(workspace, scratch: scratch)
        #expect(
            result.notes.contains(
                "2 people attend only online sessions: no printed badge (`badges: { online_only: true }` in event.yaml prints them too)"
            ))
        let printed = BadgeList(
            workspace: try Self.workspace { $0.badgeSettings = BadgeSettings(printsOnlineOnly: true) }, key: Self.key)
        #expect(printed.onlineOnly.isEmpty)
        #expect(printed.entries.count == workspace.people.count)
    }

    // MARK: The title in the event's languages

    @Test(
        "The title follows the event's languages: both for a bilingual event, else the one it is held in",
        arguments: [
            (
                [Language.english, .french],
                ["Cities in Dialogue: the network's final event", "Villes en dialogue : l'événement final du réseau"]
            ),
            (
                [Language.french, .english],
                ["Villes en dialogue : l'événement final du réseau", "Cities in Dialogue: the network's final event"]
            ),
            ([Language.french, Language("wo")!], ["Villes en dialogue : l'événement final du réseau"]),
            ([Language.english], ["Cities in Dialogue: the network's final event"]),
            ([Language("pt")!], ["Cities in Dialogue: the network's final event"]),
        ])
    func titles(languages: [Language], expected: [String]) throws {
        let workspace = try Self.workspace { $0.event.languages = languages }
        #expect(BadgeExporter.titles(workspace.event) == expected)
    }

    @Test("Both titles print: on one line when they fit it, else one line each, neither cut")
    func bilingualTitleLayout() throws {
        let renderer = BadgeRenderer()
        let list = BadgeList(workspace: try Self.workspace(), key: Self.key)
        let titles = BadgeExporter.titles(try Self.workspace().event)
        let layout = renderer.layout(for: list.entries[0].card(eventTitle: titles[0], secondaryTitle: titles[1]))
        let first = try #require(layout.text(.eventTitle))
        let second = try #require(layout.text(.secondaryTitle))
        #expect(first.text == titles[0] && second.text == titles[1])
        #expect(first.style.size == second.style.size)
        for line in [first, second] {
            let extent = renderer.measurer.measure(line.text, style: line.style, boxWidth: line.box.width)
            #expect(!extent.isEllipsized && extent.lineCount == 1)
            #expect(line.box.maxY <= layout.accentRule.y)
        }
        #expect(first.box.maxY <= second.box.y + 1e-9)
        // Short titles share one line.
        let short = renderer.layout(
            for: list.entries[0].card(eventTitle: "Final event", secondaryTitle: "Événement final"))
        #expect(short.text(.eventTitle)?.text == "Final event · Événement final")
        #expect(short.text(.secondaryTitle) == nil)
    }

    // MARK: Long names beside the QR code

    @Test("No name, organisation or place comes closer to the QR code than the clearance, in box or in ink")
    func qrClearance() throws {
        let workspace = try Self.workspace()
        let list = BadgeList(workspace: workspace, key: Self.key)
        let renderer = BadgeRenderer()
        let titles = BadgeExporter.titles(workspace.event)
        for entry in list.entries {
            let layout = renderer.layout(for: entry.card(eventTitle: titles[0], secondaryTitle: titles[1]))
            for text in layout.texts where [.displayName, .organisation, .place].contains(text.element) {
                let gap = layout.qrCode.x - text.box.maxX
                #expect(
                    gap >= BadgeLayout.qrClearance - 1e-9,
                    "\(entry.person): \(text.element) ends \(gap) mm from the QR code")
            }
        }
        #expect(BadgeLayout.qrClearance >= 3.0, "at least the QR code's quiet zone of four modules")

        // The ink, on paper: no dark pixel in the clearance strip beside any QR code of the first sheet.
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        _ = try Self.export(workspace, scratch: scratch)
        let dpi = 300.0
        let page = try renderPage(scratch.appendingPathComponent("out/badges/badges-a4-8.pdf"), dpi: Int(dpi))
        let image = try #require(GreyImage(png: page))
        let qr = BadgeLayout(card: list.entries[0].card(eventTitle: "T"), measuredBy: renderer.measurer).qrCode
        func pixels(_ mm: Double) -> Int { Int((mm * dpi / 25.4).rounded()) }
        for (index, placement) in BadgeSheetLayout.a4Sheet8.placements.enumerated()
        where index < list.entries.count {
            var dark = 0
            for y in pixels(placement.y + qr.y)..<pixels(placement.y + qr.maxY) {
                for x in pixels(placement.x + qr.x - BadgeLayout.qrClearance) + 1..<pixels(placement.x + qr.x) - 1
                where image[x, y] < 160 {
                    dark += 1
                }
            }
            #expect(dark == 0, "\(list.entries[index].person): \(dark) dark pixels within the QR code's clearance")
        }
    }

    @Test("The sheet of every case matches its golden image")
    func sheetGolden() throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        _ = try Self.export(try Self.workspace(), scratch: scratch)
        let page = try renderPage(scratch.appendingPathComponent("out/badges/badges-a4-8.pdf"))
        assertImageGolden(page, golden: Self.golden.appendingPathComponent("badge-cases.png"))
    }
}
