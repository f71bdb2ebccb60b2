import BarazaModel

/// An in-person session before a person has arrived (plus a buffer to reach the venue), or after they leave.
public struct JourneyRule: Rule {
    public var walksEveryone: Bool { true }
    public let direction: Journey.Direction

    public init(direction: Journey.Direction) { self.direction = direction }

    public var id: String { direction == .arrival ? "before-arrival" : "after-departure" }
    public var defaultSeverity: Severity { .error }
    public var summary: String {
        direction == .arrival
            ? "an in-person session starts before the person's arrival plus the arrival buffer (default 60 min)"
            : "an in-person session ends after the person's departure minus the buffer (default 60 min)"
    }

    public func check(_ w: Workspace) -> [Finding] {
        var findings: [Finding] = []
        let buffer = w.settings.arrivalBufferMinutes
        // Each person's instant is read from the run's facts by position; a person is copied only for a finding.
        let instants = PeopleFacts.of(w).instants(of: direction)
        for position in w.people.indices {
            guard let instant = instants[position] else { continue }
            // Sessions are read in place; only those with a finding are copied (100,000 sign-ups pass here).
            for index in w.sessionAttendees.sessions(attendedByPersonAt: position) {
                guard let interval = w.sessions[index].interval else { continue }
                let short = Self.minutesShort(direction, journey: instant, session: interval, buffer: buffer)
                guard short > 0, w.isInPerson(w.sessions[index]) else { continue }
                let session = w.sessions[index]
                let person = w.people[position]
                let journey = (direction == .arrival ? person.arrival : person.departure)!
                let label = [journey.mode.rawValue, journey.carrier, journey.number, journey.place].compactMap { $0 }
                    .joined(separator: " ")
                let trip = Occurrence(
                    kind: .journey, id: direction.rawValue, label: "\(direction.rawValue) \(label)",
                    interval: Interval(start: instant, end: instant), zone: journey.time.zone,
                    homeZone: person.homeZone,
                    event: w.event.id.rawValue, location: journey.location)
                findings.append(
                    finding(
                        w, subjects: [w.subject(person), w.subject(session)],
                        occurrences: direction == .arrival
                            ? [trip, w.occurrence(session, for: person)!]
                            : [w.occurrence(session, for: person)!, trip],
                        minutes: short, facts: [Fact("buffer", "\(buffer) min")],
                        locations: [session.location, journey.location]))
            }
        }
        return findings
    }

    /// Minutes an in-person session starts too soon after the arrival `journey` (or ends too close to the
    /// departure), given the buffer; 0 or less when it keeps the buffer. The rule's incremental form.
    public static func minutesShort(
        _ direction: Journey.Direction, journey: Instant, session interval: Interval, buffer: Int
    ) -> Int {
        direction == .arrival
            ? buffer - journey.minutes(until: interval.start) : buffer - interval.end.minutes(until: journey)
    }
}
