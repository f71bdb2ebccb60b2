import BarazaModel

/// Turns a workspace into the values the page template reads.
struct AgendaViewBuilder {
    let workspace: Workspace
    let labels: AgendaLabels
    let options: AgendaPage.Options

    /// The page's language before the browser picks: the event's first interface language, else English.
    var defaultLanguage: String {
        workspace.event.languages.map(\.code).first { AgendaLabels.interfaceLanguages.contains($0) } ?? "en"
    }

    func page() -> PageView {
        let event = workspace.event
        let lang = defaultLanguage
        let programme = Programme(workspace)
        let scheduled = programme.days.flatMap(\.sessions)
        let zones = Set(scheduled.map(\.session.zone))
        let tracks = Set(scheduled.flatMap(\.session.tags)).sorted().map { tag($0, lang: lang) }
        let languages = Set(
            scheduled.flatMap { s in (s.session.language.map { [$0] } ?? []) + s.session.interpretation }
        )
        .sorted()
        var cities: [String] = []
        for venue in workspace.venues {
            if let city = venue.city, !cities.contains(city), scheduled.contains(where: { $0.place.venue == venue.id })
            {
                cities.append(city)
            }
        }
        let links = options.calendarLinks.sorted().map { link -> CalendarLinkView in
            var view: CalendarLinkView
            switch link.scope {
            case .wholeEvent:
                view = CalendarLinkView(href: link.href, key: "wholeEvent", text: labels.text("wholeEvent", in: lang))
            case .room(let id):
                let room = workspace.roomsByID[Room.ID(id)]?.room
                view = CalendarLinkView(
                    href: link.href, key: nil, text: room?.name ?? id,
                    name: room.flatMap { TextView($0.names, fallbackLanguage: lang) })
            case .other(let name): view = CalendarLinkView(href: link.href, key: nil, text: name)
            }
            view.subscribe = options.subscribeBase.map { link.subscribe(under: $0) }
            return view
        }
        return PageView(
            lang: lang, isEnglish: lang == "en", isFrench: lang == "fr",
            title: TextView(event.title, fallbackLanguage: lang) ?? TextView(
                LocalizedText(english: event.id.rawValue, french: nil), fallbackLanguage: lang)!,
            titleText: event.title.text(in: Language(lang)!), titleEnglish: event.title.text(in: .english),
            titleFrench: event.title.text(in: .french), eventZone: event.zone.identifier,
            eventLanguages: event.languages.map(\.code).joined(separator: " "),
            firstDay: event.firstDay.iso8601, lastDay: event.lastDay.iso8601, cities: cities,
            venueSuffix: zones.subtracting([event.zone]).isEmpty ? event.zone.identifier : nil,
            otherZones: !zones.subtracting([event.zone]).isEmpty,
            t: Dictionary(uniqueKeysWithValues: labels.keys.map { ($0, labels.text($0, in: lang)) }),
            labels: labels.keys.map {
                LabelView(key: $0, en: labels.text($0, in: "en"), fr: labels.text($0, in: "fr"))
            },
            zoneChoices: options.zoneChoices.map { ZoneChoiceView(city: $0.city, zone: $0.zone.identifier) },
            tracks: tracks, languages: languages.map { language(for: $0, in: lang) },
            calendars: links.isEmpty ? nil : CalendarsView(links: links),
            days: programme.days.enumerated().map { day(index: $0.offset, $0.element, lang: lang) })
    }

    /// A tag with its name from the workspace's `tags:` section, or as written.
    func tag(_ id: String, lang: String) -> TagView {
        let names = workspace.tagNames[id] ?? LocalizedText(english: id, french: id)
        return TagView(
            id: id, name: TextView(names, fallbackLanguage: lang)!, en: names.text(in: .english),
            fr: names.text(in: .french), text: names.text(in: Language(lang) ?? .english))
    }

    /// A room's or venue's name in each language; nil for the place nowhere (the page shows a label).
    func placeName(_ place: Place) -> TextView? {
        guard place.kind != .nowhere else { return nil }
        return TextView(
            place.names ?? LocalizedText(english: place.name, french: place.name), fallbackLanguage: defaultLanguage)
    }

    func language(for language: Language, in lang: String) -> LanguageView {
        LanguageView(
            code: language.code, key: "language.\(language.code)", name: labels.languageName(language, in: lang))
    }

