import BarazaChecks
import BarazaCore
import BarazaLogistics
import BarazaModel

/// The rules a proposal answers to: everything `baraza check` runs (the core catalogue and the host-city logistics
/// rules), kept in this one place.
public enum ProposeRules {
    /// Every rule, in report order.
    public static var all: [any Rule] { RuleCatalogue.all }

    /// Each rule's default severity, by id.
    static let defaultSeverity: [String: Severity] = Dictionary(
        all.map { ($0.id, $0.defaultSeverity) }, uniquingKeysWith: { a, _ in a })

    /// The rules whose findings depend on where sessions are placed: an error of one of these on a placed session
    /// is one a proposal must avoid. (The others, such as unknown references, hotel stays or missing materials,
    /// are the same wherever sessions go.)
    public static let placementRules: Set<String> = [
        "nonexistent-local-time", "ambiguous-local-time", "wrong-utc-offset", "person-double-booked", "travel-time",
        "outside-availability", "outside-waking-hours", "before-arrival", "after-departure", "room-double-booked",
        "over-capacity", "outside-opening-hours", "outside-event-dates", "participant-overlap", "language-not-covered",
        "session-order", "different-rooms", "parallel-sessions", "room-lacks-equipment", "outside-allowed-times",
        "arrival-transfer-late", "departure-transfer-early", "transfer-no-vehicle", "meal-over-capacity",
    ]
}
