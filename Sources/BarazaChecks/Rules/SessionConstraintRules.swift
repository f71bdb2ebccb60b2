import BarazaModel

/// A session that must come after (or before) another starts before that one has ended (or ends after it starts).
public struct SessionOrderRule: Rule {
    public init() {}
    public var id: String { "session-order" }
    public var defaultSeverity: Severity { .error }
    public var summary: String {
        "a session runs before a session it must follow (`after:`), or after one it must precede"
    }

    public func check(_ w: Workspace) -> [Finding] {
        var findings: [Finding] = []
        for session in w.sessions {
            guard let interval = session.interval else { continue }
            for (refs, isAfter) in [(session.constraints.after, true), (session.constraints.before, false)] {
                for ref in refs {
                    guard let other = w.sessionsByID[ref.id], let o = other.interval else { continue }
                    let late = Self.minutesOutOfOrder(interval, mustFollow: isAfter, other: o)
                    guard late > 0 else { continue }
                    findings.append(
                        finding(
                            w, subjects: [w.subject(session), w.subject(other)],
                            occurrences: [w.occurrence(session)!, w.occurrence(other)!], minutes: late,
                            facts: [Fact("must be", isAfter ? "after" : "before")],
                            locations: [ref.location, other.location]))
                }
            }
        }
        return findings
    }

    /// Minutes `interval` runs into the wrong side of `other` (0 when in order): with `mustFollow`, how long before
    /// `other` ends it starts; otherwise how long after `other` starts it ends. The rule's incremental form.
    public static func minutesOutOfOrder(_ interval: Interval, mustFollow: Bool, other: Interval) -> Int {
        let short = mustFollow ? interval.start.minutes(until: other.end) : other.start.minutes(until: interval.end)
        if short > 0 { return short }
        // Less than a minute out of order is still out of order.
        let wrong = mustFollow ? interval.start < other.end : interval.end > other.start
        return wrong ? 1 : 0
    }
}

/// Sessions that must share a room (`same_room_as:`) placed in two different rooms.
public struct SameRoomRule: Rule {
    public init() {}
    public var id: String { "different-rooms" }
    public var defaultSeverity: Severity { .error }
    public var summary: String { "sessions that must share a room (`same_room_as:`) are in different rooms" }

    public func check(_ w: Workspace) -> [Finding] {
        var findings: [Finding] = []
        for session in w.sessions {
            guard let room = session.room?.id else { continue }
            for ref in session.constraints.sameRoomAs {
                guard let other = w.sessionsByID[ref.id], let otherRoom = other.room?.id, otherRoom != room else {
                    continue
                }
                findings.append(
                    finding(
                        w, subjects: [w.subject(session), w.subject(other)],
                        facts: [Fact("rooms", "`\(room)` and `\(otherRoom)`")],
                        locations: [ref.location, other.location]))
            }
        }
        return findings
    }
}

/// Sessions that must not run in parallel (`not_parallel_with:`, or a tag in `not_parallel_with_tags:`) overlap.
public struct NotParallelRule: Rule {
    public init() {}
    public var id: String { "parallel-sessions" }
    public var defaultSeverity: Severity { .error }
    public var summary: String {
        "sessions that share an audience (`not_parallel_with:`, `not_parallel_with_tags:`) overlap"
    }

    public func check(_ w: Workspace) -> [Finding] {
        var byTag: [String: [Int]] = [:]
        for (i, s) in w.sessions.enumerated() where s.interval != nil {
            for tag in Set(s.tags) { byTag[tag, default: []].append(i) }
        }
        var reported: Set<[Session.ID]> = []
        var findings: [Finding] = []
        for session in w.sessions {
            guard let interval = session.interval else { continue }
            var others: [(Session, SourceLocation, String)] = []
            for ref in session.constraints.notParallelWith {
                if let other = w.sessionsByID[ref.id] { others.append((other, ref.location, "named")) }
            }
            for tag in session.constraints.notParallelWithTags {
                for i in byTag[tag] ?? [] where w.sessions[i].id != session.id {
                    others.append((w.sessions[i], session.location, "tag `\(tag)`"))
                }
            }
            for (other, location, why) in others {
                guard let o = other.interval, Self.clash(interval, o) else { continue }
                // Each pair once, whichever of the two names the other.
                guard reported.insert([session.id, other.id].sorted()).inserted else { continue }
                findings.append(
                    finding(
                        w, subjects: [w.subject(session), w.subject(other)],
                        occurrences: [w.occurrence(session)!, w.occurrence(other)!],
                        minutes: interval.overlapMinutes(with: o), facts: [Fact("shared audience", why)],
                        locations: [location, other.location]))
            }
        }
        return findings
    }

    /// Whether two sessions' spans share at least one second: the pair test every overlap rule uses.
    public static func clash(_ a: Interval, _ b: Interval) -> Bool {
        a.start < a.end && b.start < b.end && a.overlaps(b)
    }
}

/// A session whose room lacks equipment it requires (`requires:`), or that requires some and has no room.
public struct EquipmentRule: Rule {
    public init() {}
    public var id: String { "room-lacks-equipment" }
    public var defaultSeverity: Severity { .error }
    public var summary: String { "a session's room lacks what it `requires:` (equipment, or step-free access)" }

