import BarazaModel

/// Where a session happens, as the agenda and schedule.xml group it: a room, a whole venue (a session that names
/// a venue but no room, or an online venue), a reference the workspace does not define, or nowhere.
struct Place: Hashable, Comparable, Sendable {
    enum Kind: Hashable, Sendable {
        case room(Room.ID, venue: Venue.ID)
        case venue(Venue.ID)
        /// A room or venue id the workspace does not define (`baraza check` reports it); shown by its id.
        case unlisted(String)
        case nowhere
    }

    var kind: Kind
    /// Venue order in the workspace, then 0 for the venue itself and 1... for its rooms in order.
    let order: [Int]
    /// The room's or venue's name, or the unlisted id; empty for `nowhere` (the page shows a label).
    let name: String
    /// The venue's name for a room, nil otherwise.
    let venueName: String?
    /// `name` in each language, for rooms and venues the workspace names in English and French.
    var names: LocalizedText? = nil
    /// `venueName` in each language.
    var venueNames: LocalizedText? = nil

    static func < (a: Place, b: Place) -> Bool {
        if a.order != b.order { return a.order.lexicographicallyPrecedes(b.order) }
        return a.name < b.name
    }

    /// The venue this place belongs to, when known.
    var venue: Venue.ID? {
        switch kind {
        case .room(_, let v), .venue(let v): return v
        case .unlisted, .nowhere: return nil
        }
    }

    var isVenue: Bool { if case .venue = kind { return true } else { return false } }
}

extension Workspace {
    /// The place a session is grouped under; `venueIndex` gives each venue's position in the workspace.
    func place(of session: Session, venueIndex: [Venue.ID: Int]) -> Place {
        if let ref = session.room {
            guard let entry = roomsByID[ref.id], let venue = venuesByID[entry.venue] else {
                return Place(
                    kind: .unlisted(ref.id.rawValue), order: [venues.count], name: ref.id.rawValue, venueName: nil)
            }
            let roomIndex = venue.rooms.firstIndex { $0.id == ref.id } ?? 0
            return Place(
                kind: .room(ref.id, venue: venue.id), order: [venueIndex[venue.id] ?? 0, roomIndex + 1],
                name: entry.room.name, venueName: venue.name, names: entry.room.names, venueNames: venue.names)
        }
        if let ref = session.venue {
            guard let venue = venuesByID[ref.id] else {
                return Place(
                    kind: .unlisted(ref.id.rawValue), order: [venues.count], name: ref.id.rawValue, venueName: nil)
            }
            return Place(
                kind: .venue(venue.id), order: [venueIndex[venue.id] ?? 0, 0], name: venue.name, venueName: nil,
                names: venue.names)
        }
        return Place(kind: .nowhere, order: [venues.count + 1], name: "", venueName: nil)
    }
}
