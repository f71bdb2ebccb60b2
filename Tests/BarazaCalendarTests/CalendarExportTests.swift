import BarazaCalendar
import BarazaModel
import BarazaOutput
import BarazaTestSupport
import Foundation
import ICalendar
import Testing

@Suite("Calendar export of the sample workspaces")
struct CalendarExportTests {
    @Test("Golden files: whole event, one room, French and English personal calendars")
    func golden() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let workspace = try Samples.load(try scratch.copyOfSample(Samples.kigali))
        let out = scratch.path("out")
        _ = try CalendarExporter().export(workspace, context: ExportContext(directory: out))
        for (file, golden) in [
            ("calendars/event.ics", "kigali-event.ics"),
            ("calendars/rooms/auditorium.ics", "kigali-room-auditorium.ics"),
            ("calendars/people/oumar-keita.ics", "kigali-person-oumar-keita.ics"),
            ("calendars/people/grace-nakato.ics", "kigali-person-grace-nakato.ics"),
        ] {
            let text = try String(contentsOfFile: out + "/" + file, encoding: .utf8)
            assertGolden(text, file: Samples.fixtures.appendingPathComponent(golden))
        }
    }

    @Test("Two runs give byte-identical files", arguments: [Samples.kigali, Samples.reflection])
    func deterministic(sample: String) throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let workspace = try Samples.load(try scratch.copyOfSample(sample))
        let first = try CalendarExporter().export(workspace, context: ExportContext(directory: scratch.path("a")))
        let second = try CalendarExporter().export(workspace, context: ExportContext(directory: scratch.path("b")))
        #expect(first.files == second.files)
        #expect(first.notes.isEmpty, "the sample exports quietly: \(first.notes)")
        let a = Samples.files(below: scratch.path("a"))
        let b = Samples.files(below: scratch.path("b"))
        #expect(a.count == first.files.count)
        #expect(a == b)
    }

    @Test("Several writers give the same files, in the same listed order, as one", arguments: [2, 3, 7])
    func parallelWritersAgree(writers: Int) throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let workspace = try Samples.load(try scratch.copyOfSample(Samples.kigali))
        let one = try CalendarExporter(writers: 1).export(
            workspace, context: ExportContext(directory: scratch.path("a")))
        let many = try CalendarExporter(writers: writers)
            .export(workspace, context: ExportContext(directory: scratch.path("b")))
        #expect(one.files == many.files)
        #expect(one.notes == many.notes)
        #expect(Samples.files(below: scratch.path("a")) == Samples.files(below: scratch.path("b")))
    }

    @Test("Dry run lists the files and writes nothing")
    func dryRun() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let workspace = try Samples.load(try scratch.copyOfSample(Samples.kigali))
        let result = try CalendarExporter().export(
            workspace, context: ExportContext(directory: scratch.path("out"), dryRun: true))
        #expect(result.files.contains("calendars/event.ics"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out")))
    }

    @Test("Every session is in the event calendar and in each presenter's and participant's calendar")
    func membership() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let workspace = try Samples.load(try scratch.copyOfSample(Samples.kigali))
        let out = scratch.path("out")
        _ = try CalendarExporter().export(workspace, context: ExportContext(directory: out))
        let whole = try ICalendarReader.parse(Data(contentsOf: URL(fileURLWithPath: out + "/calendars/event.ics")))
        #expect(whole.components(named: "VEVENT").count == workspace.sessions.count)
        for person in workspace.people {
            let expected = Set(
                workspace.sessions.filter { s in
                    (s.speakers + s.moderators + s.signUps).contains { $0.id == person.id }
                }.map { "session-\($0.id.rawValue)@\(workspace.event.id.rawValue).baraza" })
            let path = out + "/calendars/people/\(person.id.rawValue).ics"
            guard let data = FileManager.default.contents(atPath: path) else {
                #expect(expected.isEmpty && person.journeys.isEmpty && person.stays.isEmpty, "\(person.id)")
                continue
            }
            let uids = try ICalendarReader.parse(data).components(named: "VEVENT").compactMap {
                $0.property("UID")?.value
            }
            #expect(Set(uids.filter { $0.hasPrefix("session-") }) == expected, "\(person.id)")
            #expect(
                uids.filter { $0.hasPrefix("arrival-") || $0.hasPrefix("departure-") }.count
                    == person.journeys.filter { $0.instant != nil }.count)
            #expect(
                uids.filter { $0.hasPrefix("check-in-") || $0.hasPrefix("check-out-") }.count == person.stays.count * 2)
        }
    }

    @Test("A personal calendar is in the person's language: French, English, or both")
    func languages() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let path = try scratch.copyOfSample(Samples.kigali)
        // Give Oumar Keïta no English or French: he gets both languages.
        try Samples.edit(
            path + "/people.yaml",
            replacing:
                "organisation: \"Agence d'urbanisme de Bamako\"\n    city: Bamako\n    country: ML\n    timezone: Africa/Bamako\n    languages: [fr]",
            with:
                "organisation: \"Agence d'urbanisme de Bamako\"\n    city: Bamako\n    country: ML\n    timezone: Africa/Bamako\n    languages: [bm]"
        )
        let workspace = try Samples.load(path)
        let out = scratch.path("out")
        _ = try CalendarExporter().export(workspace, context: ExportContext(directory: out))
        let oumar = try String(contentsOfFile: out + "/calendars/people/oumar-keita.ics", encoding: .utf8)
        let flood = try ICalendarReader.parse(oumar).components(named: "VEVENT").first {
            $0.property("UID")?.value == "session-ws-flood-mapping@final-kigali-2027.baraza"
        }
        #expect(
            flood?.property("SUMMARY")?.textValue
                == "Community flood mapping / Cartographie communautaire des inondations")
        #expect(!oumar.contains("LANGUAGE="))
        let grace = try String(contentsOfFile: out + "/calendars/people/grace-nakato.ics", encoding: .utf8)
        #expect(grace.contains("SUMMARY;LANGUAGE=en:"))
        #expect(!grace.contains("LANGUAGE=fr"))
    }

    @Test("Extra personal items (transfer pick-ups) go into their person's calendar")
    func extraItems() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let workspace = try Samples.load(try scratch.copyOfSample(Samples.kigali))
        let start = Instant(secondsSince1970: 1_805_727_900)  // 2027-03-22T15:05:00Z
        let pickup = PersonalItem(
            id: "pickup-1", person: "oumar-keita", title: LocalizedText(english: "Transfer pick-up", french: "Navette"),
            interval: Interval(start: start, end: start.adding(minutes: 45)), zone: Zone(identifier: "Africa/Kigali")!,
            place: "KGL, arrivals hall")
        let out = scratch.path("out")
        _ = try CalendarExporter(extraItems: [pickup]).export(workspace, context: ExportContext(directory: out))
        let text = try String(contentsOfFile: out + "/calendars/people/oumar-keita.ics", encoding: .utf8)
        #expect(text.contains("UID:item-pickup-1-oumar-keita@final-kigali-2027.baraza\r\n"))
        #expect(text.contains("SUMMARY;LANGUAGE=fr:Navette\r\n"))
        #expect(text.contains("DTSTART;TZID=Africa/Kigali:20270322T170500\r\n"))
        let other = try String(contentsOfFile: out + "/calendars/people/grace-nakato.ics", encoding: .utf8)
        #expect(!other.contains("pickup"))
    }
}
