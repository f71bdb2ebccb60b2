import BarazaChecks
import BarazaLogistics
import BarazaModel
import Testing

/// One broken workspace per logistics rule: exactly that rule fires, about exactly those subjects; and none of
/// them fires on the Kigali sample.
struct LogisticsRuleFixtureTests {
    struct Expectation: CustomTestStringConvertible, Sendable {
        var rule: String
        var subjects: [String]
        var minutes: Int?
        var facts: [String: String] = [:]
        var severity: Severity = .error
        var testDescription: String { rule }
    }

    static let expectations: [Expectation] = [
        .init(
            rule: "stay-gap", subjects: ["person:amara-diallo"],
            facts: ["missing nights": "2026-11-18, 2026-11-19", "nights needed": "2026-11-16 to 2026-11-19"]),
        .init(
            rule: "hotel-block-overbooked", subjects: ["hotel:mille-collines"],
            facts: [
                "room type": "single", "rooms needed": "2",
                "nights": "2026-11-16 to 2026-11-18 (2 needed, 1 held)",
            ]),
        .init(
            rule: "no-accommodation", subjects: ["person:kofi-mensah"],
            facts: ["arrives": "2026-11-16 15:00 at KGL", "in-person sessions": "1"]),
        .init(
            rule: "arrival-transfer-late", subjects: ["person:ousmane-traore", "session:opening"], minutes: 10,
            facts: ["run": "arrival-KGL-2026-11-17-0800", "at the venue": "2026-11-17 08:40", "wait": "90 min"]),
        .init(
            rule: "departure-transfer-early", subjects: ["person:celia-mondlane", "session:closing"], minutes: 40,
            facts: ["run": "departure-KGL-2026-11-17-1630", "pick-up": "2026-11-17 16:30", "drive": "10 min"]),
        .init(
            rule: "transfer-no-vehicle",
            subjects: ["journey:arrival-KGL-2026-11-16-1400-2", "person:eric-goita", "person:fatou-haidara"],
            facts: ["passengers": "2", "leaves": "2026-11-16 14:00 from Kigali International Airport"]),
        .init(
            rule: "journey-unknown-place", subjects: ["person:amara-diallo"],
            facts: ["place": "KLG", "did you mean": "KGL"], severity: .warning),
        .init(
            rule: "meal-over-capacity", subjects: ["session:lunch", "room:cafe"],
            facts: ["headcount": "4", "from": "in town", "capacity": "3"]),
    ]

    @Test func everyLogisticsRuleHasAFixture() {
        #expect(Set(Self.expectations.map(\.rule)) == Set(LogisticsRules.ruleIDs))
        #expect(Self.expectations.count == LogisticsRules.all.count)
        #expect(Set(LogisticsRules.ruleIDs).isDisjoint(with: Checker.ruleIDs), "rule ids must be unique")
    }

    @Test("the fixture named after a rule makes exactly that rule fire", arguments: expectations)
    func fixtureFiresOnlyItsRule(_ expected: Expectation) throws {
        let workspace = try loadFixture(expected.rule)
        let findings = Checker(rules: allRules).check([workspace])
        #expect(findings.map(\.rule) == [expected.rule], "other rules fired: \(findings.map(\.message))")
        let finding = try #require(findings.first)
        #expect(finding.subjects.map { "\($0.kind.rawValue):\($0.id)" } == expected.subjects)
        #expect(finding.minutes == expected.minutes)
        #expect(finding.severity == expected.severity)
        for (name, value) in expected.facts {
            #expect(finding.facts.first { $0.name == name }?.value == value, "fact \(name)")
        }
        #expect(!finding.locations.isEmpty)
        #expect(finding.locations[0].file.hasSuffix("\(expected.rule)/event.yaml"))
        // A missing fact renders as a lone `?`.
        let lone = finding.message.split(whereSeparator: { " (),;".contains($0) }).contains { $0 == "?" || $0 == "`?`" }
        #expect(!lone, "message names every fact: \(finding.message)")
    }

    @Test func theKigaliSampleChecksClean() throws {
        let findings = Checker(rules: allRules).check([try loadSample()])
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    @Test func severityOverridesReachLogisticsRules() throws {
        var workspace = try loadFixture("stay-gap")
        workspace.settings.severityOverrides["stay-gap"] = .some(.warning)
        #expect(Checker(rules: allRules).check([workspace]).map(\.severity) == [.warning])
        workspace.settings.severityOverrides["stay-gap"] = .some(nil)
        #expect(Checker(rules: allRules).check([workspace]).isEmpty)
    }
}
