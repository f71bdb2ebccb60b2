import BarazaModel
import BarazaOutput
import BarazaTestSupport
import Foundation
import Testing

@testable import BarazaAgenda

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// One `<event>` read back: its children's text, and its persons.
struct ReadEvent {
    var guid = ""
    var id = ""
    var dayDate = ""
    var roomAttribute = ""
    var fields: [String: String] = [:]
    var persons: [String] = []
}

/// Reads the events of a schedule.xml with Foundation's parser, independently of the writer.
final class ScheduleReader: NSObject, XMLParserDelegate {
    var events: [ReadEvent] = []
    var conference: [String: String] = [:]
    var dayCount = 0
    private var current: ReadEvent?
    private var dayDate = ""
    private var room = ""
    private var text = ""
    private var inConference = false
    var error: Error?

    static func read(_ data: Data) -> ScheduleReader {
        let reader = ScheduleReader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        if !parser.parse() { reader.error = parser.parserError }
        return reader
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        text = ""
        switch name {
        case "conference": inConference = true
        case "day":
            dayDate = attributes["date"] ?? ""
            dayCount += 1
        case "room" where current == nil: room = attributes["name"] ?? ""
        case "event":
            current = ReadEvent(
                guid: attributes["guid"] ?? "", id: attributes["id"] ?? "", dayDate: dayDate, roomAttribute: room)
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "conference" { inConference = false }
        if inConference { conference[name] = text }
        guard current != nil else { return }
        switch name {
        case "event":
            events.append(current!)
            current = nil
        case "person": current!.persons.append(text)
        case "persons": break
        default: current!.fields[name] = text
        }
    }
}

@Suite struct ScheduleXMLTests {
    static let schema = "/work/shared/data/schemas/schedule.xml.xsd"
    static let realSchedule = "/work/shared/data/schedules/mttcrsp-fosdem-2026.schedule.xml"

    @Test func sampleScheduleMatchesGoldenFile() {
        let (xml, omissions) = ScheduleXML.document(for: Samples.kigali)
        #expect(omissions.isEmpty)
        assertGolden(xml, file: fixtures.appendingPathComponent("final-kigali-2027.schedule.xml"))
    }

    @Test func onlineSampleScheduleMatchesGoldenFile() {
        assertGolden(
            ScheduleXML.document(for: Samples.reflection).xml,
            file: fixtures.appendingPathComponent("reflection-2027-02.schedule.xml"))
    }

