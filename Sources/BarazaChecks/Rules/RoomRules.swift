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
            for (a, b, minutes) in overlappingPairs(byRoom[room]!) {
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
            let signed = Set(session.signUps.map(\.id)).count
            let headcount = signed > 0 ? signed : (session.expectedAttendance ?? 0)
            guard headcount > capacity else { return nil }
            return finding(
                w, subjects: [w.subject(session), Subject(.room, id: room.id.rawValue, label: room.name)],
                occurrences: [w.occurrence(session)].compactMap { $0 },
                facts: [Fact(signed > 0 ? "sign-ups" : "expected", "\(headcount)"), Fact("capacity", "\(capacity)")],
                locations: [session.location, room.location])
        }
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
            let day = zone.localDateTime(at: interval.start).date
            // Either the day's window or the previous day's (when it runs past midnight) must hold the session.
            for date in [day, day.adding(days: -1)] {
                if let window = hours.window(on: date), let open = span(window, on: date, zone: zone),
                    open.contains(interval)
                {
                    return nil
                }
            }
            let shown = hours.window(on: day).map(\.description) ?? "closed"
            return finding(
                w, subjects: [w.subject(session), Subject(.venue, id: venue.id.rawValue, label: venue.name)],
                occurrences: [w.occurrence(session)!], facts: [Fact("opening hours", "\(shown) on \(day)")],
                locations: [session.location, venue.location])
        }
    }

    private func span(_ window: DailyWindow, on date: LocalDate, zone: Zone) -> Interval? {
        let closeDate = window.crossesMidnight ? date.adding(days: 1) : date
        // A window edge inside a clock gap or overlap takes the earlier reading: edges are never that precise.
        func instant(_ l: LocalDateTime) -> Instant? {
            switch zone.resolve(l) {
            case .unique(let i): return i
            case .ambiguous(let e, _): return e
            case .nonexistent: return zone.resolve(l.adding(seconds: 3600)).first
            }
        }
        guard let a = instant(LocalDateTime(date: date, time: window.opens)),
            let b = instant(LocalDateTime(date: closeDate, time: window.closes)), a <= b
        else { return nil }
        return Interval(start: a, end: b)
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
            guard let interval = session.interval else { return nil }
            let day = w.event.zone.localDateTime(at: interval.start).date
            guard day < w.event.firstDay || day > w.event.lastDay else { return nil }
            return finding(
                w, subjects: [w.subject(session)], occurrences: [w.occurrence(session)!],
                facts: [
                    Fact("event dates", "\(w.event.firstDay) to \(w.event.lastDay) \(w.event.zone)"),
                    Fact("starts on", "\(day)"),
                ],
                locations: [session.location, w.event.location])
        }
    }
}
