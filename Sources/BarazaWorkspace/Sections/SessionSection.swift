import BarazaModel

extension WorkspaceLoader {
    static let sessionKeys = [
        "id", "title", "abstract", "kind", "start", "end", "duration", "timezone", "venue", "room", "tags",
        "language", "interpretation", "speakers", "moderators", "participants", "expected_attendance", "materials",
        "url",
    ]

    func decodeSession(
        _ value: YAMLValue, context: DecodingContext, venueZones: [Venue.ID: Zone?], roomVenues: [Room.ID: Venue.ID]
    ) -> Session? {
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
        let zone = f["timezone"]?.zone() ?? venueID.flatMap { venueZones[$0] ?? nil } ?? context.event.zone

        guard let startValue = f.require("start", expected: YAMLValue.dateTimeExpectation),
            let s = startValue.dateTime()
        else { return nil }
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
            interval = Interval(start: a, end: b)
        }
        guard let id, let title, let end else { return nil }
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
            materials: f["materials"]?.strings() ?? [], url: f["url"]?.webAddress(), location: value.location)
    }
}
