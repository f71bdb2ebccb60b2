import BarazaModel

/// The agenda as a frab/pretalx `schedule.xml`, valid against the c3voc schema, so conference apps (Giggity,
/// EventFahrplan...) can show it.
///
/// Days are event days (event zone); each lists every room that hosts a session. An event's `date` is its start
/// with the UTC offset of the zone it is written in, and `start` the wall time there (the venue's, or an online
/// session's own zone). `guid`s are name-based UUIDs and `id`s numbers derived from the session id, so both stay
/// the same from one export to the next. `version` is a digest of the days, so it changes with the schedule.
public enum ScheduleXML {
    /// What the writer left out, for the user.
    public struct Omission: Hashable, Sendable, CustomStringConvertible {
        /// The session left out.
        public var session: Session.ID
        /// Why, in words.
        public var reason: String
        /// `session <id> left out: <reason>`.
        public var description: String { "session \(session) left out: \(reason)" }
    }

    /// The document and what it leaves out.
    public static func document(for workspace: Workspace) -> (xml: String, omissions: [Omission]) {
        ScheduleXMLBuilder(workspace: workspace).build()
    }
}

/// Writes one workspace's schedule.xml.
struct ScheduleXMLBuilder {
    let workspace: Workspace
    let labels = try? AgendaLabels.bundled()

    var language: Language {
        workspace.event.languages.first { AgendaLabels.interfaceLanguages.contains($0.code) } ?? .english
    }
    var otherLanguage: Language { language == .english ? .french : .english }

    func build() -> (xml: String, omissions: [ScheduleXML.Omission]) {
        let event = workspace.event
        let programme = Programme(workspace)
        var omissions = programme.unresolved.map {
            ScheduleXML.Omission(session: $0, reason: "its time is nonexistent or ambiguous (see baraza check)")
        }
        // One row per session id, and no duration the format cannot write (HH:MM, at most 99:59).
        var seen = Set<Session.ID>()
        var days: [Programme.Day] = []
        for day in programme.days {
            var kept = day
            kept.sessions = day.sessions.filter { s in
                guard seen.insert(s.session.id).inserted else {
                    omissions.append(.init(session: s.session.id, reason: "its id is used by another session"))
                    return false
                }
                guard s.interval.minutes < 100 * 60 else {
                    omissions.append(.init(session: s.session.id, reason: "it lasts 100 hours or more"))
                    return false
                }
                return true
            }
            days.append(kept)
        }

        let places = Set(days.flatMap { $0.sessions.map(\.place) }).sorted()
        let roomNames = uniqueNames(places)
        let eventKey = event.id.rawValue
        let sessionNumbers = NameBasedUUID.stableNumbers(
            for: days.flatMap { $0.sessions.map(\.session.id.rawValue) }, namespace: "session:")
        let people = Set(days.flatMap { $0.sessions.flatMap { $0.session.presenters.map(\.id.rawValue) } })
        let personNumbers = NameBasedUUID.stableNumbers(for: Array(people), namespace: "person:")
        let acronym = Self.acronym(eventKey)
        var slugs = Set<String>()

        var body = XMLWriter(fragmentAtDepth: 1)
        for (index, day) in days.enumerated() {
            let (dayStart, dayEnd) = bounds(of: day)
            body.start(
                "day",
                [
                    ("index", String(index + 1)), ("date", day.date.iso8601), ("start", iso(dayStart, event.zone)),
                    ("end", iso(dayEnd, event.zone)),
                ])
            for place in places {
                let here = day.sessions.filter { $0.place == place }
                body.start("room", [("name", roomNames[place]!), ("guid", NameBasedUUID.uuid(roomKey(place)))])
                for s in here {
                    let session = s.session
                    body.start(
                        "event",
                        [
                            ("guid", NameBasedUUID.uuid("urn:baraza:\(eventKey):session:\(session.id.rawValue)")),
                            ("id", String(sessionNumbers[session.id.rawValue]!)),
                        ])
                    body.element("date", text: iso(s.interval.start, session.zone))
                    body.element("start", text: hhmm(session.zone.localDateTime(at: s.interval.start).time))
                    body.element("duration", text: duration(s.interval.minutes))
                    body.element("room", text: roomNames[place]!)
                    if let acronym {
                        let slug = "\(acronym)-\(session.id.rawValue.lowercased())"
                        if Self.isVocSlug(slug), slugs.insert(slug).inserted { body.element("slug", text: slug) }
                    }
                    if let url = session.url, Self.isHTTPURI(url) { body.element("url", text: url) }
                    body.element("title", text: session.title.text(in: language))
                    let other = session.title.text(in: otherLanguage)
                    if other != session.title.text(in: language) { body.element("subtitle", text: other) }
                    body.element("track", text: session.tags.first ?? "")
                    body.element("type", text: session.kind.rawValue)
                    if let l = session.language { body.element("language", text: l.code) }
                    body.element("abstract", text: abstract(session, in: language) ?? "")
                    let description = self.description(of: session)
                    if !description.isEmpty { body.element("description", text: description) }
                    var listed = Set<Person.ID>()
                    let persons = session.presenters.filter { listed.insert($0.id).inserted }
                    if !persons.isEmpty { body.start("persons") }
                    for ref in persons {
                        body.element(
                            "person",
                            [
                                ("id", String(personNumbers[ref.id.rawValue]!)),
                                ("guid", NameBasedUUID.uuid("urn:baraza:person:\(ref.id.rawValue)")),
                            ], text: workspace.peopleByID[ref.id]?.name ?? ref.id.rawValue)
                    }
                    if !persons.isEmpty { body.end() }
                    body.end()
                }
                body.end()
            }
            body.end()
        }
        let daysXML = body.document

        var head = XMLWriter()
        head.start("schedule")
        head.element("generator", [("name", "baraza")])
        head.element("version", text: String(NameBasedUUID.sha256Hex(daysXML).prefix(12)))
        head.start("conference")
        head.element("title", text: event.title.text(in: language))
        if let acronym { head.element("acronym", text: acronym) }
        head.element("start", text: event.firstDay.iso8601)
        head.element("end", text: event.lastDay.iso8601)
        head.element("days", text: String(days.count))
        head.element("timeslot_duration", text: "00:05")
        if let url = event.url, Self.isHTTPURI(url) { head.element("base_url", text: url) }
        head.element("time_zone_name", text: event.zone.identifier)
        for track in Set(days.flatMap { $0.sessions.flatMap(\.session.tags) }).sorted() {
            let slug = track.lowercased()
            head.element("track", Self.isSlug(slug) ? [("name", track), ("slug", slug)] : [("name", track)])
        }
        head.end()
        return (head.output + daysXML + "</schedule>\n", omissions)
    }

