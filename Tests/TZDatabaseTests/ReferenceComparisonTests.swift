import Foundation
import Testing

@testable import TZDatabase

/// The reader agrees with independent implementations reading the same data: Python's zoneinfo and glibc
/// over the system database, and Foundation where its older copy has the same rules.
@Suite("Comparison with reference implementations")
struct ReferenceComparisonTests {
    static let start = utc(1970, 1, 1)
    static let end = utc(2060, 1, 1)

    @Test(
        "Offsets, DST flags and abbreviations match zoneinfo and glibc at random instants and at every transition",
        .enabled(if: hasSystemDatabase && python3Path != nil), arguments: zonesUnderTest)
    func matchesPython(zone: String) throws {
        let rules = try #require(systemDatabase?.rules(for: zone))
        var generator = SplitMix64(state: zone.utf8.reduce(7) { $0 &* 31 &+ UInt64($1) })
        var queries = (0..<400).map { _ in (key: zone, time: Int64.random(in: Self.start..<Self.end, using: &generator))
        }
        // Both sides of every transition the reader finds, so an off-by-one-second boundary cannot hide.
        for transition in rules.transitions(from: Self.start, to: Self.end) {
            queries += [(zone, transition.time - 1), (zone, transition.time)]
        }
        let expected = try expectations(for: queries)
        #expect(expected.count == queries.count)
        for e in expected {
            let got = rules.localTimeType(at: e.time)
            #expect(
                got
                    == LocalTimeType(
                        utcOffset: e.utcOffset, isDaylightSavingTime: e.isDaylightSavingTime,
                        abbreviation: e.abbreviation),
                "\(zone) at \(e.time)")
        }
    }

    @Test(
        "The transitions found are exactly the offset changes glibc reports in an hourly scan (2020–2030)",
        .enabled(if: hasSystemDatabase && python3Path != nil),
        arguments: ["Europe/Paris", "Africa/Casablanca", "Australia/Lord_Howe"])
    func transitionsMatchHourlyPythonScan(zone: String) throws {
        let rules = try #require(systemDatabase?.rules(for: zone))
        let (from, to) = (utc(2020, 1, 1), utc(2030, 1, 1))
        let hours = stride(from: from, to: to, by: 3600).map { (key: zone, time: $0) }
        let expected = try expectations(for: hours)
        var changes: [Int64] = []
        for (a, b) in zip(expected, expected.dropFirst()) where a.utcOffset != b.utcOffset { changes.append(b.time) }
        let found = rules.transitions(from: from, to: to).filter { $0.before.utcOffset != $0.after.utcOffset }
        #expect(found.count == changes.count)
        for (transition, hourAfter) in zip(found, changes) {
            #expect(transition.time > hourAfter - 3600 && transition.time <= hourAfter, "\(zone) \(transition.time)")
        }
    }

    /// Ranges in which Foundation's copy (2025b) and the system's have the same offsets for these zones.
    /// Foundation's ICU data marks Casablanca's UTC+1 as daylight-saving time (the tz "rearguard" form) where
    /// the system's data marks UTC+0 during Ramadan as negative DST, so DST flags are compared only when
    /// `sameDSTFlags`.
    static let foundationAgreement: [(zone: String, from: Int, to: Int, sameDSTFlags: Bool)] = [
        ("Europe/Paris", 1980, 2037, true), ("America/New_York", 2008, 2060, true), ("Africa/Lagos", 1970, 2060, true),
        ("Africa/Kigali", 1970, 2060, true), ("Africa/Maputo", 1970, 2060, true),
        ("Australia/Lord_Howe", 1990, 2060, true), ("Africa/Casablanca", 2019, 2025, false),
    ]

    @Test(
        "Offsets match Foundation where both databases have the same rules",
        .enabled(if: hasSystemDatabase), arguments: foundationAgreement.indices)
    func matchesFoundation(index: Int) throws {
        let (zone, fromYear, toYear, sameDSTFlags) = Self.foundationAgreement[index]
        let rules = try #require(systemDatabase?.rules(for: zone))
        let foundation = try #require(TimeZone(identifier: zone))
        var generator = SplitMix64(state: UInt64(index + 1))
        for _ in 0..<2000 {
            let t = Int64.random(in: utc(fromYear, 1, 1)..<utc(toYear, 1, 1), using: &generator)
            let date = Date(timeIntervalSince1970: TimeInterval(t))
            #expect(rules.offset(at: t) == foundation.secondsFromGMT(for: date), "\(zone) at \(t)")
            if sameDSTFlags {
                #expect(
                    rules.isDaylightSavingTime(at: t) == foundation.isDaylightSavingTime(for: date), "\(zone) at \(t)")
            }
        }
    }

    @Test(
        "Casablanca moves to permanent UTC+0 on 2026-09-20 at 01:00 UTC in the system database",
        .enabled(if: hasMoroccoPermanentUTC && python3Path != nil))
    func casablancaChange() throws {
        let rules = try #require(systemDatabase?.rules(for: "Africa/Casablanca"))
        let change = utc(2026, 9, 20, 1)
        // The instant comes from the brief (tzdata 2026f release notes); zoneinfo and glibc confirm it below.
        let expected = try expectations(for: [("Africa/Casablanca", change - 1), ("Africa/Casablanca", change)])
        #expect(expected.map(\.utcOffset) == [3600, 0])
        #expect(rules.offset(at: change - 1) == 3600)
        #expect(rules.offset(at: change) == 0)
        #expect(rules.nextTransition(after: utc(2026, 6, 1)) == change)
        // No more changes: no Ramadan switches in 2027 or later.
        #expect(rules.nextTransition(after: change) == nil)
        #expect(rules.transitions(from: change, to: utc(2060, 1, 1)).map(\.time) == [change])
    }
}
