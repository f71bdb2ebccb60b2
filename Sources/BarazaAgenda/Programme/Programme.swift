import BarazaModel

/// The sessions of a workspace that have a resolved time, sorted and grouped into event days.
///
/// A session belongs to the day on which it starts in the event's zone. Days run from the event's first to its
/// last day, plus any other day a session starts on, so nothing written is dropped.
struct Programme: Sendable {
    struct Day: Sendable {
        var date: LocalDate
        /// Sorted by start, end, then id.
        var sessions: [Scheduled]
    }

    /// A session with its resolved interval and place.
    struct Scheduled: Sendable {
        var session: Session
        var interval: Interval
        var place: Place
    }

    let workspace: Workspace
    let days: [Day]
    /// Sessions left out because their wall time names no single instant (`baraza check` explains why).
    let unresolved: [Session.ID]

    init(_ workspace: Workspace) {
        self.workspace = workspace
        let zone = workspace.event.zone
        let venueIndex = Dictionary(
            workspace.venues.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var byDate: [LocalDate: [Scheduled]] = [:]
        var unresolved: [Session.ID] = []
        for session in workspace.sessions {
            guard let interval = session.interval else {
                unresolved.append(session.id)
                continue
            }
            let date = zone.localDateTime(at: interval.start).date
            byDate[date, default: []].append(
                Scheduled(
                    session: session, interval: interval,
                    place: workspace.place(of: session, venueIndex: venueIndex)))
        }
        var dates = Set(byDate.keys)
        var d = workspace.event.firstDay
        // A typo in the dates should not produce thousands of empty days.
        var guardDays = 0
        while d <= workspace.event.lastDay, guardDays < 366 {
            dates.insert(d)
            d = d.adding(days: 1)
            guardDays += 1
        }
        days = dates.sorted().map { date in
            Day(
                date: date,
                sessions: (byDate[date] ?? []).sorted {
                    ($0.interval.start, $0.interval.end, $0.session.id) < (
                        $1.interval.start, $1.interval.end, $1.session.id
                    )
                })
        }
        self.unresolved = unresolved.sorted()
    }

    /// Every place that hosts at least one session, in workspace order.
    var places: [Place] { Set(days.flatMap { $0.sessions.map(\.place) }).sorted() }
}