    @Test(
        .enabled(if: installed("xmllint") && FileManager.default.fileExists(atPath: schema), "needs xmllint"),
        arguments: ["kigali", "reflection", "hostile"])
    func validatesAgainstTheSchema(sample: String) throws {
        let workspace =
            sample == "kigali" ? Samples.kigali : sample == "reflection" ? Samples.reflection : Hostile.workspace()
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("schedule.xml")
        try Data(ScheduleXML.document(for: workspace).xml.utf8).write(to: file)
        let result = try run(["xmllint", "--noout", "--schema", Self.schema, file.path])
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func readingTheFileBackGivesTheWorkspacesSessions() throws {
        let workspace = Samples.kigali
        let reader = ScheduleReader.read(Data(ScheduleXML.document(for: workspace).xml.utf8))
        #expect(reader.error == nil)
        #expect(reader.events.count == workspace.sessions.count)
        #expect(reader.dayCount == 3)
        #expect(reader.conference["time_zone_name"] == "Africa/Kigali")
        #expect(Set(reader.events.map(\.guid)).count == reader.events.count)
        #expect(Set(reader.events.map(\.id)).count == reader.events.count)
        let byTitle = Dictionary(grouping: reader.events, by: { $0.fields["slug"] ?? "" })
        for session in workspace.sessions {
            let read = try #require(byTitle["final-kigali-2027-\(session.id.rawValue)"]?.first)
            let interval = try #require(session.interval)
            // `date` names the instant; `start` is the venue's wall time; `duration` the length.
            let date = try #require(read.fields["date"])
            let (local, offset) = try #require(WallTime.parse(date))
            #expect(local.date.iso8601 == read.dayDate)
            #expect(Instant(utc: local.iso8601).adding(seconds: Int64(-(offset ?? 0))) == interval.start)
            #expect(read.fields["start"] == String(local.time.description.prefix(5)))
            let duration = try #require(read.fields["duration"]).split(separator: ":").map { Int($0)! }
            #expect(duration[0] * 60 + duration[1] == interval.minutes)
            #expect(read.fields["title"] == session.title.text(in: .english))
            #expect(read.fields["type"] == session.kind.rawValue)
            #expect(read.fields["language"] == session.language?.code)
            #expect(read.fields["room"] == read.roomAttribute)
            let names = session.presenters.map { workspace.peopleByID[$0.id]!.name }
            #expect(read.persons == names.reduce(into: []) { if !$0.contains($1) { $0.append($1) } })
        }
    }

    /// Real pretalx output (FOSDEM 2026) writes `start` as the wall time of `date`; so does this writer.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: realSchedule)))
    func startAgreesWithDateAsInRealPretalxOutput() throws {
        let real = ScheduleReader.read(try Data(contentsOf: URL(fileURLWithPath: Self.realSchedule)))
        let ours = ScheduleReader.read(Data(ScheduleXML.document(for: Samples.kigali).xml.utf8))
        for (name, reader) in [("FOSDEM 2026", real), ("ours", ours)] {
            #expect(reader.events.count > 20)
            let disagreeing = reader.events.filter { e in
                guard let date = e.fields["date"], let start = e.fields["start"] else { return true }
                return String(date.dropFirst(11).prefix(5)) != String(start.prefix(5))
            }
            #expect(disagreeing.isEmpty, "\(name): \(disagreeing.prefix(3).map(\.fields))")
        }
    }

    /// Apps are written against real files: every element this writer puts in an event also appears in real
    /// pretalx output, so an app that reads FOSDEM's schedule reads ours.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: realSchedule)))
    func eventElementsAreOnesRealSchedulesUse() throws {
        let real = ScheduleReader.read(try Data(contentsOf: URL(fileURLWithPath: Self.realSchedule)))
        let realFields = Set(real.events.flatMap(\.fields.keys))
        let ours = ScheduleReader.read(Data(ScheduleXML.document(for: Samples.kigali).xml.utf8))
        let ourFields = Set(ours.events.flatMap(\.fields.keys))
        #expect(ourFields.subtracting(realFields).isEmpty, "\(ourFields.subtracting(realFields).sorted())")
        #expect(ourFields.isSuperset(of: ["date", "start", "duration", "room", "title", "abstract", "track", "type"]))
    }

    @Test func hostileTextSurvivesTheRoundTrip() throws {
        let workspace = Hostile.workspace()
        let reader = ScheduleReader.read(Data(ScheduleXML.document(for: workspace).xml.utf8))
        #expect(reader.error == nil)
        let event = try #require(reader.events.first)
        #expect(event.fields["title"] == Hostile.title)
        #expect(event.persons == [Hostile.name])
        // Characters XML cannot carry become U+FFFD; everything else, CR included, comes back.
        let expected = Hostile.abstract.replacingOccurrences(of: "\u{1}", with: "\u{FFFD}")
            .replacingOccurrences(of: "\u{FFFE}", with: "\u{FFFD}")
        #expect(event.fields["abstract"] == expected)
        #expect(event.fields["url"] == nil, "a URL the schema's httpURI would refuse is left out")
        #expect(event.fields["track"] == "a \"tag\" <x>")
    }

    @Test func writerEscapesAttributesAndText() {
        var w = XMLWriter()
        w.start("a", [("x", "\"<&>\t\n\r'")])
        w.element("b", text: "]]> & <c/>\r\u{0}")
        w.element("e")
        w.end()
        #expect(
            w.document == """
                <?xml version="1.0" encoding="UTF-8"?>
                <a x="&quot;&lt;&amp;&gt;&#9;&#10;&#13;'">
                  <b>]]&gt; &amp; &lt;c/&gt;&#13;\u{FFFD}</b>
                  <e/>
                </a>

                """)
    }

