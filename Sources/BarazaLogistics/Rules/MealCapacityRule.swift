import BarazaChecks
import BarazaModel

/// A meal whose headcount (sign-ups, or the larger of the expected attendance and the people in town) is above
/// the seats of its room.
public struct MealCapacityRule: Rule {
    public init() {}
    public var id: String { "meal-over-capacity" }
    public var defaultSeverity: Severity { .error }
    public var summary: String { "a meal's headcount (sign-ups, expected or people in town) exceeds its room's seats" }

    public func check(_ w: Workspace) -> [Finding] {
        MealCounter().counts(w).compactMap { count in
            guard let session = w.sessionsByID[count.session], let room = w.room(of: session),
                let capacity = room.capacity, count.headcount > capacity
            else { return nil }
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
}
