import BarazaModel
import Foundation

/// Renders findings for a terminal (grouped by rule) and as stable JSON (documented in the README, "JSON output").
public struct FindingReport: Sendable {
    public var findings: [Finding]
    /// Event ids of the workspaces checked.
    public var events: [String]

    public init(findings: [Finding], events: [String]) {
        self.findings = findings
        self.events = events
    }

    public var errorCount: Int { findings.filter { $0.severity == .error }.count }
    public var warningCount: Int { findings.count - errorCount }

    /// Human-readable text grouped by rule; `colour` adds ANSI colours (only for a terminal).
    public func text(colour: Bool) -> String {
        func paint(_ s: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        var out = ""
        var rulesInOrder: [String] = []
        for f in findings where !rulesInOrder.contains(f.rule) { rulesInOrder.append(f.rule) }
        for rule in rulesInOrder {
            let group = findings.filter { $0.rule == rule }
            let errors = group.filter { $0.severity == .error }.count
            let counts = [
                errors > 0 ? "\(errors) error\(errors == 1 ? "" : "s")" : nil,
                group.count - errors > 0
                    ? "\(group.count - errors) warning\(group.count - errors == 1 ? "" : "s")" : nil,
            ]
            .compactMap { $0 }.joined(separator: ", ")
            out += paint(rule, "1") + " (\(counts))\n"
            for f in group {
                let sev = f.severity == .error ? paint("error", "31;1") : paint("warning", "33;1")
                let place = f.locations.first.map { "\($0): " } ?? ""
                out += "  \(place)\(sev): \(f.message)\n"
                for o in f.occurrences {
                    out += "      \(o.kind == .session ? "session `\(o.id)`" : o.label): \(o.venueTime)"
                    if let home = o.homeTime { out += "; home \(home)" }
                    if o.event != f.event { out += " [event \(o.event)]" }
                    out += "\n"
                }
                for l in f.locations.dropFirst() { out += paint("      see \(l)", "2") + "\n" }
            }
            out += "\n"
        }
        let summary =
            "\(errorCount) error\(errorCount == 1 ? "" : "s"), \(warningCount) warning\(warningCount == 1 ? "" : "s")"
            + " in \(events.count) workspace\(events.count == 1 ? "" : "s") (\(events.joined(separator: ", ")))"
        out += findings.isEmpty ? paint("No findings: ", "32;1") + summary + "\n" : summary + "\n"
        return out
    }

    /// Stable JSON: keys sorted, findings in report order, times in UTC ISO 8601 plus display strings.
    public func json() -> String {
        findings.count >= Self.piecewiseFrom ? piecewiseJSON() : wholeJSON()
    }

    /// The document from one encoder.
    func wholeJSON() -> String {
        Self.encode(JSONReport(events: events, summary: summary, findings: findings.map(JSONReport.FindingJSON.init)))
            + "\n"
    }

    var summary: JSONReport.Summary { JSONReport.Summary(errors: errorCount, warnings: warningCount) }

    /// The encoder every part of the document is written with: pretty, keys sorted, slashes as they are.
    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func encode<Value: Encodable>(_ value: Value, with encoder: JSONEncoder = makeEncoder()) -> String {
        String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
    }
}

/// The JSON document, as `--format json` writes it (documented in the README, "JSON output").
struct JSONReport: Encodable {
    struct Summary: Encodable {
        var errors: Int
        var warnings: Int
    }
    struct Location: Encodable {
        var file: String
        var line: Int
        var column: Int
        init(_ l: SourceLocation) {
            file = l.file
            line = l.line
            column = l.column
        }
    }
    struct SubjectJSON: Encodable {
        var kind: String
        var id: String
        var label: String
    }
    struct FactJSON: Encodable {
        var name: String
        var value: String
    }
    struct OccurrenceJSON: Encodable {
        var kind: String
        var id: String
        var label: String
        var event: String
        var startUTC: String
        var endUTC: String
        var zone: String
        var venueTime: String
        var homeZone: String?
        var homeTime: String?
        var location: Location
        enum CodingKeys: String, CodingKey {
            case kind, id, label, event, zone, location
            case startUTC = "start_utc"
            case endUTC = "end_utc"
            case venueTime = "venue_time"
            case homeZone = "home_zone"
            case homeTime = "home_time"
        }
    }
    struct FindingJSON: Encodable {
        var rule: String
        var severity: String
        var event: String
        var message: String
        var subjects: [SubjectJSON]
        var occurrences: [OccurrenceJSON]
        var minutes: Int?
        var facts: [FactJSON]
        var locations: [Location]

        init(_ f: Finding) {
            rule = f.rule
            severity = f.severity.rawValue
            event = f.event
            message = f.message
            subjects = f.subjects.map { .init(kind: $0.kind.rawValue, id: $0.id, label: $0.label) }
            occurrences = f.occurrences.map { o in
                .init(
                    kind: o.kind.rawValue, id: o.id, label: o.label, event: o.event,
                    startUTC: o.interval.start.iso8601UTC, endUTC: o.interval.end.iso8601UTC,
                    zone: o.zone.identifier, venueTime: o.venueTime, homeZone: o.homeZone?.identifier,
                    homeTime: o.homeTime, location: .init(o.location))
            }
            minutes = f.minutes
            facts = f.facts.map { .init(name: $0.name, value: $0.value) }
            locations = f.locations.map { .init($0) }
        }
    }
    var version = 1
    var events: [String]
    var summary: Summary
    var findings: [FindingJSON]
}
