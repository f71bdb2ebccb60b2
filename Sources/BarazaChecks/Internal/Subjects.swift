import BarazaModel

extension Workspace {
    func subject(_ person: Person) -> Subject { Subject(.person, id: person.id.rawValue, label: person.name) }

    /// The subject of the person at `position` in `people`, read in place.
    func subject(personAt position: Int) -> Subject {
        Subject(.person, id: people[position].id.rawValue, label: people[position].name)
    }

    func subject(_ session: Session) -> Subject {
        Subject(.session, id: session.id.rawValue, label: session.title.bilingual)
    }

    /// A session as an occurrence, shown in its zone and in `person`'s home zone.
    func occurrence(_ session: Session, for person: Person? = nil) -> Occurrence? {
        guard let interval = session.interval else { return nil }
        return Occurrence(
            kind: .session, id: session.id.rawValue, label: session.title.bilingual, interval: interval,
            zone: session.zone, homeZone: person?.homeZone, event: event.id.rawValue, location: session.location)
    }

    /// Sessions each person presents (speaks at or moderates), in workspace order.
    func sessionsByPresenter() -> [Person.ID: [Session]] {
        var map: [Person.ID: [Session]] = [:]
        for session in sessions {
            var seen: Set<Person.ID> = []
            for ref in session.presenters where seen.insert(ref.id).inserted {
                map[ref.id, default: []].append(session)
            }
        }
        return map
    }

    /// Whether a session happens in a building (its venue is physical).
    public func isInPerson(_ session: Session) -> Bool { Self.isInPerson(session.kind, at: venue(of: session)) }

    /// Whether people attend a session remotely.
    func isOnline(_ session: Session) -> Bool { Self.isOnline(session.kind, at: venue(of: session)) }

    /// Whether a session of `kind` at `venue` happens in a building, as the rules read it.
    public static func isInPerson(_ kind: Session.Kind, at venue: Venue?) -> Bool {
        guard let venue else { return false }
        return !venue.isOnline && kind != .online
    }

    /// Whether people attend a session of `kind` at `venue` remotely, as the rules read it.
    public static func isOnline(_ kind: Session.Kind, at venue: Venue?) -> Bool {
        kind == .online || venue?.isOnline == true
    }
}
