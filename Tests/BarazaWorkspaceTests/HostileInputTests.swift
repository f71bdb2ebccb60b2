import BarazaModel
import BarazaTestSupport
import BarazaWorkspace
import Foundation
import Testing

/// Files as interns and attackers really write them: ids that would name a folder outside the exports, invisible
/// characters, other encodings, stray bytes and tabs. Each gives one clear error at the right line and column.
@Suite struct HostileInputTests {
    /// A fresh `baraza init` workspace in a temporary folder, with `files` replacing some of its files.
    static func workspace(_ files: [String: Data]) throws -> URL {
        let folder = ScratchFolders.url("hostile")
        _ = try WorkspaceTemplate(eventID: "training", timezone: "Africa/Niamey").write(into: folder.path)
        for (name, data) in files { try data.write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    /// The messages loading fails with, paths relative to the workspace folder.
    static func messages(_ files: [String: Data]) throws -> [String] {
        let folder = try workspace(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try loader.load(directory: folder.path)
            Issue.record("the workspace loaded, but it should not")
            return []
        } catch {
            return error.errors.map { $0.message.replacingOccurrences(of: folder.path + "/", with: "") }
        }
    }

    static let people = "people:\n  - id: p\n    name: Hadiza Issa\n    timezone: Africa/Niamey\n"

    static func people(name: String) -> [String: Data] {
        ["people.yaml": Data(people.replacingOccurrences(of: "Hadiza Issa", with: name).utf8)]
    }

    @Test func anEventIDOfDotsCannotNameAFolderOutsideTheExports() throws {
        let event = WorkspaceTemplate(eventID: "training", timezone: "Africa/Niamey").files["event.yaml"]!
        for id in ["..", ".", ".hidden"] {
            let text = event.replacingOccurrences(of: "id: training", with: "id: \"\(id)\"")
            #expect(
                try Self.messages(["event.yaml": Data(text.utf8)]) == [
                    "event.yaml:3:7: event.id: `\(id)` is not valid; expected an id of letters, digits, `-`, `_`, `.`, "
                        + "not starting with `.`"
                ])
        }
        #expect(throws: WorkspaceTemplate.Failure.self) {
            try WorkspaceTemplate(eventID: "..", timezone: "Africa/Niamey").write(into: "/tmp/never-written")
        }
    }

    @Test func aControlCharacterInANameIsReportedNotPassedOn() throws {
        #expect(
            try Self.messages(Self.people(name: #""Hadiza\u0007\u001b[31mIssa""#)) == [
                "people.yaml:3:11: people[0].name: `text with a control character U+0007` is not valid; "
                    + "expected non-empty text, without control characters or direction overrides"
            ])
    }

