import BarazaChecks
import BarazaModel
import BarazaTestSupport
import BarazaWorkspace
import Foundation
import Testing

@testable import BarazaImport

/// schedule.json, the JSON twin of schedule.xml: the real files in /work/shared/data/schedules import and show the
/// speaker clashes they hold; malformed JSON is refused with the JSON path; a schedule without a zone says which
/// offsets it was read in; XML and JSON of the same schedule give the same workspace.
@Suite struct ScheduleJSONImportTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        var file: String
        /// The conference zone, or nil when the file names none.
        var zone: String?
        /// The zone of the workspace `init` makes (the fixed offset of the dates when the file names no zone).
        var workspaceZone: String
        var sessions: Int
        var rooms: Int
        var pairs: Int
        var people: [String]
        var testDescription: String { file }
    }

    // CLASHES.md lists only the XML files; these counts were computed independently (Python, same definition:
    // persons keyed by id, start = `date` with its offset, [start, start+duration) overlapping).
    static let schedules: [Expected] = [
        Expected(
            file: "frab-camp2019.schedule.json", zone: "Europe/Berlin", workspaceZone: "Europe/Berlin", sessions: 79,
            rooms: 2, pairs: 0, people: []),
        // pretalx names UTC but writes its dates at +01:00: the dates (instants) win.
        Expected(
            file: "pretalx-democon.schedule.json", zone: "UTC", workspaceZone: "UTC", sessions: 36, rooms: 2,
            pairs: 1, people: ["Stephanie Hudson"]),
        Expected(
            file: "pretalx-rc3.schedule.json", zone: nil, workspaceZone: "Etc/GMT-1", sessions: 48, rooms: 5,
            pairs: 0, people: []),
    ]

    @Test(arguments: schedules)
    func realJSONScheduleShowsExactlyItsSpeakerClashes(_ expected: Expected) throws {
        let root = try scratchFolder()
        let ws = (root as NSString).appendingPathComponent("ws")
        let file = sharedData.appendingPathComponent("schedules/\(expected.file)").path
        let schedule = try ScheduleJSONReader.read(contentsOf: file, fallbackZone: nil)
        #expect(schedule.zone?.identifier == expected.zone)
        #expect(schedule.rooms.count == expected.rooms)
        let report = try ScheduleImport.initialise(
            directory: ws, schedule: file, eventID: "imported", fallbackZone: nil)
        #expect(report.sessions == expected.sessions)
        #expect(report.skipped.isEmpty)
        #expect(report.notes.isEmpty == (expected.zone != nil))
        let workspace = try load(ws)
        #expect(workspace.sessions.count == expected.sessions)
        #expect(workspace.event.zone.identifier == expected.workspaceZone)
        let clashes = Checker().check([workspace]).filter { $0.rule == "person-double-booked" }
        #expect(clashes.count == expected.pairs)
        #expect(Set(clashes.map { $0.subjects[0].label }) == Set(expected.people))
        #expect(
            FileManager.default.contents(atPath: ws + "/schedule/\(expected.file)")
                == FileManager.default.contents(atPath: file))
    }

    @Test func camp2019StartsAreTheInstantsOfTheirDates() throws {
        let file = sharedData.appendingPathComponent("schedules/frab-camp2019.schedule.json").path
        let schedule = try ScheduleJSONReader.read(contentsOf: file, fallbackZone: nil)
        let opening = try #require(schedule.events.first { $0.id == "10386" })
        #expect(opening.start == Instant(secondsSince1970: 1_566_378_000))  // 2019-08-21T11:00+02:00
        #expect(opening.minutes == 30)
        #expect(opening.room == "Curie")
        #expect(opening.persons.map(\.key) == ["7797", "4827"])
        #expect(opening.language?.code == "en")
    }

    /// Copies the two fixtures under the same extension-less name, so only their content tells them apart.
    func sameNamed(_ fixtureName: String) throws -> String {
        let folder = try scratchFolder()
        let target = (folder as NSString).appendingPathComponent("mini.schedule")
        try FileManager.default.copyItem(atPath: fixture("schedules/\(fixtureName)"), toPath: target)
        return target
    }

    @Test func xmlAndJSONOfTheSameScheduleGiveByteIdenticalWorkspaces() throws {
        let xml = try sameNamed("mini.schedule.xml")
        let json = try sameNamed("mini.schedule.json")
        #expect(try ScheduleFormat.detect(path: xml) == .xml)
        #expect(try ScheduleFormat.detect(path: json) == .json)
        var snapshots: [[String: Data]] = []
        for file in [xml, json] {
            let ws = (try scratchFolder() as NSString).appendingPathComponent("ws")
            let report = try ScheduleImport.initialise(
                directory: ws, schedule: file, eventID: "mini", fallbackZone: nil)
            #expect(report.sessions == 4)
            #expect(report.rooms == 2)
            #expect(report.people == 3)
            let workspace = try load(ws)
            #expect(workspace.event.zone.identifier == "Europe/Berlin")
            let clashes = Checker().check([workspace]).filter { $0.rule == "person-double-booked" }
            #expect(clashes.map { $0.subjects[0].label } == ["Kwame Mensah"])
            var snap = snapshot(ws)
            snap["schedule/mini.schedule"] = nil  // the raw file, kept verbatim, is the one that differs
            snapshots.append(snap)
        }
        #expect(snapshots[0].keys.sorted() == snapshots[1].keys.sorted())
        #expect(snapshots[0] == snapshots[1])
        let yaml = String(decoding: snapshots[1]["schedule/mini.schedule.yaml"] ?? Data(), as: UTF8.self)
        // The night event (day 1, 01:30) is on the next calendar day; day 2 is after the switch to summer time.
        #expect(yaml.contains("start: \"2026-03-28T01:30+01:00\""))
        #expect(yaml.contains("start: \"2026-03-29T11:00+02:00\""))
        #expect(yaml.contains("title: \"Opening & welcome\""))

        // Into an existing workspace, both ways, too.
        var imported: [[String: Data]] = []
        for file in [xml, json] {
            let ws = try scratchWorkspace()
            _ = try ScheduleImport(file: file, workspace: ws).run()
            var snap = snapshot(ws)
            snap["schedule/mini.schedule"] = nil
            imported.append(snap)
        }
        #expect(imported[0] == imported[1])
        // Importing the JSON again changes nothing.
        let again = try scratchWorkspace()
        _ = try ScheduleImport(file: json, workspace: again).run()
        let once = snapshot(again)
        _ = try ScheduleImport(file: json, workspace: again).run()
        #expect(snapshot(again) == once)
    }

    /// The mini fixture with one edit made by `change` to its decoded JSON.
    func editedMini(_ change: (inout [String: Any]) -> Void) throws -> String {
        let data = try #require(FileManager.default.contents(atPath: fixture("schedules/mini.schedule.json")))
        var doc = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        change(&doc)
        let folder = try scratchFolder()
        let path = (folder as NSString).appendingPathComponent("edited.schedule.json")
        try JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys]).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Applies `change` to the first event of day 1, room "Saal 1".
    func editedEvent(_ change: @escaping (inout [String: Any]) -> Void) throws -> String {
        try editedMini { doc in
            var schedule = doc["schedule"] as! [String: Any]
            var conference = schedule["conference"] as! [String: Any]
            var days = conference["days"] as! [[String: Any]]
            var rooms = days[0]["rooms"] as! [String: Any]
            var events = rooms["Saal 1"] as! [[String: Any]]
            change(&events[0])
            rooms["Saal 1"] = events
            days[0]["rooms"] = rooms
            conference["days"] = days
            schedule["conference"] = conference
            doc["schedule"] = schedule
        }
    }

    func jsonError(_ path: String) -> ScheduleJSONError? {
        do {
            _ = try ScheduleJSONReader.read(contentsOf: path, fallbackZone: nil)
            return nil
        } catch { return error }
    }

    @Test func malformedJSONIsRefusedWithTheJSONPath() throws {
        let event = #"schedule.conference.days[0].rooms["Saal 1"][0]"#
        let cases: [(String, String, String)] = [
            (try editedEvent { $0["duration"] = 90 }, "\(event).duration", "expected a string, found a number"),
            (try editedEvent { $0["duration"] = "1h30" }, "\(event).duration", "expected HH:MM"),
            (try editedEvent { $0["duration"] = nil }, "\(event).duration", "missing; expected HH:MM"),
            (
                try editedEvent { $0["persons"] = ["Amina"] }, "\(event).persons[0]",
                "expected an object, found a string"
            ),
            (
                try editedEvent {
                    $0["id"] = true
                    $0["guid"] = nil
                }, "\(event).id", "found a boolean"
            ),
            (try editedEvent { $0["date"] = "27/03/2026 10:00" }, "\(event).date", "expected an ISO 8601 date-time"),
            (
                try editedEvent {
                    $0["date"] = nil
                    $0["start"] = nil
                }, "\(event).date", "missing"
            ),
            (try editedEvent { $0["id"] = 1.5 }, "\(event).id", "expected a string or an integer id, found a number"),
            (try editedEvent { $0["title"] = ["x"] }, "\(event).title", "expected a string, found an array"),
            (
                try editedMini { $0["schedule"] = ["version": "1"] }, "schedule.conference",
                "missing; expected an object"
            ),
            (
                try editedMini { doc in
                    var s = doc["schedule"] as! [String: Any]
                    var c = s["conference"] as! [String: Any]
                    c["days"] = ["1": 1]
                    c["time_zone_name"] = "Europe/Berlin"
                    s["conference"] = c
                    doc["schedule"] = s
                }, "schedule.conference.days", "expected an array, found an object"
            ),
            (
                try editedMini { doc in
                    var s = doc["schedule"] as! [String: Any]
                    var c = s["conference"] as! [String: Any]
                    c["time_zone_name"] = "Mars/Olympus"
                    s["conference"] = c
                    doc["schedule"] = s
                }, "schedule.conference.time_zone_name", "expected an IANA time zone"
            ),
        ]
        for (file, path, message) in cases {
            let error = try #require(jsonError(file), "\(path) accepted")
            #expect(error.path == path)
            #expect(error.message.contains(message), "\(error)")
            #expect(error.description.hasPrefix("\(file): \(path): "))
        }
    }

    @Test func truncatedJSONSaysWhereTheDocumentEnds() throws {
        let text = String(
            decoding: FileManager.default.contents(atPath: fixture("schedules/mini.schedule.json"))!, as: UTF8.self)
        let cut = try #require(text.range(of: "Late-night"))
        let folder = try scratchFolder()
        let file = try write(String(text[..<cut.lowerBound]), to: "cut.schedule.json", in: folder)
        let error = try #require(jsonError(file))
        #expect(error.message.hasPrefix("not valid JSON"))
        #expect(error.path.hasPrefix(#"schedule.conference.days[0].rooms["Saal 1"][1].title"#), "\(error)")
        // Through the import: refused, the workspace untouched.
        let ws = try scratchWorkspace()
        let before = snapshot(ws)
        #expect(throws: ImportError.self) { try ScheduleImport(file: file, workspace: ws).run() }
        #expect(snapshot(ws) == before)
        // Hostile nesting, cut short: the path names the first levels only.
        let deep = try write("{\"schedule\":" + String(repeating: "[", count: 100_000), to: "deep.json", in: folder)
        let deepError = try #require(jsonError(deep))
        #expect(deepError.path.hasSuffix("(99969 levels deeper) (the document ends inside it)"))
        #expect(deepError.description.utf8.count < 1_000)
        // Neither `<` nor `{`: not a schedule.
        let other = try write("\u{FEFF}  [1, 2]", to: "list.json", in: folder)
        #expect(throws: ImportError.self) { try ScheduleFormat.detect(path: other) }
    }

    @Test func largeIntegerIdsKeepEveryDigit() throws {
        let file = try editedEvent { $0["id"] = 9_007_199_254_740_993 }  // 2^53 + 1
        let schedule = try ScheduleJSONReader.read(contentsOf: file, fallbackZone: nil)
        #expect(schedule.events.contains { $0.id == "9007199254740993" })
    }

    @Test func oversizedJSONIsRefusedBeforeReading() throws {
        let file = fixture("schedules/mini.schedule.json")
        do {
            _ = try ScheduleJSONReader.read(contentsOf: file, fallbackZone: nil, maximumBytes: 1_000)
            Issue.record("an over-limit file was read")
        } catch {
            #expect(error.path.isEmpty)
            #expect(error.message.contains("larger than the 1000-byte limit"))
        }
    }

    @Test func aZonelessScheduleTakesItsOffsetsFromTheEventDatesAndSaysSo() throws {
        // JSON, one offset (+01:00); one event has no date, only day date + start.
        let file = fixture("schedules/zoneless.schedule.json")
        let ws = (try scratchFolder() as NSString).appendingPathComponent("ws")
        let report = try ScheduleImport.initialise(directory: ws, schedule: file, eventID: "z", fallbackZone: nil)
        #expect(report.zone == "Etc/GMT-1")
        #expect(
            report.notes == [
                "the schedule names no time zone (no time_zone_name); start times of 2 event(s) taken from the fixed "
                    + "offset +01:00 of their dates; 1 event(s) without an offset read in Etc/GMT-1"
            ])
        let workspace = try load(ws)
        #expect(workspace.event.zone.identifier == "Etc/GMT-1")
        let late = try #require(workspace.sessions.first { $0.id.rawValue == "102" })
        #expect(try late.start.resolve().get() == Instant(secondsSince1970: 1_774_657_800))  // 2026-03-28T01:30+01:00

        // XML with offsets that vary, into a workspace in Africa/Kigali.
        var xml = String(
            decoding: FileManager.default.contents(atPath: fixture("schedules/mini.schedule.xml"))!, as: UTF8.self)
        xml = xml.replacingOccurrences(of: "    <time_zone_name>Europe/Berlin</time_zone_name>\n", with: "")
        let folder = try scratchFolder()
        let xmlFile = try write(xml, to: "zoneless.schedule.xml", in: folder)
        let schedule = try ScheduleReader.read(contentsOf: xmlFile, fallbackZone: nil)
        #expect(schedule.zone == nil)
        #expect(schedule.offsetZone == nil)
        #expect(
            schedule.zoneNote
                == "the schedule names no time zone (no time_zone_name); start times taken from the offsets of the "
                + "event dates, which vary: +01:00 (3 event(s)), +02:00 (1 event(s))")
        let run = try runBaraza(["import", "schedule", xmlFile, "--into", try scratchWorkspace()])
        #expect(run.exitCode == 0)
        #expect(run.stdout.contains("note: the schedule names no time zone"))
        #expect(run.stdout.contains("which vary: +01:00 (3 event(s)), +02:00 (1 event(s))"))

        // FOSDEM 2021 names no zone and writes no dates: every time is read in the zone given.
        let fosdem = sharedData.appendingPathComponent("schedules/giggity-fosdem-2021.schedule.xml").path
        let f = try ScheduleReader.read(contentsOf: fosdem, fallbackZone: Zone(identifier: "Europe/Brussels"))
        #expect(
            f.zoneNote
                == "the schedule names no time zone (no time_zone_name); no event date carries an offset; "
                + "\(f.events.count) event(s) without an offset read in Europe/Brussels")
    }

    @Test func jsonSchedulesOnTheCommandLine() throws {
        let rc3 = sharedData.appendingPathComponent("schedules/pretalx-rc3.schedule.json").path
        let ws = (try scratchFolder() as NSString).appendingPathComponent("rc3")
        let run = try runBaraza(["init", ws, "--from-schedule", rc3])
        #expect(run.exitCode == 0)
        #expect(run.stdout.contains("48 session(s), 5 room(s)"))
        #expect(run.stdout.contains("note: the schedule names no time zone"))
        #expect(run.stdout.contains("taken from the fixed offset +01:00"))

        let democon = sharedData.appendingPathComponent("schedules/pretalx-democon.schedule.json").path
        let target = try scratchWorkspace()
        let imported = try runBaraza(["import", "schedule", democon, "--into", target])
        #expect(imported.exitCode == 0)
        #expect(!imported.stdout.contains("note:"))
        let check = try runBaraza(["check", target])
        #expect(check.stdout.contains("person-double-booked (1 error)"))

        let bad = try editedEvent { $0["duration"] = "soon" }
        let refused = try runBaraza(["import", "schedule", bad, "--into", target])
        #expect(refused.exitCode == 2)
        #expect(refused.stderr.contains(#"schedule.conference.days[0].rooms["Saal 1"][0].duration: expected HH:MM"#))
    }
}
