import BarazaChecks
import BarazaModel
import BarazaWorkspace
import Foundation
import Testing

/// One broken workspace per rule of the catalogue: exactly that rule fires, about exactly those subjects.
struct RuleFixtureTests {
    /// What a fixture must produce: one finding of `rule`, about `subjects` (kind:id, in order).
    struct Expectation: CustomTestStringConvertible, Sendable {
        var rule: String
        var subjects: [String]
        var minutes: Int?
        var severity: Severity = .error
        var facts: [String: String] = [:]
        var testDescription: String { rule }
    }

    static let expectations: [Expectation] = [
        .init(
            rule: "nonexistent-local-time", subjects: ["session:paris-dialogue"],
            facts: ["written": "2026-03-29 02:30 Europe/Paris"]),
        .init(
            rule: "ambiguous-local-time", subjects: ["session:night-call"],
            facts: ["written": "2026-10-25 02:30 Europe/Paris", "choices": "+02:00 or +01:00"]),
        .init(
            rule: "wrong-utc-offset", subjects: ["session:opening"],
            facts: ["written": "2026-11-17 09:00+03:00 Africa/Kigali", "valid offsets": "+02:00"]),
        .init(
            rule: "unknown-reference", subjects: ["session:opening", "person:moussa-diallo"],
            facts: ["missing": "person `moussa-diallo`", "did you mean": "mousa-diallo"]),
        .init(
            rule: "person-double-booked",
            subjects: ["person:amina-uwase", "session:water-panel", "session:youth-workshop"],
            minutes: 30),
        .init(
            rule: "travel-time", subjects: ["person:jean-bosco", "session:opening", "session:council-visit"],
            minutes: 30,
            facts: ["gap": "15 min", "travel": "45 min from kcc to city-hall"]),
        .init(rule: "outside-availability", subjects: ["person:grace-nakato", "session:market-finance"], minutes: 60),
        .init(
            rule: "outside-waking-hours", subjects: ["person:fatou-sow", "session:early-call"], minutes: 60,
            severity: .warning, facts: ["starts at home": "06:00", "waking hours": "07:00–22:00 Africa/Nouakchott"]),
        .init(
            rule: "before-arrival", subjects: ["person:ousmane-traore", "session:opening"], minutes: 30,
            facts: ["buffer": "60 min"]),
        .init(
            rule: "after-departure", subjects: ["person:celia-mondlane", "session:closing"], minutes: 30,
            facts: ["buffer": "60 min"]),
        .init(
            rule: "room-double-booked",
            subjects: ["room:auditorium", "session:mayors-forum", "session:press-briefing"],
            minutes: 45),
        .init(
            rule: "over-capacity", subjects: ["session:budget-clinic", "room:room-b"],
            facts: ["expected": "35", "capacity": "20"]),
        .init(
            rule: "outside-opening-hours", subjects: ["session:cultural-evening", "venue:kcc"], severity: .warning,
            facts: ["opening hours": "08:00–18:00 on 2026-11-18"]),
        .init(
            rule: "outside-event-dates", subjects: ["session:site-visit"],
            facts: ["starts on": "2026-11-20", "event dates": "2026-11-17 to 2026-11-19 Africa/Kigali"]),
        .init(
            rule: "participant-overlap",
            subjects: ["person:kossi-agbo", "session:waste-workshop", "session:transport-workshop"],
            minutes: 30, severity: .warning),
        .init(
            rule: "language-not-covered", subjects: ["session:climate-session", "person:aicha-ben-salah"],
            severity: .warning, facts: ["session language": "en", "people left out": "1", "their languages": "ar, fr"]),
        .init(
            rule: "missing-material", subjects: ["session:site-visit"], severity: .warning,
            facts: ["material": "materials/route-map.pdf", "problem": "no such file"]),
        .init(
            rule: "session-order", subjects: ["session:mapping-lab", "session:mapping-basics"], minutes: 30,
            facts: ["must be": "after"]),
        .init(
            rule: "different-rooms", subjects: ["session:budget-part-2", "session:budget-part-1"],
            facts: ["rooms": "`room-b` and `auditorium`"]),
        .init(
            rule: "parallel-sessions", subjects: ["session:sanitation-workshop", "session:water-panel"], minutes: 30,
            facts: ["shared audience": "named"]),
        .init(
            rule: "room-lacks-equipment", subjects: ["session:data-clinic", "room:auditorium"],
            facts: ["missing": "screen", "room": "auditorium"]),
        .init(
            rule: "outside-allowed-times", subjects: ["session:evening-debate"],
            facts: ["allowed": "09:00–17:00 each day"]),
        .init(
            rule: "session-not-placed", subjects: ["session:youth-forum"], severity: .warning,
            facts: ["duration": "60 min"]),
        .init(
            rule: "placement-ignored", subjects: ["session:openng"], severity: .warning,
            facts: ["reason": "no session has this id", "did you mean": "opening"]),
    ]

