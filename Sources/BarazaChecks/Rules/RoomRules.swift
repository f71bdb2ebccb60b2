import BarazaModel

/// Two sessions in one room at the same time.
public struct RoomDoubleBookedRule: Rule {
    public init() {}
    public var id: String { "room-double-booked" }
    public var defaultSeverity: Severity { .error }
    public var summary: String { "two sessions overlap in the same room" }

    public func check(_ w: Workspace) -> [Finding] {
        var byRoom: [Room.ID: [(interval: Interval, item: Session)]] = [:]
        for session in w.sessions {
            guard let room = session.room?.id, w.roomsByID[room] != nil, let interval = session.interval else {
                continue
            }
            byRoom[room, default: []].append((interval, session))
        }
        var findings: [Finding] = []
        for room in byRoom.keys.sorted() {
            let entry = w.roomsByID[room]!
            for (a, b, minutes) in Self.clashes(byRoom[room]!) {
                findings.append(
                    finding(
                        w,
                        subjects: [
                            Subject(.room, id: room.rawValue, label: entry.room.name), w.subject(a), w.subject(b),
                        ],
                        occurrences: [w.occurrence(a)!, w.occurrence(b)!], minutes: minutes,
                        locations: [b.location, a.location]))
            }
        }
        return findings
    }

    /// Every pair of sessions in one room that overlap, with the minutes (sort and sweep): the rule's scope. A
    /// solver moving one session needs only the pairs it is in, which `NotParallelRule.clash` decides.
    public static func clashes<T>(_ room: [(interval: Interval, item: T)]) -> [(T, T, minutes: Int)] {
        overlappingPairs(room)
    }
}

/// More people signed up (or expected) than the room seats.
public struct CapacityRule: Rule {
    public init() {}
    public var id: String { "over-capacity" }
    public var defaultSeverity: Severity { .error }
    public var summary: String { "sign-ups (or expected attendance) exceed the room's capacity" }

    public func check(_ w: Workspace) -> [Finding] {
        w.sessions.compactMap { session in
            guard let room = w.room(of: session), let capacity = room.capacity else { return nil }
            let (headcount, signed) = Self.headcount(session)
            guard headcount > capacity else { return nil }
            return finding(
                w, subjects: [w.subject(session), Subject(.room, id: room.id.rawValue, label: room.name)],
                occurrences: [w.occurrence(session)].compactMap { $0 },
                facts: [Fact(signed ? "sign-ups" : "expected", "\(headcount)"), Fact("capacity", "\(capacity)")],
                locations: [session.location, room.location])
        }
    }

    /// The people a session seats: its distinct sign-ups, or its expected attendance when it has none (`signed`
    /// says which). A room seats it when this is at most its capacity: the rule's incremental form.
    public static func headcount(_ session: Session) -> (count: Int, signed: Bool) {
        let signed = Set(session.signUps.map(\.id)).count
        return signed > 0 ? (signed, true) : (session.expectedAttendance ?? 0, false)
    }
}

/// A session outside its venue's opening hours (in the venue's zone; windows may run past midnight).
public struct OpeningHoursRule: Rule {
    public init() {}
    public var id: String { "outside-opening-hours" }
    public var defaultSeverity: Severity { .warning }
    public var summary: String { "a session runs outside its venue's opening hours" }

    public func check(_ w: Workspace) -> [Finding] {
        w.sessions.compactMap { session in
            guard let venue = w.venue(of: session), case .physical(_, _, let zone, _, let hours?) = venue.kind,
                let interval = session.interval
            else { return nil }
            // Either the day's window or the previous day's (when it runs past midnight) must hold the session.
            guard !Self.isOpen(interval, hours: hours, zone: zone) else { return nil }
            let day = zone.localDateTime(at: interval.start).date
            let shown = hours.window(on: day).map(\.description) ?? "closed"
            return finding(
                w, subjects: [w.subject(session), Subject(.venue, id: venue.id.rawValue, label: venue.name)],
                occurrences: [w.occurrence(session)!], facts: [Fact("opening hours", "\(shown) on \(day)")],
                locations: [session.location, venue.location])
        }
    }

    /// Whether the venue is open for all of `interval` (its opening hours on `zone`'s clock): the rule's
    /// incremental form, for one placement.
    public static func isOpen(_ interval: Interval, hours: OpeningHours, zone: Zone) -> Bool {
        DailyWindowSpan.holds(interval, window: { hours.window(on: $0) }, zone: zone)
    }
}

extension LocalTimeResolution {
    var first: Instant? {
        switch self {
        case .unique(let i), .ambiguous(let i, _): return i
        case .nonexistent: return nil
        }
    }
}

/// A session that starts before the event's first day or after its last day (in the event's zone).
public struct EventDatesRule: Rule {
    public init() {}
    public var id: String { "outside-event-dates" }
    public var defaultSeverity: Severity { .error }
    public var summary: String { "a session starts before the event's first day or after its last day" }

    public func check(_ w: Workspace) -> [Finding] {
        w.sessions.compactMap { session in
            guard let interval = session.interval, !Self.isWithin(interval, event: w.event) else { return nil }
            let day = w.event.zone.localDateTime(at: interval.start).date
            return finding(
                w, subjects: [w.subject(session)], occurrences: [w.occurrence(session)!],
                facts: [
                    Fact("event dates", "\(w.event.firstDay) to \(w.event.lastDay) \(w.event.zone)"),
                    Fact("starts on", "\(day)"),
                ],
                locations: [session.location, w.event.location])
        }
    }

    /// Whether `interval` starts on a day of the event, in the event's zone: the rule's incremental form.
    public static func isWithin(_ interval: Interval, event: Event) -> Bool {
        let day = event.zone.localDateTime(at: interval.start).date
        return day >= event.firstDay && day <= event.lastDay
    }
}