    public func check(_ w: Workspace) -> [Finding] {
        w.sessions.compactMap { session in
            let needs = session.constraints.requires
            guard !needs.isEmpty, session.room.map({ w.roomsByID[$0.id] != nil }) ?? true else { return nil }
            let room = w.room(of: session)
            let missing = room.map { session.constraints.missing(in: $0) } ?? needs
            guard !missing.isEmpty else { return nil }
            var subjects = [w.subject(session)]
            var locations = [session.location]
            if let room {
                subjects.append(Subject(.room, id: room.id.rawValue, label: room.name))
                locations.append(room.location)
            }
            return finding(
                w, subjects: subjects, occurrences: [w.occurrence(session)].compactMap { $0 },
                facts: [Fact("missing", missing.joined(separator: ", ")), Fact("room", room?.id.rawValue ?? "none")],
                locations: locations)
        }
    }
}

/// A session outside the days (`days:`) or the hours (`time_window:`) it may run in, on its own clock.
public struct AllowedTimesRule: Rule {
    public init() {}
    public var id: String { "outside-allowed-times" }
    public var defaultSeverity: Severity { .error }
    public var summary: String { "a session runs outside the `days:` or `time_window:` it allows" }

    public func check(_ w: Workspace) -> [Finding] {
        w.sessions.compactMap { session in
            guard let interval = session.interval,
                let problem = Self.problem(interval, zone: session.zone, constraints: session.constraints)
            else { return nil }
            return finding(
                w, subjects: [w.subject(session)], occurrences: [w.occurrence(session)!],
                facts: [Fact("allowed", problem)], locations: [session.location])
        }
    }

    /// What `interval` (read on `zone`'s clock) breaks of the allowed days and hours, or nil when it keeps to them:
    /// the rule's incremental form.
    public static func problem(_ interval: Interval, zone: Zone, constraints c: SessionConstraints) -> String? {
        let day = zone.localDateTime(at: interval.start).date
        if !c.days.isEmpty && !c.days.contains(day) {
            return "days \(c.days.map(\.iso8601).joined(separator: ", "))"
        }
        if let window = c.timeWindow, !DailyWindowSpan.holds(interval, window: window, zone: zone) {
            return "\(window) each day"
        }
        return nil
    }
}

/// A session with no `start` yet: `baraza propose` places it; until then calendars and the agenda leave it out.
public struct UnplacedSessionRule: Rule {
    public init() {}
    public var id: String { "session-not-placed" }
    public var defaultSeverity: Severity { .warning }
    public var summary: String { "a session has no `start` yet (`baraza propose` places it); exports leave it out" }

    public func check(_ w: Workspace) -> [Finding] {
        w.unplaced.map { u in
            finding(
                w, subjects: [w.subject(u.draft)], facts: [Fact("duration", "\(u.minutes) min")],
                locations: [u.draft.location])
        }
    }
}

/// A `placements:` entry that was not applied: its session does not exist, has its own `start`, is placed twice, or
/// names another room or venue than the session does.
public struct PlacementIgnoredRule: Rule {
    public init() {}
    public var id: String { "placement-ignored" }
    public var defaultSeverity: Severity { .warning }
    public var summary: String {
        "a `placements:` entry is not applied (unknown session, the session has its own start, placed twice, another room)"
    }

    public func check(_ w: Workspace) -> [Finding] {
        let ids = w.sessions.map(\.id.rawValue) + w.unplaced.map(\.id.rawValue)
        return w.placements.compactMap { p in
            guard let reason = p.ignored else { return nil }
            let id = p.session.id.rawValue
            var facts: [Fact] = []
            var locations = [p.location]
            switch reason {
            case .unknownSession:
                facts.append(Fact("reason", "no session has this id"))
                if let near = nearest(to: id, in: ids) { facts.append(Fact("did you mean", near)) }
            case .pinned(let l):
                facts.append(Fact("reason", "the session has its own `start`; write `pin: false` there to let it move"))
                locations.append(l)
            case .placedTwice(let l):
                facts.append(Fact("reason", "an earlier entry places it already"))
                locations.append(l)
            case .otherRoom(let written, let l):
                facts.append(Fact("reason", "the session is written with \(written)"))
                locations.append(l)
            }
            return finding(
                w, subjects: [Subject(.session, id: id, label: w.sessionsByID[p.session.id]?.title.bilingual ?? id)],
                facts: facts, locations: locations)
        }
    }
}

/// The span a daily window covers around one day, on a zone's clock: the one place windows (opening hours, allowed
/// hours) turn into instants, with edges inside a clock change taken at their earlier reading.
public enum DailyWindowSpan {
    /// The window opening on `date`, or nil when its edges make no span.
    public static func span(_ window: DailyWindow, on date: LocalDate, zone: Zone) -> Interval? {
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

    /// Whether the window opening on the start's day, or on the day before (when it runs past midnight), holds
    /// `interval`.
    public static func holds(_ interval: Interval, window: (LocalDate) -> DailyWindow?, zone: Zone) -> Bool {
        let day = zone.localDateTime(at: interval.start).date
        for date in [day, day.adding(days: -1)] {
            if let w = window(date), let open = span(w, on: date, zone: zone), open.contains(interval) { return true }
        }
        return false
    }

    /// Whether the same window every day holds `interval`.
    public static func holds(_ interval: Interval, window: DailyWindow, zone: Zone) -> Bool {
        holds(interval, window: { _ in window }, zone: zone)
    }
}
