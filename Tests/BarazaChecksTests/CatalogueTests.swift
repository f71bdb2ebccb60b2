import BarazaModel
import BarazaTestSupport
import Foundation
import Testing

@testable import BarazaChecks

/// The rule catalogue: stable ids, one rule each, and severity overrides from `checks.severity`.
struct CatalogueTests {
    /// The ids users write in `checks.severity` and scripts read in JSON output: renaming one breaks them.
    static let documentedIDs = [
        "nonexistent-local-time", "ambiguous-local-time", "wrong-utc-offset", "unknown-reference",
        "person-double-booked", "travel-time", "outside-availability", "outside-waking-hours", "before-arrival",
        "after-departure", "room-double-booked", "over-capacity", "outside-opening-hours", "outside-event-dates",
        "participant-overlap", "language-not-covered", "missing-material", "session-order", "different-rooms",
        "parallel-sessions", "room-lacks-equipment", "outside-allowed-times", "session-not-placed",
        "placement-ignored",
    ]

    @Test func everyRuleIDIsUniqueAndListed() {
        #expect(Checker.ruleIDs == Self.documentedIDs)
        #expect(Set(Checker.ruleIDs).count == Checker.catalogue.count)
        for rule in Checker.catalogue {
            #expect(!rule.summary.isEmpty, "\(rule.id)")
            #expect(rule.id.allSatisfy { $0.isLowercase || $0 == "-" }, "\(rule.id)")
        }
    }

    @Test func onlyWakingHoursOpeningHoursParticipantsLanguageMaterialsAndPlacingAreWarningsByDefault() {
        let warnings = Checker.catalogue.filter { $0.defaultSeverity == .warning }.map(\.id)
        #expect(
            warnings == [
                "outside-waking-hours", "outside-opening-hours", "participant-overlap", "language-not-covered",
                "missing-material", "session-not-placed", "placement-ignored",
            ])
    }

    /// Two speakers double-booked in a room, each clash also a room clash: three findings, two rules.
    static func clashingWorkspace() -> Workspace {
        var b = WorkspaceBuilder()
        b.venue("kcc", rooms: ["auditorium"])
        b.person("amina-uwase")
        let t = Instant(utc: "2026-11-17T07:00:00Z")
        b.session(
            "a", interval: Interval(start: t, end: t.adding(minutes: 90)), room: "auditorium", speakers: ["amina-uwase"]
        )
        b.session(
            "b", interval: Interval(start: t.adding(minutes: 60), end: t.adding(minutes: 120)), room: "auditorium",
            speakers: ["amina-uwase"])
        return b.build()
    }

    @Test func severityOverridesDowngradeUpgradeAndSilenceOneRuleOnly() {
        var w = Self.clashingWorkspace()
        let plain = Checker().check([w])
        #expect(plain.map(\.rule) == ["person-double-booked", "room-double-booked"])
        #expect(plain.map(\.severity) == [.error, .error])

        w.settings.severityOverrides = ["room-double-booked": .some(.warning)]
        #expect(Checker().check([w]).map(\.severity) == [.error, .warning])

        w.settings.severityOverrides = ["person-double-booked": Severity?.none]
        #expect(Checker().check([w]).map(\.rule) == ["room-double-booked"])

        w.settings.severityOverrides = ["person-double-booked": Severity?.none, "room-double-booked": Severity?.none]
        #expect(Checker().check([w]).isEmpty)
    }

    @Test func aWarningRuleCanBeRaisedToAnErrorAndThenFailsTheCheck() throws {
        let fixture = try loadFixture("participant-overlap")
        #expect(Checker().check(fixture).map(\.severity) == [.warning])
        var raised = fixture
        raised[0].settings.severityOverrides = ["participant-overlap": .some(.error)]
        let findings = Checker().check(raised)
        #expect(findings.map(\.severity) == [.error])
        #expect(FindingReport(findings: findings, events: [raised[0].event.id.rawValue]).errorCount == 1)
    }

    @Test func aCheckerWithFewerRulesRunsOnlyThose() {
        let w = Self.clashingWorkspace()
        #expect(Checker(rules: [RoomDoubleBookedRule()]).check([w]).map(\.rule) == ["room-double-booked"])
        #expect(Checker(rules: []).check([w]).isEmpty)
    }

    /// One online session late at night seen from Paris, Kampala, Nouakchott and Maputo: each speaker's home
    /// clock is shown, including Paris leaving summer time during the call.
    @Test func anOnlineSessionOutsideWakingHoursInFourHomeZones() throws {
        let findings = Checker().check(try loadFixture("online-four-zones"))
        #expect(findings.map(\.rule) == Array(repeating: "outside-waking-hours", count: 4))
        let byPerson = Dictionary(uniqueKeysWithValues: findings.map { ($0.subjects[0].id, $0) })
        func home(_ id: String) -> String? { byPerson[id]?.occurrences.first?.homeTime }
        #expect(home("jean-martin") == "2026-10-25 01:30–02:00 Europe/Paris (+02:00 → +01:00)")
        #expect(home("grace-nakato") == "2026-10-25 02:30–04:00 Africa/Kampala (+03:00)")
        #expect(home("celia-mondlane") == "2026-10-25 01:30–03:00 Africa/Maputo (+02:00)")
        // The session is written in Nouakchott time: no second clock for Fatou Sow.
        #expect(home("fatou-sow") == nil)
        #expect(
            byPerson["fatou-sow"]?.occurrences.first?.venueTime
                == "2026-10-24 23:30–2026-10-25 01:00 Africa/Nouakchott (+00:00)")
        // Ninety elapsed minutes, all outside 07:00–22:00, wherever the clock says 30 (Paris) or 90.
        #expect(findings.allSatisfy { $0.minutes == 90 && $0.severity == .warning })
        #expect(
            byPerson["jean-martin"]?.message
                == "Jean Martin (jean-martin) would join at 01:30 at home, 90 min outside waking hours 07:00–22:00 Europe/Paris"
        )
    }
}