    @Test func everyRuleOfTheCatalogueHasAFixture() {
        #expect(Set(Self.expectations.map(\.rule)) == Set(Checker.ruleIDs))
        #expect(Self.expectations.count == Checker.ruleIDs.count)
    }

    @Test("the fixture named after a rule makes exactly that rule fire", arguments: expectations)
    func fixtureFiresOnlyItsRule(_ expected: Expectation) throws {
        let workspaces = try loadFixture(expected.rule)
        let findings = Checker().check(workspaces)
        #expect(findings.map(\.rule) == [expected.rule], "other rules fired: \(findings.map(\.message))")
        let finding = try #require(findings.first { $0.rule == expected.rule })
        #expect(finding.subjects.map { "\($0.kind.rawValue):\($0.id)" } == expected.subjects)
        #expect(finding.minutes == expected.minutes)
        #expect(finding.severity == expected.severity)
        for (name, value) in expected.facts {
            #expect(finding.facts.first { $0.name == name }?.value == value, "fact \(name)")
        }
        #expect(finding.event == workspaces[0].event.id.rawValue)
        // The first location is the place to fix, in the fixture's own file.
        let first = try #require(finding.locations.first)
        #expect(first.file.hasSuffix("\(expected.rule)/event.yaml"))
    }

    @Test func aPersonPresentingInTwoWorkspacesAtOnceIsDoubleBookedAcrossWorkspaces() throws {
        let workspaces = try loadFixture("cross-workspace")
        #expect(workspaces.map(\.event.id.rawValue) == ["dakar-forum", "kigali-summit"])
        // Each workspace on its own is clean: the clash only shows when they are checked together.
        for w in workspaces { #expect(Checker().check([w]).isEmpty, "\(w.event.id)") }

        let findings = Checker().check(workspaces)
        #expect(findings.map(\.rule) == ["person-double-booked"])
        let finding = try #require(findings.first)
        // Same email written with other capitals, different ids: still one person.
        #expect(
            finding.subjects.map { "\($0.kind.rawValue):\($0.id)" }
                == ["person:aminata-ndiaye", "session:remote-panel", "session:fiscal-decentralisation"])
        #expect(finding.minutes == 30)
        #expect(finding.severity == .error)
        #expect(finding.facts == [Fact("across workspaces", "kigali-summit and dakar-forum")])
        #expect(finding.event == "dakar-forum")
        #expect(finding.occurrences.map(\.event) == ["kigali-summit", "dakar-forum"])
        #expect(
            finding.occurrences.map(\.venueTime) == [
                "2026-11-17 11:00–12:30 Africa/Kigali (+02:00)", "2026-11-17 10:00–11:00 Africa/Dakar (+00:00)",
            ])
        #expect(finding.occurrences[0].homeTime == "2026-11-17 09:00–10:30 Africa/Dakar (+00:00)")
        #expect(finding.message.contains("in two events (kigali-summit and dakar-forum)"))
    }

    @Test func aSeverityOverrideOfWarningDowngradesTheFinding() throws {
        let workspaces = try loadFixture("severity-warning")
        #expect(workspaces[0].settings.severityOverrides == ["person-double-booked": .some(.warning)])
        let findings = Checker().check(workspaces)
        #expect(findings.map(\.rule) == ["person-double-booked"])
        #expect(findings.map(\.severity) == [.warning])
        #expect(FindingReport(findings: findings, events: ["fixture-severity-warning"]).errorCount == 0)
    }

    @Test func aSeverityOverrideOfOffRemovesTheFindings() throws {
        let workspaces = try loadFixture("severity-off")
        #expect(workspaces[0].settings.severityOverrides == ["person-double-booked": Severity?.none])
        #expect(Checker().check(workspaces).isEmpty)
        // The same rule still runs without the override.
        #expect(Checker().check(try loadFixture("person-double-booked")).map(\.rule) == ["person-double-booked"])
    }

    @Test func aRuleTurnedOffInOneWorkspaceStillFiresAcrossOthers() throws {
        var workspaces = try loadFixture("cross-workspace")
        workspaces[0].settings.severityOverrides["person-double-booked"] = .some(nil)
        // The cross-workspace finding belongs to the later session's event (dakar-forum, index 0): turned off there.
        #expect(Checker().check(workspaces).isEmpty)
        workspaces[0].settings = CheckSettings()
        workspaces[1].settings.severityOverrides["person-double-booked"] = .some(.warning)
        #expect(Checker().check(workspaces).map(\.severity) == [.error])
    }
}