    /// The abstract in `language`, nil when there is none.
    func abstract(_ session: Session, in language: Language) -> String? {
        guard let a = session.abstract else { return nil }
        let text = a.text(in: language)
        return text.isEmpty ? nil : text
    }

    /// The abstract in the other language, when it differs, and the interpretation offered.
    func description(of session: Session) -> String {
        var parts: [String] = []
        if let other = abstract(session, in: otherLanguage), other != abstract(session, in: language) {
            parts.append(other)
        }
        let interpretation = session.interpretation.filter { $0 != session.language }
        if !interpretation.isEmpty {
            let lang = language.code
            let names = interpretation.map { labels?.languageName($0, in: lang) ?? $0.code }
            parts.append(
                "\(labels?.text("interpretationColon", in: lang) ?? "Interpretation:") \(names.joined(separator: ", "))"
            )
        }
        return parts.joined(separator: "\n\n")
    }

    /// Room names that are unique across the document: apps key rooms by name.
    func uniqueNames(_ places: [Place]) -> [Place: String] {
        func base(_ p: Place) -> String {
            p.kind == .nowhere ? (labels?.text("elsewhere", in: language.code) ?? "Place to be announced") : p.name
        }
        let counts = Dictionary(grouping: places, by: base).mapValues(\.count)
        var names: [Place: String] = [:]
        var used = Set<String>()
        for p in places {
            var name = base(p)
            if counts[name, default: 0] > 1, let venue = p.venueName { name += " (\(venue))" }
            var candidate = name
            var n = 2
            while !used.insert(candidate).inserted {
                candidate = "\(name) #\(n)"
                n += 1
            }
            names[p] = candidate
        }
        return names
    }