    @Test func guidsAreVersion5UUIDs() {
        // Reference values from Python's uuid.uuid5(uuid.NAMESPACE_URL, name).
        #expect(NameBasedUUID.uuid("https://example.org/") == "527dda32-a0de-5105-a042-cb475b5f7d11")
        #expect(
            NameBasedUUID.uuid("urn:baraza:final-kigali-2027:session:opening-plenary")
                == "511cdc88-0cd8-5512-911e-41d96f3acbad")
    }

    @Test func eventNumbersArePositiveDistinctAndStableWhenSessionsAreAdded() {
        let keys = (0..<2000).map { "session-\($0)" }
        let numbers = NameBasedUUID.stableNumbers(for: keys, namespace: "session:")
        #expect(Set(numbers.values).count == keys.count)
        #expect(numbers.values.allSatisfy { $0 > 0 && $0 <= Int(Int32.max) })
        let more = NameBasedUUID.stableNumbers(for: keys + ["added-later"], namespace: "session:")
        #expect(keys.filter { numbers[$0] != more[$0] }.isEmpty)
    }

    @Test func unresolvableAndDuplicateSessionsAreReportedNotWritten() {
        var b = WorkspaceBuilder()
        b.venue("hall", rooms: ["r0"])
        let start = Instant(utc: "2026-11-17T07:00")
        b.session("ok", interval: Interval(start: start, end: start.adding(minutes: 30)), venue: "hall", room: "r0")
        b.session("ok", interval: Interval(start: start, end: start.adding(minutes: 45)), venue: "hall", room: "r0")
        b.session("long", interval: Interval(start: start, end: start.adding(minutes: 100 * 60)), venue: "hall")
        var workspace = b.build()
        var sessions = workspace.sessions
        sessions[2].interval = nil
        workspace = Workspace(
            path: workspace.path, event: workspace.event, venues: workspace.venues, travelTimes: [], hotels: [],
            people: [], sessions: sessions, settings: workspace.settings)
        let (xml, omissions) = ScheduleXML.document(for: workspace)
        #expect(omissions.map(\.session.rawValue) == ["long", "ok"])
        #expect(xml.components(separatedBy: "<event ").count == 2)
    }

    @Test func anOnlineSessionInAnotherZoneKeepsItsOwnClock() throws {
        // A Kigali event with an online session written in Paris time, late on the event's first day.
        var b = WorkspaceBuilder()
        b.onlineVenue("video")
        let paris = Zone(identifier: "Europe/Paris")!
        let start = Instant(utc: "2026-11-17T21:30")  // 22:30 in Paris, 23:30 in Kigali
        b.session("late", interval: Interval(start: start, end: start.adding(minutes: 90)), zone: paris, venue: "video")
        let reader = ScheduleReader.read(Data(ScheduleXML.document(for: b.build()).xml.utf8))
        let event = try #require(reader.events.first)
        #expect(event.fields["date"] == "2026-11-17T22:30:00+01:00")
        #expect(event.fields["start"] == "22:30")
        #expect(event.fields["duration"] == "01:30")
        #expect(event.dayDate == "2026-11-17", "the day is the event zone's (Kigali) date of the start")
        #expect(event.roomAttribute == "video")
    }

    @Test func exporterWritesScheduleXMLAtomically() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try ScheduleXMLExporter().export(Samples.kigali, context: ExportContext(directory: folder.path))
        #expect(result.files == ["schedule.xml"])
        let written = try String(contentsOf: folder.appendingPathComponent("schedule.xml"), encoding: .utf8)
        #expect(written == ScheduleXML.document(for: Samples.kigali).xml)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["schedule.xml"])
    }
}
