import BarazaModel
import Foundation

/// References to rooms, venues, people, sessions or hotels that the workspace does not define.
/// Each finding points at the reference and, when one is close, at the definition it was probably meant to be.
public struct UnknownReferenceRule: Rule {
    public var walksEveryone: Bool { true }
    public init() {}
    public var id: String { "unknown-reference" }
    public var defaultSeverity: Severity { .error }
    public var summary: String {
        "a session, person or stay names a room, venue, person, session or hotel that is not defined"
    }

    public func check(_ w: Workspace) -> [Finding] {
        var findings: [Finding] = []
        // What a missing id may have been meant as, listed only when something is missing (100,000 people).
        lazy var people = w.people.map { ($0.id.rawValue, $0.location) }
        lazy var sessions = (w.sessions + w.unplaced.map(\.draft)).map { ($0.id.rawValue, $0.location) }
        let sessionIDs = Set(w.sessionsByID.keys).union(w.unplaced.map(\.id))
        lazy var rooms = w.venues.flatMap { $0.rooms.map { ($0.id.rawValue, $0.location) } }
        lazy var venues = w.venues.map { ($0.id.rawValue, $0.location) }
        lazy var hotels = w.hotels.map { ($0.id.rawValue, $0.location) }

        func missing(
            _ kind: Subject.Kind, _ id: String, at location: SourceLocation, from owner: Subject,
            candidates: [(String, SourceLocation)]
        ) {
            var facts = [Fact("missing", "\(kind.rawValue) `\(id)`")]
            var locations = [location]
            if let near = closest(id, candidates) {
                facts.append(Fact("did you mean", near.0))
                locations.append(near.1)
            }
            findings.append(
                finding(w, subjects: [owner, Subject(kind, id: id, label: id)], facts: facts, locations: locations))
        }

        for session in w.sessions + w.unplaced.map(\.draft) {
            let owner = w.subject(session)
            if let v = session.venue, !w.venuesByID.keys.contains(v.id) {
                missing(.venue, v.id.rawValue, at: v.location, from: owner, candidates: venues)
            }
            if let r = session.room {
                if let entry = w.roomsByID[r.id] {
                    if let v = session.venue, w.venuesByID.keys.contains(v.id), entry.venue != v.id {
                        let inVenue = w.venuesByID[v.id]!.rooms.map { ($0.id.rawValue, $0.location) }
                        missing(.room, r.id.rawValue, at: r.location, from: owner, candidates: inVenue)
                        findings[findings.count - 1].facts.append(
                            Fact("note", "room `\(r.id)` belongs to venue `\(entry.venue)`, not `\(v.id)`"))
                    }
                } else {
                    missing(.room, r.id.rawValue, at: r.location, from: owner, candidates: rooms)
                }
            }
            // (Presenters, then sign-ups, each list read in place: 400,000 sign-ups pass here.)
            for ref in session.presenters where !w.peopleByID.keys.contains(ref.id) {
                missing(.person, ref.id.rawValue, at: ref.location, from: owner, candidates: people)
            }
            for ref in session.signUps where !w.peopleByID.keys.contains(ref.id) {
                missing(.person, ref.id.rawValue, at: ref.location, from: owner, candidates: people)
            }
            let c = session.constraints
            for ref in c.after + c.before + c.sameRoomAs + c.notParallelWith where !sessionIDs.contains(ref.id) {
                missing(.session, ref.id.rawValue, at: ref.location, from: owner, candidates: sessions)
            }
        }
        for person in w.people {
            for ref in person.signUps where !sessionIDs.contains(ref.id) {
                missing(.session, ref.id.rawValue, at: ref.location, from: w.subject(person), candidates: sessions)
            }
            for stay in person.stays {
                if !w.hotelsByID.keys.contains(stay.hotel.id) {
                    missing(
                        .hotel, stay.hotel.id.rawValue, at: stay.hotel.location, from: w.subject(person),
                        candidates: hotels)
                }
                for ref in stay.sharingWith where !w.peopleByID.keys.contains(ref.id) {
                    missing(.person, ref.id.rawValue, at: ref.location, from: w.subject(person), candidates: people)
                }
            }
        }
        // An override in people-overrides.yaml that matches nobody (its email is not repeated in the finding).
        for target in w.personOverrides where target.matched == nil {
            let named = target.person?.rawValue ?? Self.masked(target.email ?? "")
            let file = (target.location.file as NSString).lastPathComponent
            let owner = Subject(.person, id: "\(file):\(target.location.line)", label: "the override")
            missing(
                .person, named, at: target.location, from: owner,
                candidates: target.person == nil ? [] : people)
        }
        for travel in w.travelTimes {
            for v in travel.between.sorted() where !w.venuesByID.keys.contains(v) {
                let pair = travel.between.map { "`\($0.rawValue)`" }.sorted().joined(separator: " and ")
                missing(
                    .venue, v.rawValue, at: travel.location, from: Subject(.travel, id: pair, label: "travel time"),
                    candidates: venues)
            }
        }
        return findings
    }

    /// An email shown without its local part (`n…@example.org`).
    static func masked(_ email: String) -> String {
        guard let at = email.firstIndex(of: "@"), let first = email.first else { return "an email address" }
        return "\(first)…\(email[at...])"
    }

    private func closest(_ id: String, _ candidates: [(String, SourceLocation)]) -> (String, SourceLocation)? {
        guard let name = nearest(to: id, in: candidates.map(\.0)) else { return nil }
        return candidates.first { $0.0 == name }
    }
}
