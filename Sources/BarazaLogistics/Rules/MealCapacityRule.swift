import BarazaChecks
import BarazaModel

/// A meal whose headcount (sign-ups, or the larger of the expected attendance and the people in town) is above
/// the seats of its room.
public struct MealCapacityRule: Rule {
    public var walksEveryone: Bool { true }
    public init() {}
    public var id: String { "meal-over-capacity" }
    public var defaultSeverity: Severity { .error }
    public var summary: String { "a meal's headcount (sign-ups, expected or people in town) exceeds its room's seats" }

    public func check(_ w: Workspace) -> [Finding] {
        // Only meals in a room with a number of seats can be over; their count is made in full (who is in town,
        // their needs) only when the headcount alone is over.
        let meals = w.sessions.filter { $0.kind == .meal && $0.interval != nil && w.room(of: $0)?.capacity != nil }
        guard !meals.isEmpty else { return [] }
        let presence = Presence(w)
        let counter = MealCounter()
        return meals.sorted { ($0.interval!.start, $0.id) < ($1.interval!.start, $1.id) }.compactMap { session in
            let room = w.room(of: session)!
            let capacity = room.capacity!
            guard counter.headcount(session, in: w, presence: presence) > capacity else { return nil }
            let count = counter.count(session, in: w, presence: presence)
            return finding(
                w, subjects: [w.sessionSubject(session), Subject(.room, id: room.id.rawValue, label: room.name)],
                occurrences: [w.sessionOccurrence(session, for: nil)].compactMap { $0 },
                facts: [
                    Fact("headcount", "\(count.headcount)"), Fact("from", count.source.rawValue),
                    Fact("capacity", "\(capacity)"),
                ],
                locations: [session.location, room.location])
        }
    }

    /// Meal headcounts wherever a meal is placed: the rule's incremental form (the caterer's count, as
    /// `MealCounter` makes it, for a meal moved to another time). Who is in town comes from the workspace given.
    public struct Headcounts: Sendable {
        let w: Workspace
        let presence: Presence

        public init(_ w: Workspace) {
            self.w = w
            presence = Presence(w)
        }

        /// How many `meal` feeds when it runs over `interval`.
        public func headcount(_ meal: Session, during interval: Interval) -> Int {
            var moved = meal
            moved.interval = interval
            return MealCounter().headcount(moved, in: w, presence: presence)
        }
    }
}
