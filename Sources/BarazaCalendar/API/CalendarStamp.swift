import BarazaModel

/// Where DTSTAMP comes from: never the wall clock, always the workspace.
///
/// 1. The `stamp` of the workspace's published state (``PublishedState``): when invitations were last sent.
/// 2. Otherwise midnight at the start of the event's first day, in the event's zone.
public enum CalendarStamp {
    /// The DTSTAMP for exports of `workspace` given its published state (if any).
    public static func stamp(for workspace: Workspace, state: PublishedState?) -> Instant {
        if let stamp = state?.stampInstant { return stamp }
        return eventStart(workspace.event)
    }

    /// Midnight starting the event's first day in its zone (UTC midnight if that reading does not exist).
    public static func eventStart(_ event: Event) -> Instant {
        let midnight = LocalDateTime(date: event.firstDay, time: LocalTime(hour: 0, minute: 0)!)
        switch event.zone.resolve(midnight) {
        case .unique(let i), .ambiguous(let i, _): return i
        case .nonexistent:
            if case .unique(let i) = Zone.utc.resolve(midnight) { return i }
            return Instant(secondsSince1970: 0)
        }
    }

    /// Parses `YYYY-MM-DDTHH:MM[:SS]Z`; nil otherwise.
    public static func parse(_ text: String) -> Instant? {
        guard text.hasSuffix("Z"), let (local, offset) = WallTime.parse(text), offset == 0,
            case .unique(let instant) = Zone.utc.resolve(local)
        else { return nil }
        return instant
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`.
    public static func format(_ instant: Instant) -> String { instant.iso8601UTC }
}