    func roomKey(_ place: Place) -> String {
        let event = workspace.event.id.rawValue
        switch place.kind {
        case .room(let room, let venue): return "urn:baraza:\(event):room:\(venue.rawValue)/\(room.rawValue)"
        case .venue(let venue): return "urn:baraza:\(event):venue:\(venue.rawValue)"
        case .unlisted(let id): return "urn:baraza:\(event):unlisted:\(id)"
        case .nowhere: return "urn:baraza:\(event):nowhere"
        }
    }

    /// A day runs from its first start to its last end; an empty day from midnight to midnight (event zone).
    func bounds(of day: Programme.Day) -> (Instant, Instant) {
        if let first = day.sessions.map(\.interval.start).min(), let last = day.sessions.map(\.interval.end).max() {
            return (first, last)
        }
        let zone = workspace.event.zone
        func midnight(_ date: LocalDate) -> Instant {
            let local = LocalDateTime(date: date, time: LocalTime(hour: 0, minute: 0)!)
            switch zone.resolve(local) {
            case .unique(let i): return i
            case .ambiguous(let earlier, _): return earlier
            case .nonexistent(_, let after):
                // The clock jumps over midnight: the day starts when it lands.
                let seconds = Int64(date.daysSince1970) * 86400
                return Instant(secondsSince1970: seconds - Int64(after))
            }
        }
        return (midnight(day.date), midnight(day.date.adding(days: 1)))
    }

    /// ISO 8601 with the zone's offset at that instant, e.g. `2027-03-23T09:00:00+02:00`.
    func iso(_ instant: Instant, _ zone: Zone) -> String {
        zone.localDateTime(at: instant).iso8601 + formatOffset(zone.offset(at: instant))
    }

    func hhmm(_ time: LocalTime) -> String { pad2(time.hour) + ":" + pad2(time.minute) }

    /// frab's `HH:MM`; hours may exceed 24.
    func duration(_ minutes: Int) -> String { pad2(minutes / 60) + ":" + pad2(minutes % 60) }

    func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// The schema's `acronym`: `[a-z0-9_-]{4,}`.
    static func acronym(_ id: String) -> String? {
        let a = id.lowercased()
        return a.count >= 4 && a.unicodeScalars.allSatisfy({ isLowerAlnum($0) || $0 == "_" || $0 == "-" }) ? a : nil
    }

    /// The schema's `voc-slug-new`: `[a-z0-9_]{4,}-[a-z0-9\-_]{4,}` (a prefix without hyphens, then the rest).
    static func isVocSlug(_ s: String) -> Bool {
        let scalars = Array(s.unicodeScalars)
        // Any hyphen can end the prefix; try each.
        for (i, c) in scalars.enumerated() where c == "-" {
            let head = scalars[..<i]
            let tail = scalars[(i + 1)...]
            if head.count >= 4, head.allSatisfy({ isLowerAlnum($0) || $0 == "_" }), tail.count >= 4,
                tail.allSatisfy({ isLowerAlnum($0) || $0 == "_" || $0 == "-" })
            {
                return true
            }
        }
        return false
    }

    /// The schema's track `slug`: `[a-z][a-z0-9-]+`.
    static func isSlug(_ s: String) -> Bool {
        let scalars = Array(s.unicodeScalars)
        guard scalars.count >= 2, ("a"..."z").contains(scalars[0]) else { return false }
        return scalars.dropFirst().allSatisfy { isLowerAlnum($0) || $0 == "-" }
    }

    /// The schema's `httpURI`: `https?://` and nothing an URI cannot hold unescaped.
    static func isHTTPURI(_ s: String) -> Bool {
        (s.hasPrefix("http://") || s.hasPrefix("https://"))
            && s.unicodeScalars.allSatisfy {
                $0.value > 0x20 && $0.value < 0x7F && !"<>\"{}|\\^`".unicodeScalars.contains($0)
            }
    }

    static func isLowerAlnum(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("0"..."9").contains(c) }
}
