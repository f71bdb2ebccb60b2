import Foundation
import Testing

@testable import ICalendar

@Suite("Reading the system tz database (TZif)")
struct TZifZoneTests {
    static let directory = "/usr/share/zoneinfo"
    static var available: Bool { TZifZone.databaseVersion(directory: directory) != nil }

    @Test(
        "POSIX footers with a fixed offset",
        arguments: [
            ("<+00>0", 0), ("<+01>-1", 3600), ("UTC0", 0), ("CAT-2", 7200), ("<-03>3", -10_800),
            ("<+0530>-5:30", 19_800),
        ])
    func fixedFooters(footer: String, seconds: Int) {
        #expect(TZifZone.fixedOffset(footer: footer) == seconds)
    }

    @Test(
        "Footers with daylight-saving rules are not taken as fixed",
        arguments: [
            "CET-1CEST,M3.5.0,M10.5.0/3", "EST5EDT,M3.2.0,M11.1.0", "", "<+01>",
        ])
    func ruleFooters(footer: String) {
        #expect(TZifZone.fixedOffset(footer: footer) == nil)
    }

    @Test("Not a TZif file")
    func garbage() {
        #expect(TZifZone(data: Data("BEGIN:VCALENDAR".utf8)) == nil)
        #expect(TZifZone(identifier: "../etc/passwd", directory: Self.directory) == nil)
    }

    @Test(
        "The system database agrees with Foundation for Paris and Kigali in 2026-2027",
        .enabled(if: available, "no system tz database"))
    func agreesWhereRulesAreUnchanged() throws {
        for name in ["Europe/Paris", "Africa/Kigali", "Africa/Lagos", "Africa/Tunis"] {
            let zone = try #require(TZifZone(identifier: name, directory: Self.directory))
            let foundation = try #require(TimeZone(identifier: name))
            var second: Int64 = 1_767_225_600  // 2026-01-01
            while second < 1_830_297_600 {  // 2028-01-01
                let date = Date(timeIntervalSince1970: TimeInterval(second))
                #expect(zone.offset(at: second) == foundation.secondsFromGMT(for: date), "\(name) at \(date)")
                second += 6 * 3600
            }
        }
    }

    @Test(
        "Africa/Casablanca: the system database keeps +00 after 2026-09-20; Foundation 2025b returns to +01",
        .enabled(if: available && (TZifZone.databaseVersion(directory: directory) ?? "") >= "2026", "needs tzdata 2026")
    )
    func casablanca() throws {
        let zone = try #require(TZifZone(identifier: "Africa/Casablanca", directory: Self.directory))
        #expect(zone.offset(at: 1_780_315_200) == 3600)  // 2026-06-01T12:00Z: +01 in both
        #expect(zone.offset(at: 1_789_866_000) == 0)  // 2026-09-20T01:00Z: the change to +00
        #expect(zone.offset(at: 1_789_865_999) == 3600)
        #expect(zone.offset(at: 1_801_656_000) == 0)  // 2027-02-03T12:00Z
        #expect(zone.offset(at: 1_830_297_600) == 0)  // 2028-01-01, from the footer
    }
}
