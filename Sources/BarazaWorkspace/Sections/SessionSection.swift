import BarazaModel

extension WorkspaceLoader {
    static let sessionKeys = [
        "id", "title", "abstract", "kind", "start", "end", "duration", "timezone", "venue", "room", "tags",
        "language", "interpretation", "speakers", "moderators", "participants", "expected_attendance", "materials",
        "url", "pin", "days", "time_window", "after", "before", "same_room_as", "not_parallel_with",
        "not_parallel_with_tags", "requires",
    ]

    /// A session as read: placed (it has a `start`) or waiting for `baraza propose` to place it.
    enum DecodedSession {
        case placed(Session)
        case unplaced(UnplacedSession)

        var id: Session.ID {
            switch self {
            case .placed(let s): return s.id
            case .unplaced(let u): return u.id
            }
        }

        var location: SourceLocation {
            switch self {
            case .placed(let s): return s.location
            case .unplaced(let u): return u.draft.location
            }
        }
    }

    func decodeSession(
        _ value: YAMLValue, context: DecodingContext, venueZones: [Venue.ID: Zone?], roomVenues: [Room.ID: Venue.ID]
    ) -> DecodedSession? {
        guard let f = value.fields(Self.sessionKeys, context: value.path) else { return nil }
        let id = f.require("id", expected: "a session id")?.identifier()
        let title = f.require("title", expected: "a title, or `{ en: ..., fr: ... }`")?.localizedText()
        var kind = Session.Kind.other
        if let k = f["kind"], let text = k.nonEmptyString() {
            if let parsed = Session.Kind(rawValue: text.lowercased()) {
                kind = parsed
            } else {
                k.invalid("one of \(Session.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        let venue: Reference<Venue>? = f["venue"]?.reference()
        let room: Reference<Room>? = f["room"]?.reference()
        // The zone a session's times are read in: its own, else its venue's (or its room's venue's),
        // else the event's. An online venue has no zone, so online sessions fall through to the event's.
        let venueID = venue?.id ?? room.flatMap { roomVenues[$0.id] }
        let ownZone = f["timezone"]?.zone()
        let zone = ownZone ?? venueID.flatMap { venueZones[$0] ?? nil } ?? context.event.zone

        let pin = f["pin"]?.bool()
        var constraints = decodeConstraints(f, event: context.event)
        constraints.zone = ownZone
        guard let startValue = f["start"] else {
            // No start: `baraza propose` places it, so only its length is needed.
            if pin == true {
                f["pin"]!.invalid("`pin: false`, or a `start` to pin the session at (it has none)")
            }
            if let e = f["end"] {
                e.invalid("no `end` without a `start`: a session to be placed gives its length as `duration: 90`")
            }
            let minutes: Int?
            if let d = f["duration"] {
                minutes = d.minutes()
            } else {
                minutes = nil
                if f["end"] == nil {
                    value.diagnostics.report(
                        .missingField(
                            value.location, field: "\(value.path).start",
                            expected: "`start: YYYY-MM-DDTHH:MM`, or `duration: 90` for `baraza propose` to place it"))
                }
            }
            guard let id, let title, let minutes else { return nil }
            constraints.movable = true
            // Placeholder times (midnight of the first day, no interval) until a placement gives it its own.
            let midnight = WallTime(
                local: LocalDateTime(date: context.event.firstDay, time: LocalTime(hour: 0, minute: 0)!), zone: zone)
            let draft = makeSession(
                f, id: id, title: title, kind: kind, start: midnight, end: midnight, interval: nil, problems: [],
                venue: venue, room: room, constraints: constraints, at: value.location)
            return .unplaced(UnplacedSession(draft: draft, minutes: minutes))
        }
        guard let s = startValue.dateTime() else { return nil }
        constraints.movable = pin == false
        let start = WallTime(local: s.0, zone: zone, offset: s.offset)
        var problems: [LocalTimeProblem] = []
        let startInstant: Instant?
        switch start.resolve() {
        case .success(let i): startInstant = i
        case .failure(let p):
            startInstant = nil
            problems.append(p)
        }

        var end: WallTime?
        var endInstant: Instant?
        switch (f["end"], f["duration"]) {
        case (let e?, nil):
            let expected = "an end time HH:MM (24-hour clock) or a date-time YYYY-MM-DDTHH:MM"
            if let text = e.string(expected: expected) {
                if let t = LocalTime(text), t == s.0.time {
                    // 09:00 to "09:00" is far likelier a slip than a 24-hour session.
                    e.invalid("an end time different from the start (a date-time for a session of 24 hours)")
                } else if let t = LocalTime(text) {
                    // A bare time of day ends on the start's date, or the next day when it is not after the start.
                    let date = t > s.0.time ? s.0.date : s.0.date.adding(days: 1)
                    end = WallTime(local: LocalDateTime(date: date, time: t), zone: zone)
                } else if let dt = WallTime.parse(text) {
                    end = WallTime(local: dt.0, zone: zone, offset: dt.offset)
                } else {
                    e.invalid(expected)
                }
            }
            if let end {
                switch end.resolve() {
                case .success(let i): endInstant = i
                case .failure(let p): problems.append(p)
                }
            }
        case (nil, let d?):
            if let minutes = d.minutes() {
                if let startInstant {
                    // Duration is elapsed time: a 90-minute session across a clock change still lasts 90 minutes.
                    endInstant = startInstant.adding(minutes: minutes)
                    end = WallTime(local: zone.localDateTime(at: endInstant!), zone: zone)
                } else {
                    end = WallTime(local: s.0.adding(seconds: Int64(minutes) * 60), zone: zone)
                }
            }
        case (_?, _?):
            f["duration"]!.invalid("either `end` or `duration`, not both")
        case (nil, nil):
            value.diagnostics.report(
                .missingField(value.location, field: "\(value.path).end", expected: "`end: HH:MM` or `duration: 90`"))
        }
        var interval: Interval?
        if let a = startInstant, let b = endInstant {
            guard b > a else {
                (f["end"] ?? value).invalid("an end after the start", found: "\(start.local) to \(end!.local)")
                return nil
            }
            // No session outlasts the longest event: a longer one is a mistyped date.
            guard b.secondsSince1970 - a.secondsSince1970 <= Int64(WorkspaceLoader.maximumEventDays) * 86_400 else {
                (f["end"] ?? f["duration"] ?? value).invalid(
                    "a session of at most \(WorkspaceLoader.maximumEventDays) days (is a year mistyped?)",
                    found: "\(start.local) to \(end!.local)")
                return nil
            }
            interval = Interval(start: a, end: b)
        }
        guard let id, let title, let end else { return nil }
        return .placed(
            makeSession(
                f, id: id, title: title, kind: kind, start: start, end: end, interval: interval, problems: problems,
                venue: venue, room: room, constraints: constraints, at: value.location))
    }

    /// The session's fields other than its times, read from `f`.
    private func makeSession(
        _ f: Fields, id: String, title: LocalizedText, kind: Session.Kind, start: WallTime, end: WallTime,
        interval: Interval?, problems: [LocalTimeProblem], venue: Reference<Venue>?, room: Reference<Room>?,
        constraints: SessionConstraints, at location: SourceLocation
    ) -> Session {
        var language: Language?
        if let l = f["language"] { language = l.languages().first }
        return Session(
            id: Session.ID(id), title: title, abstract: f["abstract"]?.localizedText(limit: .longText), kind: kind,
            start: start, end: end, interval: interval, timeProblems: problems, venue: venue, room: room,
            tags: f["tags"]?.strings() ?? [], language: language,
            interpretation: f["interpretation"]?.languages() ?? [],
            speakers: f["speakers"]?.references("person") ?? [],
            moderators: f["moderators"]?.references("person") ?? [],
            signUps: f["participants"]?.references("person") ?? [],
            expectedAttendance: f["expected_attendance"]?.int(in: 0...10_000_000, expected: "a headcount"),
            materials: f["materials"]?.strings() ?? [], url: f["url"]?.webAddress(), constraints: constraints,
            location: location)
    }

    /// What placing the session must respect: allowed days and hours, order, rooms shared or not, equipment.
    private func decodeConstraints(_ f: Fields, event: Event) -> SessionConstraints {
        var c = SessionConstraints()
        c.days = (f["days"]?.list(expected: "a list of dates YYYY-MM-DD") ?? []).compactMap { item in
            guard let date = item.date() else { return nil }
            guard date >= event.firstDay, date <= event.lastDay else {
                item.invalid("a day of the event, \(event.firstDay) to \(event.lastDay)")
                return nil
            }
            return date
        }
        c.timeWindow = f["time_window"]?.dailyWindow()
        c.after = f["after"]?.references("session") ?? []
        c.before = f["before"]?.references("session") ?? []
        c.sameRoomAs = f["same_room_as"]?.references("session") ?? []
        c.notParallelWith = f["not_parallel_with"]?.references("session") ?? []
        c.notParallelWithTags = f["not_parallel_with_tags"]?.strings() ?? []
        c.requires = f["requires"]?.strings() ?? []
        return c
    }
}
