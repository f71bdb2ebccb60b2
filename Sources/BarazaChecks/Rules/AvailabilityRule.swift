import BarazaModel

/// A speaker or moderator booked outside the availability windows they gave.
public struct AvailabilityRule: Rule {
    public init() {}
    public var id: String { "outside-availability" }
    public var defaultSeverity: Severity { .error }
    public var summary: String { "a speaker or moderator is booked outside the availability windows they gave" }

    public func check(_ w: Workspace) -> [Finding] {
        var findings: [Finding] = []
        for (personID, sessions) in w.sessionsByPresenter() {
            guard let person = w.peopleByID[personID], !person.availability.isEmpty else { continue }
            let windows = person.availability.compactMap(\.interval)
            for session in sessions {
                guard let interval = session.interval, let outside = Self.minutesOutside(interval, windows: windows)
                else { continue }
                findings.append(
                    finding(
                        w, subjects: [w.subject(person), w.subject(session)],
                        occurrences: [w.occurrence(session, for: person)!], minutes: outside,
                        facts: [
                            Fact(
                                "available",
                                person.availability.map { "\($0.start.local)–\($0.end.local) \($0.start.zone)" }.joined(
                                    separator: "; "))
                        ],
                        locations: [session.location, person.location]))
            }
        }
        return findings
    }

    /// Minutes of `interval` outside the window that holds most of it, or nil when one window holds it all: the
    /// rule's incremental form, for a presenter who gave availability `windows`.
    public static func minutesOutside(_ interval: Interval, windows: [Interval]) -> Int? {
        guard !windows.contains(where: { $0.contains(interval) }) else { return nil }
        return interval.minutes - (windows.map { $0.overlapMinutes(with: interval) }.max() ?? 0)
    }
}
