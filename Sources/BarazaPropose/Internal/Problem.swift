import BarazaChecks
import BarazaLogistics
import BarazaModel

/// The workspace compiled for placing: every session (fixed or movable) by number, people, rooms, and for each
/// movable session the places and start times it may take. Built once; the search reads it only. (Classes, not
/// values: the search reads them millions of times, and a value would be copied on many of those reads.)
final class Problem: @unchecked Sendable {
    let workspace: Workspace
    let settings: ProposeSettings
    let hard: HardRules
    /// Every session: the placed ones in workspace order, then the unplaced ones.
    var items: [Item] = []
    /// Numbers of the movable sessions, in `items` order.
    var movable: [Int] = []
    var people: [PersonData] = []
    var rooms: [RoomData] = []
    /// The workspace's venues, by number.
    let venues: [Venue]
    /// Minutes between venues by number (`-1`: not given), `venues.count` squared.
    var travel: [Int32] = []
    /// Numbers of the plenaries (whose overlaps the `plenary-alone` constraint weighs).
    var plenaries: [Int] = []
    /// Sessions carrying each tag, by tag number; tag names by number.
    var tagMembers: [[Int]] = []
    var tagNames: [String] = []
    /// Sessions that must not overlap any session with the tag, by tag number.
    var tagExcluders: [[Int]] = []
    /// Whether a tag has at least one movable session (its track-room penalty can change).
    var tagMovable: [Bool] = []
    /// Weighted soft constraints in force (weight > 0).
    let weights: [Int64]
    /// The event's days as day numbers (days since 1970 in the event's zone), for day-indexed lists.
    let firstDay: Int
    let dayCount: Int
    /// The transfer plan's travel table, for the transfer-timing rules.
    let transferTravel: TravelTable

    /// One session.
    final class Item {
        let id: Session.ID
        let session: Session
        let movable: Bool
        /// Elapsed minutes.
        let minutes: Int
        let kind: Session.Kind
        /// People numbers: presenters (speakers, moderators), and everyone it books (presenters, then sign-ups).
        var presenters: [Int] = []
        var attendees: [Int] = []
        var tags: [Int] = []
        var headcount: Int = 0
        /// Where a fixed session is (start and end in seconds since 1970; venue and room numbers, -1 for none);
        /// nil start when it has no resolved time (it takes no part).
        var fixedStart: Int64?
        var fixedEnd: Int64 = 0
        var fixedVenue: Int = -1
        var fixedRoom: Int = -1
        /// A movable session's candidates.
        var groups: [CandidateGroup] = []
        /// Where it was before (for `--keep-placed`): start and room number.
        var original: (start: Int64, room: Int, venue: Int)?
        /// Sessions it must follow (`true`) or precede (`false`), both ways round.
        var order: [(other: Int, mustFollow: Bool)] = []
        var sameRoom: [Int] = []
        /// Sessions named in `not_parallel_with` (both ways round), and tags it must not overlap.
        var notParallel: [Int] = []
        var excludedTags: [Int] = []
        /// Sessions sharing signed-up participants whose overlap counts, with how many people.
        var coSignups: [(other: Int, people: Int64)] = []
        /// Why it has no candidate, when `groups` is empty.
        var rejections: Rejections = Rejections()
        /// Whether it happens in a building at each venue (by number), as the rules read it.
        var inPersonAt: [Bool] = []
        /// Its place among all sessions ordered by id (the transfer rules' tie-break).
        var idRank = 0

        init(id: Session.ID, session: Session, movable: Bool, minutes: Int, kind: Session.Kind) {
            self.id = id
            self.session = session
            self.movable = movable
            self.minutes = minutes
            self.kind = kind
        }
    }

    /// The candidates of one movable session at one venue (or none): rooms × start times.
    final class CandidateGroup {
        let venue: Int
        let zone: Zone
        let inPerson: Bool
        let online: Bool
        /// Room numbers, or `[-1]` when the session takes no room.
        let rooms: [Int]
        /// Start instants (seconds since 1970), ascending.
        let starts: [Int64]
        /// The event-zone day number of each start.
        let days: [Int]
        /// Penalties that depend on the start only, and on the room only.
        let timeCost: [Score]
        let roomCost: [Score]
        /// For meals: the headcount at each start (the meal-capacity rule's count). Who is in town depends on
        /// where other sessions are placed, so the proposer may raise these (`raiseMealHeadcounts`).
        var mealHeadcount: [Int]
        /// Candidates: rooms times starts.
        let count: Int

