import BarazaModel
import BarazaWorkspace
import Foundation
import Testing

/// A stay or a block of rooms spans at most a year of nights (`Stay.maximumNights`), and a session at most the
/// longest event: a longer one is a mistyped year, refused with its place instead of walked night by night by every
/// rule and list (a stay from 0001 to 9999 took a check 23 s and 1.4 GB, and printed a line of 3.6 million nights).
/// A block's last night comes on or after its first.
struct DateSpanTests {
    typealias Hostile = HostileInputTests

    static let hotels = """
        hotels:
          - id: h
            name: Hôtel du Fleuve
            blocks:
              - { room_type: single, rooms: 4, first_night: FIRST, last_night: LAST }

        """

    static func files(checkIn: String, checkOut: String, first: String, last: String) -> [String: Data] {
        let event = WorkspaceTemplate(eventID: "training", timezone: "Africa/Niamey").files["event.yaml"]!
            .replacingOccurrences(of: "include: [", with: "include: [hotels.yaml, ")
        let people =
            Hostile.people
            + "    stays:\n      - { hotel: h, check_in: \(checkIn), check_out: \(checkOut), room_type: single }\n"
        let hotels = Self.hotels.replacingOccurrences(of: "FIRST", with: first)
            .replacingOccurrences(of: "LAST", with: last)
        return ["event.yaml": Data(event.utf8), "people.yaml": Data(people.utf8), "hotels.yaml": Data(hotels.utf8)]
    }

    @Test func aYearOfNightsLoads() throws {
        let folder = try Hostile.workspace(
            Self.files(checkIn: "2026-01-01", checkOut: "2027-01-02", first: "2026-01-01", last: "2027-01-01"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let w = try loader.load(directory: folder.path)
        #expect(w.people.first?.stays.first?.nights.count == 366)
        #expect(w.hotels.first?.blocks.count == 1)
    }

    @Test func aLongerStayOrBlockAndABlockEndingBeforeItStartsAreRefusedWithTheirPlace() throws {
        let messages = try Hostile.messages(
            Self.files(checkIn: "2026-01-01", checkOut: "2027-01-03", first: "0001-01-01", last: "9999-12-31"))
        #expect(
            messages.sorted() == [
                "hotels.yaml:5:9: hotels[0].blocks[0]: `0001-01-01 to 9999-12-31, 3652059 nights` is not valid; "
                    + "expected a block of at most 366 nights (is a year mistyped?)",
                "people.yaml:6:9: people[0].stays[0]: `2026-01-01 to 2027-01-03, 367 nights` is not valid; "
                    + "expected a stay of at most 366 nights (is a year mistyped?)",
            ])

        let backwards = try Hostile.messages(
            Self.files(checkIn: "2026-03-01", checkOut: "2026-03-04", first: "2026-03-04", last: "2026-03-01"))
        #expect(
            backwards == [
                "hotels.yaml:5:9: hotels[0].blocks[0]: `2026-03-04 to 2026-03-01` is not valid; expected a last night "
                    + "on or after the first night"
            ])
    }

    @Test func aSessionLongerThanTheLongestEventIsRefusedWithItsPlace() throws {
        let template = WorkspaceTemplate(eventID: "training", timezone: "Africa/Niamey").files["sessions.yaml"]!
        #expect(template.contains("    end: \"11:30\"\n"))
        for (end, refused) in [("2028-03-15T09:59", false), ("2028-03-15T10:01", true), ("9999-12-31T09:00", true)] {
            let sessions = template.replacingOccurrences(of: "    end: \"11:30\"\n", with: "    end: \(end)\n")
            let folder = try Hostile.workspace(["sessions.yaml": Data(sessions.utf8)])
            defer { try? FileManager.default.removeItem(at: folder) }
            do {
                let w = try loader.load(directory: folder.path)
                #expect(!refused, "\(end) loaded")
                #expect(w.sessions.contains { $0.id.rawValue == "workshop" })
            } catch {
                #expect(refused, "\(error)")
                let line = try #require(
                    sessions.components(separatedBy: "\n").firstIndex(of: "    end: \(end)").map { $0 + 1 })
                let shown = end.replacingOccurrences(of: "T", with: " ")
                #expect(
                    error.errors.map { $0.message.replacingOccurrences(of: folder.path + "/", with: "") } == [
                        "sessions.yaml:\(line):10: sessions[1].end: `2027-03-15 10:00 to \(shown)` is not valid; "
                            + "expected a session of at most 366 days (is a year mistyped?)"
                    ])
            }
        }
    }
}
