import BarazaModel
import BarazaTestSupport
import PropertyBased
import Testing

@testable import BarazaAgenda

@Suite struct DayGridTests {
    static let zone = Zone(identifier: "Africa/Kigali")!

    /// A day at venue `hall` (rooms r0...r2) and `annex` (room x0): each code picks a place, a start (5-minute
    /// steps from 08:00 Kigali) and a length.
    static func workspace(_ codes: [Int]) -> Workspace {
        var b = WorkspaceBuilder()
        b.venue("hall", rooms: ["r0", "r1", "r2"])
        b.venue("annex", rooms: ["x0"])
        let day = Instant(utc: "2026-11-17T06:00")
        for (i, code) in codes.enumerated() {
            let place = code % 6
            let start = day.adding(minutes: 5 * ((code / 6) % 48))
            let end = start.adding(minutes: 5 * (1 + (code / 288) % 24))
            let (venue, room): (String?, String?) =
                switch place {
                case 0, 1, 2: ("hall", "r\(place)")
                case 3: ("hall", nil)
                case 4: ("annex", "x0")
                default: (nil, nil)
                }
            b.session("s\(i)", interval: Interval(start: start, end: end), venue: venue, room: room)
        }
        return b.build()
    }

    /// The obvious twin: compare every pair of placed boxes.
    static func overlappingBoxes(_ grid: DayGrid) -> [(Session.ID, Session.ID)] {
        var clashes: [(Session.ID, Session.ID)] = []
        for (i, a) in grid.items.enumerated() {
            for b in grid.items[(i + 1)...] {
                let rows = a.rowStart < b.rowEnd && b.rowStart < a.rowEnd
                let columns = a.columnStart < b.columnEnd && b.columnStart < a.columnEnd
                if rows && columns { clashes.append((a.scheduled.session.id, b.scheduled.session.id)) }
            }
        }
        return clashes
    }

    @Test func noTwoSessionsAreDrawnOverEachOther() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...(288 * 24 - 1)).array(of: 1...25)) { codes in
            let workspace = Self.workspace(codes)
            let programme = Programme(workspace)
            for day in programme.days {
                let grid = DayGrid(day: day, zone: Self.zone)
                let clashes = Self.overlappingBoxes(grid)
                #expect(clashes.isEmpty, "drawn over each other: \(clashes)")
                #expect(grid.items.count == day.sessions.count)
                for item in grid.items {
                    #expect(item.rowStart >= 2 && item.rowEnd > item.rowStart && item.rowEnd <= grid.rows + 2)
                    #expect(item.columnStart >= 2 && item.columnEnd <= 2 + grid.laneCount)
                    // A session's box starts at its start, rounded down to five minutes.
                    let offset = grid.axisStart.minutes(until: item.scheduled.interval.start)
                    #expect(item.rowStart == 2 + offset / 5)
                }
            }
        }
    }

    @Test func aVenueWideBreakSpansTheVenuesRooms() {
        var b = WorkspaceBuilder()
        b.venue("hall", rooms: ["r0", "r1"])
        let t = { (s: String) in Instant(utc: "2026-11-17T\(s)") }
        b.session("talk-a", interval: Interval(start: t("07:00"), end: t("08:00")), venue: "hall", room: "r0")
        b.session("talk-b", interval: Interval(start: t("07:00"), end: t("08:00")), venue: "hall", room: "r1")
        b.session("break", interval: Interval(start: t("08:00"), end: t("08:30")), kind: .break, venue: "hall")
        let grid = DayGrid(day: Programme(b.build()).days[0], zone: Self.zone)
        #expect(grid.columns.map(\.place.name) == ["r0", "r1"])
        let item = grid.items.first { $0.scheduled.session.id == "break" }!
        #expect((item.columnStart, item.columnEnd) == (2, 4))
    }

    @Test func aVenueWideSessionThatCollidesGetsItsOwnColumn() {
        var b = WorkspaceBuilder()
        b.venue("hall", rooms: ["r0"])
        let t = { (s: String) in Instant(utc: "2026-11-17T\(s)") }
        b.session("talk", interval: Interval(start: t("07:00"), end: t("08:00")), venue: "hall", room: "r0")
        b.session("fair", interval: Interval(start: t("07:30"), end: t("09:00")), venue: "hall")
        let grid = DayGrid(day: Programme(b.build()).days[0], zone: Self.zone)
        #expect(grid.columns.map(\.place.name) == ["hall", "r0"])
    }

    @Test func aDoubleBookedRoomGetsTwoLanes() {
        var b = WorkspaceBuilder()
        b.venue("hall", rooms: ["r0"])
        let t = { (s: String) in Instant(utc: "2026-11-17T\(s)") }
        b.session("one", interval: Interval(start: t("07:00"), end: t("08:00")), venue: "hall", room: "r0")
        b.session("two", interval: Interval(start: t("07:30"), end: t("08:30")), venue: "hall", room: "r0")
        b.session("three", interval: Interval(start: t("08:00"), end: t("09:00")), venue: "hall", room: "r0")
        let grid = DayGrid(day: Programme(b.build()).days[0], zone: Self.zone)
        #expect(grid.columns.map(\.lanes) == [2])
        #expect(grid.items.map(\.columnStart) == [2, 3, 2])
    }

    @Test func theAxisStartsOnTheHalfHourOfTheEventZone() {
        // Kathmandu is UTC+05:45, so its half hours are not UTC's.
        var b = WorkspaceBuilder(zone: Zone(identifier: "Asia/Kathmandu")!)
        b.venue("hall", rooms: ["r0"])
        let start = Instant(utc: "2026-11-17T03:25")  // 09:10 in Kathmandu
        b.session("s", interval: Interval(start: start, end: start.adding(minutes: 50)), venue: "hall", room: "r0")
        let zone = Zone(identifier: "Asia/Kathmandu")!
        let grid = DayGrid(day: Programme(b.build()).days[0], zone: zone)
        #expect(zone.localDateTime(at: grid.axisStart).time.description == "09:00")
        #expect(grid.items[0].rowStart == 2 + 2)
    }

    @Test func everyEventDayIsATabEvenWithoutSessions() {
        let programme = Programme(WorkspaceBuilder().build())
        #expect(programme.days.map(\.date.iso8601) == ["2026-11-17", "2026-11-18", "2026-11-19"])
    }
}
