import BarazaChecks
import BarazaModel

/// What `Proposer` drafted: where each movable session goes, what could not be placed and why, how good it is.
public struct Proposal: Sendable {
    /// The movable sessions placed, by start then id.
    public var placements: [PlacedSession]
    /// Movable sessions left without a place, each with why.
    public var notPlaced: [NotPlaced]
    /// Small sets of sessions, people, rooms and rules that cannot all be satisfied together.
    public var explanations: [Infeasibility]
    /// The score of the placements (hard violations 0 once sessions that cannot fit are left out).
    public var score: Score
    /// Each soft constraint in force, with its penalty.
    public var penalties: [SoftPenalty]
    /// Sessions placed elsewhere than before (counted with `keepPlaced`), by id.
    public var moved: [Session.ID]
    /// Errors `baraza check` reports on the workspace with the proposal applied that placing could have avoided:
    /// empty for an accepted proposal.
    public var avoidableErrors: [Finding]
    /// The workspace with the proposal applied (unplaced sessions still unplaced).
    public var workspace: Workspace
    /// How the search went.
    public var statistics: Statistics

    /// Whether every movable session was placed and the checks accept the result.
    public var isComplete: Bool { notPlaced.isEmpty && avoidableErrors.isEmpty }

    /// How the search went.
    public struct Statistics: Sendable {
        public var seed: UInt64
        /// Moves budgeted and tried.
        public var effort: Int
        public var movesTried: Int
        /// Whether the time limit stopped the search before its budget was spent (the result then depends on the
        /// machine's speed).
        public var stoppedByTimeLimit: Bool
        /// Moves until the first placement without hard violations, and the time since proposing began (nil when
        /// none).
        public var firstFeasibleMove: Int?
        public var firstFeasibleTime: Duration?
        /// Time spent searching, and in all.
        public var searchTime: Duration
        public var totalTime: Duration
        /// Candidates (start × room) over every movable session.
        public var candidates: Int
    }
}

/// A movable session and where the proposal puts it.
public struct PlacedSession: Hashable, Sendable {
    public var id: Session.ID
    public var title: LocalizedText
    /// Its start on its own clock (with the offset when that reading happens twice), and its span.
    public var start: WallTime
    public var interval: Interval
    public var venue: Venue.ID?
    public var room: Room.ID?
}

/// A movable session the proposal does not place, and why.
public struct NotPlaced: Hashable, Sendable {
    public var id: Session.ID
    public var reason: String
}

/// One soft constraint's share of the score.
public struct SoftPenalty: Hashable, Sendable {
    public var constraint: SoftConstraint
    public var weight: Int
    /// The penalty before weighting (in the constraint's unit) and after.
    public var units: Int64
    public var weighted: Int64
    /// The sessions behind it, by id.
    public var sessions: [Session.ID]
}

/// Sessions, people, rooms and rules that cannot all hold together: why a programme does not fit.
public struct Infeasibility: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        /// One session has no start and room that its rules allow.
        case noCandidate = "no-candidate"
        /// Sessions that can only use one room need more of its time than it is free.
        case roomOverloaded = "room-overloaded"
        /// One person's sessions need more time than the person has.
        case personOverloaded = "person-overloaded"
        /// Sessions that cannot all be placed together (proven by exhaustive search, or not).
        case conflict
    }

    public var kind: Kind
    public var sessions: [Session.ID]
    public var people: [Person.ID]
    public var rooms: [Room.ID]
    /// The rules that stand in the way, by id.
    public var rules: [String]
    /// Whether this is proven (counting, or an exhaustive search), not just what the search could not do.
    public var proven: Bool
    /// One or two sentences for the terminal.
    public var message: String
}
