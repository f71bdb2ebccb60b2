import BarazaModel
import BarazaOutput

/// The one zone a pack page reads its times in (the event's), stated at the top of the page: every session's
/// date and times are given in it, and a session held on another clock (an online session written in Paris
/// time) also gives its own reading, labelled with its zone. So no time on the page stands without its zone.
struct PageClock {
    /// The zone of the page's times.
    var zone: Zone
    /// The zone's UTC offsets at the sessions the page can show, in order (one, unless the clocks change).
    var offsets: [Int]

    /// The event's zone, with its offsets at the starts of the workspace's sessions (the first day's noon when
    /// no session has a time).
    init(_ workspace: Workspace) {
        let zone = workspace.event.zone
        self.zone = zone
        var instants = workspace.sessions.compactMap { $0.interval?.start }
        let noon = LocalDateTime(date: workspace.event.firstDay, time: LocalTime(hour: 12, minute: 0)!)
        if instants.isEmpty, case .unique(let instant) = zone.resolve(noon) { instants = [instant] }
        offsets = Set(instants.map { zone.offset(at: $0) }).sorted()
    }

    /// `Africa/Kigali (UTC+02:00)`, or with each offset the zone takes during the event.
    var zoneLabel: String {
        let utc = offsets.map { "UTC" + formatOffset($0) }.joined(separator: " / ")
        return utc.isEmpty ? zone.identifier : "\(zone.identifier) (\(utc))"
    }

    /// The sentence stating the page's zone, in English then French, as HTML.
    var statementHTML: String {
        let label = HTML.escape(zoneLabel)
        return "Times are in \(label), the event's time zone; a session held on another clock also gives its own "
            + "time and zone. · <span lang=\"fr\">Les heures sont données dans le fuseau de l'événement, \(label) ; "
            + "une séance tenue sur une autre horloge donne aussi son heure et son fuseau.</span>"
    }

    /// The date a session falls on in the page's zone (its own wall date when its time does not resolve).
    func date(of session: Session) -> LocalDate {
        guard let interval = session.interval else { return session.start.local.date }
        return zone.localDateTime(at: interval.start).date
    }

    /// `09:00–10:30` in the page's zone (the end's date too when it falls on another day), then, for a session on
    /// another clock, its own reading: `19:00–20:00 (18:00–19:00 Europe/Paris)`. A session whose time does not
    /// resolve (a reading the clock skips) gives its own reading and zone only.
    func times(of session: Session) -> String {
        guard let interval = session.interval else {
            return "\(session.start.local.time)–\(session.end.local.time) \(session.zone.identifier)"
        }
        let start = zone.localDateTime(at: interval.start)
        let end = zone.localDateTime(at: interval.end)
        var text = "\(start.time)–" + (end.date == start.date ? "\(end.time)" : end.description)
        if session.zone != zone {
            let ownStart = session.zone.localDateTime(at: interval.start)
            let ownEnd = session.zone.localDateTime(at: interval.end)
            let ownStartText = ownStart.date == start.date ? "\(ownStart.time)" : ownStart.description
            let ownEndText = ownEnd.date == ownStart.date ? "\(ownEnd.time)" : ownEnd.description
            text += " (\(ownStartText)–\(ownEndText) \(session.zone.identifier))"
        }
        return text
    }

    /// The date and times of a session: `2027-03-24 19:00–20:00 (18:00–19:00 Europe/Paris)`.
    func when(_ session: Session) -> String {
        "\(date(of: session).iso8601) \(times(of: session))"
    }
}
