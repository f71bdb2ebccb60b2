import BarazaModel

extension WorkspaceLoader {
    static let placementKeys = ["session", "start", "venue", "room"]

    /// One `placements:` entry as written; nil (with errors reported) when it cannot be read.
    func decodePlacement(_ value: YAMLValue) -> Placement? {
        guard let f = value.fields(Self.placementKeys, context: value.path) else { return nil }
        let session: Reference<Session>? = f.require("session", expected: "the id of the session placed")?.reference()
        let start = f.require("start", expected: YAMLValue.dateTimeExpectation)?.dateTime()
        let venue: Reference<Venue>? = f["venue"]?.reference()
        let room: Reference<Room>? = f["room"]?.reference()
        guard let session, let start else { return nil }
        return Placement(
            session: session, start: start.0, offset: start.offset, venue: venue, room: room,
            location: value.location)
    }

    /// Applies each placement, in file order, to the session it names: a session without `start` (or with
    /// `pin: false`) takes its start, venue and room. A placement that cannot apply is kept with the reason, for
    /// the checks to report; the session is left as written.
    func apply(
        _ placements: inout [Placement], to sessions: inout [DecodedSession], context: DecodingContext,
        venueZones: [Venue.ID: Zone?], roomVenues: [Room.ID: Venue.ID]
    ) {
        var index: [Session.ID: Int] = [:]
        for (i, s) in sessions.enumerated() where index[s.id] == nil { index[s.id] = i }
        var placedAt: [Session.ID: SourceLocation] = [:]
        for p in placements.indices {
            let placement = placements[p]
            guard let i = index[placement.session.id] else {
                placements[p].ignored = .unknownSession
                continue
            }
            if let first = placedAt[placement.session.id] {
                placements[p].ignored = .placedTwice(first)
                continue
            }
            let draft: Session
            let minutes: Int
            switch sessions[i] {
            case .unplaced(let u):
                draft = u.draft
                minutes = u.minutes
            case .placed(let s):
                guard s.constraints.movable else {
                    placements[p].ignored = .pinned(s.location)
                    continue
                }
                draft = s
                minutes = s.interval?.minutes ?? Int(s.start.local.minutes(until: s.end.local))
            }
            // What the session writes itself stays: a placement only fills in what is left open.
            let writtenVenue = draft.venue?.id ?? draft.room.flatMap { roomVenues[$0.id] }
            let placedVenue = placement.venue?.id ?? placement.room.flatMap { roomVenues[$0.id] }
            if let written = draft.room, let r = placement.room, r.id != written.id {
                placements[p].ignored = .otherRoom(written: "room `\(written.id)`", draft.location)
                continue
            }
            if let written = writtenVenue, let v = placedVenue, v != written {
                placements[p].ignored = .otherRoom(written: "venue `\(written)`", draft.location)
                continue
            }
            let venueID = placedVenue ?? writtenVenue
            let zone = draft.constraints.zone ?? venueID.flatMap { venueZones[$0] ?? nil } ?? context.event.zone
            var session = draft
            session.venue = draft.venue ?? placement.venue
            session.room = draft.room ?? placement.room
            session.constraints.placedBy = placement.location
            let start = WallTime(local: placement.start, zone: zone, offset: placement.offset)
            switch start.resolve() {
            case .success(let instant):
                session = session.moved(
                    to: instant, minutes: minutes, zone: zone, venue: session.venue, room: session.room)
                session.start = start
            case .failure(let problem):
                session.start = start
                session.end = WallTime(local: placement.start.adding(seconds: Int64(minutes) * 60), zone: zone)
                session.interval = nil
                session.timeProblems = [problem]
            }
            placedAt[placement.session.id] = placement.location
            sessions[i] = .placed(session)
        }
    }
}

extension LocalDateTime {
    /// Minutes from this reading to `other` on an unbroken clock (no zone rules applied).
    func minutes(until other: LocalDateTime) -> Int64 { (other.secondsAsIfUTCValue - secondsAsIfUTCValue) / 60 }

    fileprivate var secondsAsIfUTCValue: Int64 { Int64(date.daysSince1970) * 86400 + Int64(time.secondsSinceMidnight) }
}
