import BarazaModel
import Foundation
import Testing

@testable import BarazaChecks

/// A large report's JSON is made a finding at a time (`piecewiseJSON`); it must be the one encoder's document byte
/// for byte, on findings of every rule (empty lists, missing minutes, home times, other events, any script).
struct PiecewiseJSONTests {
    /// The findings of every rule fixture, one after the other, as one report.
    static func everyRulesFindings() throws -> (findings: [Finding], events: [String]) {
        let names = try FileManager.default.contentsOfDirectory(atPath: fixtures.path).sorted()
        var findings: [Finding] = []
        var events: [String] = []
        for name in names {
            let workspaces = try loadFixture(name)
            findings += Checker().check(workspaces)
            events += workspaces.map(\.event.id.rawValue)
        }
        return (findings, events)
    }

    @Test func thePiecesMakeTheSameDocumentAsOneEncoder() throws {
        let (findings, events) = try Self.everyRulesFindings()
        #expect(Set(findings.map(\.rule)).count >= 20, "\(Set(findings.map(\.rule)).sorted())")
        #expect(findings.contains { $0.facts.isEmpty } && findings.contains { !$0.facts.isEmpty })
        #expect(findings.contains { $0.minutes == nil } && findings.contains { $0.minutes != nil })
        #expect(findings.contains { $0.occurrences.contains { $0.homeTime != nil } })
        // Repeated past the point where `json()` works in pieces, so the pieces run on several cores.
        let many = Array(repeating: findings, count: FindingReport.piecewiseFrom / max(1, findings.count) + 1)
            .flatMap { $0 }
        for sample in [Array(findings.prefix(1)), findings, many] {
            let report = FindingReport(findings: sample, events: events)
            let whole = report.wholeJSON()
            #expect(report.piecewiseJSON() == whole)
            #expect(try JSONSerialization.jsonObject(with: Data(whole.utf8)) is [String: Any])
        }
        let large = FindingReport(findings: many, events: events)
        #expect(large.json() == large.wholeJSON())
    }

    @Test func aReportWithoutFindingsIsTheEncodersToo() {
        let report = FindingReport(findings: [], events: ["a", "b"])
        #expect(report.piecewiseJSON() == report.wholeJSON())
        #expect(report.json().contains("\"findings\" : [\n\n  ]"))
    }
}
