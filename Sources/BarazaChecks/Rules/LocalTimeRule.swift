import BarazaModel

/// Wall times that name no instant or two: spring-forward gaps, fall-back overlaps without an offset,
/// and offsets the zone does not use at that reading.
public struct LocalTimeRule: Rule {
    public enum Kind: Sendable { case nonexistent, ambiguous, offsetMismatch }
    public let kind: Kind
    public var walksEveryone: Bool { true }

    public init(kind: Kind) { self.kind = kind }

    public var id: String {
        switch kind {
        case .nonexistent: return "nonexistent-local-time"
        case .ambiguous: return "ambiguous-local-time"
        case .offsetMismatch: return "wrong-utc-offset"
        }
    }
    public var defaultSeverity: Severity { .error }
    public var summary: String {
        switch kind {
        case .nonexistent: return "a wall time falls in a spring-forward gap and never appears on the clock"
        case .ambiguous: return "a wall time falls in a fall-back overlap and happens twice; add the offset to choose"
        case .offsetMismatch: return "the offset written with a wall time is not one its zone uses then"
        }
    }

    public func check(_ workspace: Workspace) -> [Finding] {
        var findings: [Finding] = []
        func report(_ problem: LocalTimeProblem, subject: Subject, at location: SourceLocation) {
            let matches: Bool
            var facts = [Fact("written", problem.wallTime.description)]
            switch problem {
            case .nonexistent: matches = kind == .nonexistent
            case .ambiguous(let w, let earlier, let later):
                matches = kind == .ambiguous
                facts.append(
                    Fact(
                        "choices",
                        [earlier, later].map { formatOffset(w.zone.offset(at: $0)) }.joined(separator: " or ")))
            case .offsetMismatch(_, let valid):
                matches = kind == .offsetMismatch
                facts.append(Fact("valid offsets", valid.map(formatOffset).joined(separator: " or ")))
            }
            if matches { findings.append(finding(workspace, subjects: [subject], facts: facts, locations: [location])) }
        }
        for session in workspace.sessions {
            for problem in session.timeProblems {
                report(problem, subject: workspace.subject(session), at: session.location)
            }
        }
        // A resolved window or journey has no problem to report: only people with another are read.
        for position in PeopleFacts.of(workspace).withUnresolvedTimes {
            let person = workspace.people[position]
            for window in person.availability where window.interval == nil {
                for w in [window.start, window.end] {
                    if case .failure(let p) = w.resolve() {
                        report(p, subject: workspace.subject(person), at: window.location)
                    }
                }
            }
            for journey in person.journeys where journey.instant == nil {
                if case .failure(let p) = journey.time.resolve() {
                    report(p, subject: workspace.subject(person), at: journey.location)
                }
            }
        }
        return findings
    }
}