    func day(index: Int, _ day: Programme.Day, lang: String) -> DayView {
        let zone = workspace.event.zone
        let grid = DayGrid(day: day, zone: zone)
        let gridStyle =
            grid.columns.isEmpty
            ? ""
            : "grid-template-columns: 4rem repeat(\(grid.laneCount), minmax(9.5rem, 1fr)); "
                + "grid-template-rows: auto repeat(\(grid.rows), minmax(0.55rem, auto));"
        // A room's venue is worth naming only when the day spreads over several venues.
        let severalVenues = Set(grid.columns.map { $0.place.venue }).count > 1
        let headers = grid.columns.map { column in
            HeaderView(
                name: placeName(column.place),
                venueName: severalVenues ? venueName(column.place) : nil,
                style: "grid-column: \(column.firstLine) / \(column.firstLine + column.lanes); grid-row: 1;")
        }
        let marks = grid.marks.map { mark in
            MarkView(
                start: mark.instant.iso8601UTC, text: zone.localDateTime(at: mark.instant).time.description,
                style: "grid-column: 1; grid-row: \(mark.row) / \(min(mark.row + 6, grid.rows + 2));")
        }
        let roomCalendars = Dictionary(
            options.calendarLinks.compactMap { link -> (String, String)? in
                if case .room(let id) = link.scope { return (id, link.href) }
                return nil
            }, uniquingKeysWith: { a, _ in a })
        let sessions = grid.items.map { item in
            session(
                item, lang: lang, spans: item.columnEnd - item.columnStart > 1 || item.scheduled.place.isVenue,
                roomCalendars: roomCalendars)
        }
        return DayView(
            date: day.date.iso8601, tabID: "tab-\(day.date.iso8601)", panelID: "day-\(day.date.iso8601)",
            selected: index == 0, tabIndex: index == 0 ? 0 : -1, isEmpty: sessions.isEmpty, gridStyle: gridStyle,
            headers: headers, marks: marks, sessions: sessions)
    }

    func session(_ item: DayGrid.Item, lang: String, spans: Bool, roomCalendars: [String: String]) -> SessionView {
        let s = item.scheduled.session
        let place = item.scheduled.place
        let eventZone = workspace.event.zone
        let interpretation = s.interpretation.filter { $0 != s.language }
        let languageCodes = ((s.language.map { [$0] } ?? []) + interpretation).map(\.code)
        var roomCalendar: String?
        if case .room(let id, _) = place.kind { roomCalendar = roomCalendars[id.rawValue] }
        return SessionView(
            htmlID: "session-" + String(s.id.rawValue.map { $0.isWhitespace ? "_" : $0 }),
            kind: s.kind.rawValue, kindText: labels.text("kind.\(s.kind.rawValue)", in: lang), spans: spans,
            general: s.kind == .break || s.kind == .meal,
            title: TextView(s.title, fallbackLanguage: lang) ?? TextView(
                LocalizedText(english: s.id.rawValue, french: nil), fallbackLanguage: lang)!,
            abstract: TextView(s.abstract, fallbackLanguage: lang), start: item.scheduled.interval.start.iso8601UTC,
            end: item.scheduled.interval.end.iso8601UTC, zone: s.zone.identifier,
            zoneNote: s.zone == eventZone ? nil : s.zone.identifier,
            startText: s.zone.localDateTime(at: item.scheduled.interval.start).time.description,
            endText: s.zone.localDateTime(at: item.scheduled.interval.end).time.description,
            style: "grid-row: \(item.rowStart) / \(item.rowEnd); grid-column: \(item.columnStart) / \(item.columnEnd);",
            placeName: placeName(place), venueName: venueName(place),
            langs: languageCodes.joined(separator: " "), language: s.language.map { language(for: $0, in: lang) },
            interpretation: interpretation.isEmpty
                ? nil : LanguageListView(items: interpretation.map { language(for: $0, in: lang) }),
            speakers: people(s.speakers), moderators: people(s.moderators),
            tags: s.tags.isEmpty ? nil : TagsView(items: s.tags.map { tag($0, lang: lang) }),
            roomCalendar: roomCalendar)
    }

    /// The name of a room's venue in each language; nil for any other place.
    func venueName(_ place: Place) -> TextView? {
        guard let name = place.venueName else { return nil }
        return TextView(
            place.venueNames ?? LocalizedText(english: name, french: name), fallbackLanguage: defaultLanguage)
    }

    /// Names of the people a session books; organisations only for those who agreed to share them.
    func people(_ refs: [Reference<Person>]) -> PeopleView? {
        guard !refs.isEmpty else { return nil }
        return PeopleView(
            items: refs.map { ref in
                guard let person = workspace.peopleByID[ref.id] else { return PersonView(name: ref.id.rawValue) }
                return PersonView(
                    name: person.name, organisation: person.consent.shareContact ? person.organisation : nil)
            })
    }
}
