import BarazaModel

/// An online session that falls outside someone's waking hours in their home zone (default 07:00–22:00).
public struct WakingHoursRule: Rule {
    public var walksEveryone: Bool { true }
    public init() {}
    public var id: String { "outside-waking-hours" }
    public var defaultSeverity: Severity { .warning }
    public var summary: String {
        "an online session falls outside a participant's waking hours in their home zone (default 07:00–22:00)"
    }

    public func check(_ w: Workspace) -> [Finding] {
        var findings: [Finding] = []
        let window = w.settings.wakingHours
        // Only online sessions are this rule's: an event held wholly in person needs no walk through everyone.
        guard w.sessions.contains(where: w.isOnline) else { return [] }
        for position in w.people.indices {
            let indices = w.sessionAttendees.sessions(attendedByPersonAt: position)
            guard !indices.isEmpty, let home = w.people[position].homeZone else { continue }
            // People and sessions are read in place; only those with a finding are copied (100,000 sign-ups pass
            // here).
            for index in indices where w.isOnline(w.sessions[index]) {
                guard let interval = w.sessions[index].interval else { continue }
                let minutesOutside = minutesOutside(interval, window: window, zone: home)
                guard minutesOutside > 0 else { continue }
                let (person, session) = (w.people[position], w.sessions[index])
                let local = home.localDateTime(at: interval.start)
                findings.append(
                    finding(
                        w, subjects: [w.subject(person), w.subject(session)],
                        occurrences: [w.occurrence(session, for: person)!], minutes: minutesOutside,
                        facts: [Fact("waking hours", "\(window) \(home)"), Fact("starts at home", "\(local.time)")],
                        locations: [session.location, person.location]))
            }
        }
        return findings
    }

    /// Minutes of `interval` outside the daily window in `zone`, stepping through the local days it touches: the
    /// rule's incremental form, for one attendee of one online placement.
    public func minutesOutside(_ interval: Interval, window: DailyWindow, zone: Zone) -> Int {
        var inside = 0
        let firstDay = zone.localDateTime(at: interval.start).date.adding(days: -1)
        let lastDay = zone.localDateTime(at: interval.end).date
        var day = firstDay
        while day <= lastDay {
            let closesDate = window.crossesMidnight ? day.adding(days: 1) : day
            if case .unique(let open) = zone.resolve(LocalDateTime(date: day, time: window.opens)),
                case .unique(let close) = zone.resolve(LocalDateTime(date: closesDate, time: window.closes)),
                open < close
            {
                inside += Interval(start: open, end: close).overlapMinutes(with: interval)
            }
            day = day.adding(days: 1)
        }
        return interval.minutes - inside
    }
}
