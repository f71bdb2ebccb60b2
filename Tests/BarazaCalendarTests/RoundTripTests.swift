import BarazaCalendar
import BarazaModel
import BarazaOutput
import Foundation
import ICalendar
import Testing

@Suite("Exported calendars read back to the model's instants")
struct RoundTripTests {
    /// UID → (start, end) in UTC seconds, resolved through each file's own VTIMEZONEs.
    static func instants(in data: Data) throws -> [String: (Int64, Int64)] {
        let calendar = try ICalendarReader.parse(data)
        let resolver = try DateTimeResolver(calendar: calendar)
        var result: [String: (Int64, Int64)] = [:]
        for event in calendar.components(named: "VEVENT") {
            guard let uid = event.property("UID")?.value, let start = event.property("DTSTART"),
                let end = event.property("DTEND")
            else { continue }
            result[uid] = (
                Int64(try resolver.instant(of: start).timeIntervalSince1970),
                Int64(try resolver.instant(of: end).timeIntervalSince1970)
            )
        }
        return result
    }

    @Test("Every event's UTC start and end equal the model's", arguments: [Samples.kigali, Samples.reflection])
    func sessionsAndLogistics(sample: String) throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let workspace = try Samples.load(try scratch.copyOfSample(sample))
        let out = scratch.path("out")
        let result = try CalendarExporter().export(workspace, context: ExportContext(directory: out))
        var expected: [String: (Int64, Int64)] = [:]
        for session in workspace.sessions {
            let interval = try #require(session.interval)
            expected["session-\(session.id.rawValue)@\(workspace.event.id.rawValue).baraza"] =
                (interval.start.secondsSince1970, interval.end.secondsSince1970)
        }
        for person in workspace.people {
            for (index, journey) in person.journeys.enumerated() {
                guard let instant = journey.instant else { continue }
                expected[
                    "\(journey.direction.rawValue)-\(index + 1)-\(person.id.rawValue)@\(workspace.event.id.rawValue).baraza"
                ] =
                    (instant.secondsSince1970, instant.secondsSince1970 + 1800)
            }
        }
        var checked = 0
        for file in result.files {
            let found = try Self.instants(in: Data(contentsOf: URL(fileURLWithPath: out + "/" + file)))
            #expect(!found.isEmpty, "\(file) has events")
            for (uid, times) in found {
                if let want = expected[uid] {
                    #expect(times == want, "\(file) \(uid)")
                    checked += 1
                } else {
                    #expect(uid.hasPrefix("check-in-") || uid.hasPrefix("check-out-"), "\(file): unexpected \(uid)")
                }
            }
        }
        #expect(checked >= workspace.sessions.count * 2)
    }

    @Test("Hotel check-in is at the hotel's time, or when the person lands if later; check-out at the hotel's time")
    func stays() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let workspace = try Samples.load(try scratch.copyOfSample(Samples.kigali))
        let out = scratch.path("out")
        _ = try CalendarExporter().export(workspace, context: ExportContext(directory: out))
        for person in workspace.people where !person.stays.isEmpty {
            let found = try Self.instants(
                in: Data(contentsOf: URL(fileURLWithPath: out + "/calendars/people/\(person.id.rawValue).ics")))
            for (index, stay) in person.stays.enumerated() {
                let hotel = try #require(workspace.hotelsByID[stay.hotel.id])
                for (kind, day, time) in [
                    ("check-in", stay.checkIn, hotel.checkInTime), ("check-out", stay.checkOut, hotel.checkOutTime),
                ] {
                    guard case .unique(let instant) = hotel.zone.resolve(LocalDateTime(date: day, time: time)) else {
                        Issue.record("sample hotel times resolve")
                        continue
                    }
                    var expected = instant
                    if kind == "check-in", let landed = person.arrival?.instant, landed > instant,
                        landed.secondsSince1970 - instant.secondsSince1970 < 86_400
                    {
                        expected = landed
                    }
                    let uid = "\(kind)-\(index + 1)-\(person.id.rawValue)@\(workspace.event.id.rawValue).baraza"
                    #expect(found[uid]?.0 == expected.secondsSince1970, "\(uid)")
                }
            }
        }
    }

    @Test("With a planned pick-up and departure transfer, check-in follows the drop-off and check-out the pick-up")
    func staysFollowTransfers() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let workspace = try Samples.load(try scratch.copyOfSample(Samples.kigali))
        let person = try #require(workspace.people.first { $0.id == "mariam-coulibaly" })
        let landed = try #require(person.arrival?.instant)
        let departs = try #require(person.departure?.instant)
        let zone = try #require(Zone(identifier: "Africa/Kigali"))
        let pickUp = PersonalItem(
            id: "pick-up", person: person.id, title: LocalizedText(english: "Pick-up", french: "Accueil"),
            interval: Interval(start: landed.adding(minutes: 20), end: landed.adding(minutes: 60)), zone: zone)
        let transfer = PersonalItem(
            id: "transfer", person: person.id, title: LocalizedText(english: "Transfer", french: "Transfert"),
            interval: Interval(start: departs.adding(minutes: -220), end: departs.adding(minutes: -180)), zone: zone)
        let out = scratch.path("out")
        _ = try CalendarExporter(extraItems: [pickUp, transfer])
            .export(workspace, context: ExportContext(directory: out))
        let found = try Self.instants(
            in: Data(contentsOf: URL(fileURLWithPath: out + "/calendars/people/mariam-coulibaly.ics")))
        let event = workspace.event.id.rawValue
        #expect(found["check-in-1-mariam-coulibaly@\(event).baraza"]?.0 == landed.adding(minutes: 60).secondsSince1970)
        #expect(
            found["check-out-1-mariam-coulibaly@\(event).baraza"]?.0 == departs.adding(minutes: -220).secondsSince1970)
    }
}