        init(
            venue: Int, zone: Zone, inPerson: Bool, online: Bool, rooms: [Int], starts: [Int64], days: [Int],
            timeCost: [Score], roomCost: [Score], mealHeadcount: [Int]
        ) {
            self.venue = venue
            self.zone = zone
            self.inPerson = inPerson
            self.online = online
            self.rooms = rooms
            self.starts = starts
            self.days = days
            self.timeCost = timeCost
            self.roomCost = roomCost
            self.mealHeadcount = mealHeadcount
            count = rooms.count * starts.count
        }
    }

    final class PersonData {
        let id: Person.ID
        /// Sessions presented (fixed and movable).
        var presented: [Int] = []
        /// Spans of sessions the same person presents in other workspaces.
        var elsewhere: [(Int64, Int64)] = []
        /// Whether the person's sessions may be at more than one venue (travel time matters).
        var severalVenues = false
        /// Planned arrival and departure transfers, as the transfer-timing rules read them.
        var transfers: [TransferDeadline] = []
        /// Whether some presented session is movable.
        var hasMovable = false

        init(id: Person.ID) { self.id = id }
    }

    /// One planned transfer of a presenter: what `TransferTimingRule` needs, worked out per venue once.
    struct TransferDeadline {
        var arrival: Bool
        /// The flight's instant (seconds since 1970).
        var journey: Int64
        /// Arrival: when the transfer gets the person to each venue (by number). Departure: minutes from each
        /// venue to the pick-up.
        var perVenue: [Int64]
        /// The departure pick-up's time.
        var pickUp: Int64
    }

    struct RoomData {
        let id: Room.ID
        let room: Room
        let venue: Int
        /// Seats, when known (read on every move for meals).
        let capacity: Int?
    }

    /// How many raw candidates each rule turned down, for explaining a session that fits nowhere.
    struct Rejections {
        var counts: [String: Int] = [:]
        var people: Set<Int> = []
        var rooms: Set<Int> = []
        mutating func add(_ rule: String, _ n: Int = 1) { counts[rule, default: 0] += n }
    }

    /// The parts that need nothing but the workspace; `build` compiles the rest.
    init(workspace w: Workspace, rules: [String]) {
        workspace = w
        settings = w.proposeSettings
        hard = HardRules(rules: rules, settings: w.settings)
        venues = w.venues
        weights = SoftConstraint.allCases.map { Int64(w.proposeSettings.weight($0)) }
        firstDay = w.event.firstDay.daysSince1970
        dayCount = w.event.lastDay.daysSince1970 - firstDay + 1
        transferTravel = TravelTable(w)
    }

    var totalCandidates: Int { movable.reduce(0) { $0 + items[$1].groups.reduce(0) { $0 + $1.count } } }
}

/// Which rules placing must keep: those whose severity in this workspace is `error`, among the rules run.
struct HardRules {
    var ids: Set<String>
    // The ones the search asks about on every move, looked up once.
    let doubleBooked: Bool
    let travel: Bool
    let roomDoubleBooked: Bool
    let order: Bool
    let sameRoom: Bool
    let parallel: Bool
    let participantOverlap: Bool

    init(rules: [String], settings: CheckSettings) {
        let ids = Set(
            rules.filter { rule in
                let severity: Severity?
                if let override = settings.severityOverrides[rule] {
                    severity = override
                } else {
                    severity = ProposeRules.defaultSeverity[rule]
                }
                return severity == .error
            })
        self.ids = ids
        doubleBooked = ids.contains("person-double-booked")
        travel = ids.contains("travel-time")
        roomDoubleBooked = ids.contains("room-double-booked")
        order = ids.contains("session-order")
        sameRoom = ids.contains("different-rooms")
        parallel = ids.contains("parallel-sessions")
        participantOverlap = ids.contains("participant-overlap")
    }

    func has(_ rule: String) -> Bool { ids.contains(rule) }
}