    @Test func aRightToLeftOverrideIsReportedButArabicTextIsFine() throws {
        #expect(
            try Self.messages(Self.people(name: #""Hadiza\u202EassI""#)) == [
                "people.yaml:3:11: people[0].name: `text with an invisible text-direction override U+202E` is not "
                    + "valid; expected non-empty text, without control characters or direction overrides"
            ])
        let folder = try Self.workspace(Self.people(name: "يوسف بن علي"))
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try loader.load(directory: folder.path).people.map(\.name) == ["يوسف بن علي"])
    }

    @Test func aWindows1252FileNamesTheFirstBadByteAndTheFix() throws {
        let text = Self.people.replacingOccurrences(of: "Hadiza Issa", with: "Aïssatou Sènè")
        let latin1 = try #require(text.data(using: .windowsCP1252))
        #expect(
            try Self.messages(["people.yaml": latin1]) == [
                "people.yaml:3:12: cannot read: not valid UTF-8 text (byte 0xEF); save the file as UTF-8 "
                    + "(it may be Windows-1252 or Latin-1)"
            ])
    }

    @Test func anUnreadableFileIsTheOnlyErrorNotEveryTransferRouteToItsHotels() throws {
        let venues = """
            venues:
              - { id: main-venue, name: Main, city: Niamey, country: NE, timezone: Africa/Niamey }
            hotels:
              - { id: gaweye, name: Grand Hôtel Gawèye }
            logistics:
              transfers:
                places: [{ id: NIM, name: Diori Hamani }]
                travel: [{ from: NIM, to: gaweye, minutes: 20 }]

            """
        let latin1 = try #require(venues.data(using: .windowsCP1252))
        let messages = try Self.messages(["venues.yaml": latin1])
        #expect(messages.count == 1, "\(messages)")
        #expect(messages.first?.hasPrefix("venues.yaml:4:32: cannot read: not valid UTF-8 text (byte 0xF4)") == true)
    }

    @Test func aCheckInFileSavedAsWindows1252NamesTheBadByte() throws {
        let folder = try Self.workspace([
            "attendance.csv": try #require("person,session\nfatou-sow,atelier-é\n".data(using: .windowsCP1252))
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try loader.load(directory: folder.path)
        #expect {
            _ = try loader.loadCheckIns(for: workspace)
        } throws: { error in
            let messages = (error as? WorkspaceLoadFailure)?.errors.map(\.message) ?? []
            return messages == [
                "\(folder.path)/attendance.csv:2:19: cannot read: not valid UTF-8 text (byte 0xE9); save the file as "
                    + "UTF-8 (it may be Windows-1252 or Latin-1)"
            ]
        }
    }

    @Test func anEventSpanningCenturiesIsAMistypedYear() throws {
        let event = WorkspaceTemplate(eventID: "training", timezone: "Africa/Niamey").files["event.yaml"]!
        let text = event.replacingOccurrences(of: "end: 2027-03-16", with: "end: 2207-03-16")
        #expect(text != event)
        #expect(
            try Self.messages(["event.yaml": Data(text.utf8)]) == [
                "event.yaml:8:10: event.dates: `2027-03-15 to 2207-03-16, 65745 days` is not valid; expected an event "
                    + "of at most 366 days (is a year mistyped?)"
            ])
    }

    @Test func aStrayNULByteIsReportedAtItsLineAndColumn() throws {
        var data = Data(Self.people.utf8)
        data[data.firstIndex(of: UInt8(ascii: "z"))!] = 0
        #expect(
            try Self.messages(["people.yaml": data]) == [
                "people.yaml:3:15: YAML syntax: control characters are not allowed (U+0000); remove it"
            ])
    }

    @Test func aTabIndentSaysToUseSpaces() throws {
        let text = Self.people.replacingOccurrences(of: "    timezone", with: "\ttimezone")
        let messages = try Self.messages(["people.yaml": Data(text.utf8)])
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("people.yaml:4:1: YAML syntax: ") == true)
        #expect(messages.first?.hasSuffix("; this is a tab: YAML indents with spaces only") == true)
    }

    @Test func anIDTooLongToNameAFileIsReported() throws {
        let long = String(repeating: "a", count: 101)
        let text = Self.people.replacingOccurrences(of: "id: p", with: "id: \(long)")
        #expect(
            try Self.messages(["people.yaml": Data(text.utf8)]) == [
                "people.yaml:2:9: people[0].id: `aaaaaaaaaaaaaaaaaaaaaaaa… (101 bytes)` is not valid; expected an id of "
                    + "at most 100 bytes (ids name export files)"
            ])
        let fits = Self.people.replacingOccurrences(of: "id: p", with: "id: \(long.dropFirst())")
        let folder = try Self.workspace(["people.yaml": Data(fits.utf8)])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try loader.load(directory: folder.path).people.map(\.id.rawValue) == [String(long.dropFirst())])
    }

    @Test func aLinkThatIsNotAWebAddressIsReported() throws {
        let venues = WorkspaceTemplate(eventID: "training", timezone: "Africa/Niamey").files["venues.yaml"]!
        let url = "https://meet.example.org/learning-event"
        #expect(venues.contains(url))
        for bad in ["javascript:alert(1)", "file:///etc/passwd", "meet.example.org/x"] {
            let text = venues.replacingOccurrences(of: url, with: "\"\(bad)\"")
            let messages = try Self.messages(["venues.yaml": Data(text.utf8)])
            #expect(
                messages.map {
                    $0.replacingOccurrences(of: #"^venues.yaml:\d+:\d+: "#, with: "", options: .regularExpression)
                }
                    == [
                        "venues[1].url: `\(bad)` is not valid; expected a web address starting with `https://` "
                            + "(or `http://`)"
                    ])
        }
    }

    @Test func commonYAMLMistakesSayWhatToFix() throws {
        let cases: [(String, String)] = [
            (
                Self.people.replacingOccurrences(of: "    timezone", with: "  timezone"),
                "people.yaml:4:3: YAML syntax: while parsing a block collection started at line 2, column 3: did not "
                    + "find expected '-' indicator; check this line's indentation: it must line up with the lines of "
                    + "the same item (spaces only)"
            ),
            (
                Self.people.replacingOccurrences(of: "Hadiza Issa", with: "Hadiza: Issa"),
                "people.yaml:3:17: YAML syntax: mapping values are not allowed in this context; a value holding `: ` "
                    + "must be quoted (title: \"Part 1: basics\"), or this line is indented deeper than the keys of "
                    + "its item"
            ),
            (
                Self.people.replacingOccurrences(of: "    timezone", with: "      timezone"),
                "people.yaml:4:15: YAML syntax: mapping values are not allowed in this context; a value holding `: ` "
                    + "must be quoted (title: \"Part 1: basics\"), or this line is indented deeper than the keys of "
                    + "its item"
            ),
            (
                Self.people.replacingOccurrences(of: "Hadiza Issa", with: "\"Hadiza Issa"),
                "people.yaml:5:1: YAML syntax: while scanning a quoted scalar started at line 3, column 11: found "
                    + "unexpected end of stream; a quote opened there is never closed"
            ),
        ]
        for (text, expected) in cases {
            #expect(try Self.messages(["people.yaml": Data(text.utf8)]) == [expected])
        }
    }

    @Test func aDuplicateKeyIsReportedWhereItIsWrittenAgain() throws {
        let text = Self.people + "    name: Hadiza Issa Abdou\n"
        #expect(
            try Self.messages(["people.yaml": Data(text.utf8)]) == [
                "people.yaml:5:5: YAML syntax: duplicate key `name` in one mapping (first written at line 3, column 5); "
                    + "keep one"
            ])
        let twoPeople = "people:\n  - id: p\n    name: A\n    name: B\n  - id: q\n    name: C\n"
        #expect(
            try Self.messages(["people.yaml": Data(twoPeople.utf8)]) == [
                "people.yaml:4:5: YAML syntax: duplicate key `name` in one mapping (first written at line 3, column 5); "
                    + "keep one"
            ])
        let flow = "people:\n  - { id: p, name: A, name: B }\n"
        #expect(
            try Self.messages(["people.yaml": Data(flow.utf8)]) == [
                "people.yaml:2:14: YAML syntax: duplicate key `name` in one mapping (first written at line 2, column 14); "
                    + "keep one"
            ])
    }

    @Test func anAliasBombOrDeepNestingIsOneErrorAtItsPlace() throws {
        // Ten levels of nine aliases each would be 9^10 names to read: refused where the expansion overflows.
        var bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
        for level in 1...10 {
            bomb +=
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        let messages = try Self.messages(["people.yaml": Data(bomb.utf8)])
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("people.yaml:") == true && messages.first?.contains("aliases expand") == true)
        let deep = "people:\n" + (1...300).map { String(repeating: " ", count: $0 * 2) + "k:\n" }.joined()
        let nested = try Self.messages(["people.yaml": Data(deep.utf8)])
        #expect(nested.count == 1)
        #expect(nested.first?.contains("nested more than 200 deep") == true, "\(nested)")
    }
}
