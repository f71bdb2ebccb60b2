import BarazaModel
import Foundation

/// One page per session and per speaker or moderator, and a person's own agenda: what the agenda page already
/// publishes (titles, times, rooms, languages, tags, abstracts, presenters' names and organisations), one thing per
/// page, for links from elsewhere. Sessions without a resolved time are left out, as on the agenda.
struct ProgrammePages {
    var workspace: Workspace

    static func sessionPath(_ id: String) -> String { "/sessions/" + id }
    static func speakerPath(_ id: String) -> String { "/speakers/" + id }

    /// Every session's and presenter's page, by (decoded) request path.
    func all() -> [String: String] {
        var pages: [String: String] = [:]
        var presenters: [String: [Session]] = [:]
        for session in timedSessions() {
            pages[Self.sessionPath(session.id.rawValue)] = sessionPage(session)
            for reference in session.presenters where workspace.peopleByID[reference.id] != nil {
                presenters[reference.id.rawValue, default: []].append(session)
            }
        }
        for (id, sessions) in presenters {
            guard let person = workspace.peopleByID[Person.ID(id)] else { continue }
            pages[Self.speakerPath(id)] = speakerPage(person, sessions: sessions)
        }
        return pages
    }

    /// The sessions with a resolved time, each id once, in time order (then by id).
    func timedSessions() -> [Session] {
        var seen = Set<String>()
        return ordered(workspace.sessions.filter { $0.interval != nil && seen.insert($0.id.rawValue).inserted })
    }

    /// The sessions of `person` (speaker, moderator or signed up), in time order, with links to the session pages
    /// and to their calendar at `feedPath`.
    func myAgenda(person id: String, feedPath: String, host: String) -> String? {
        guard let person = workspace.peopleByID[Person.ID(id)] else { return nil }
        let mine = workspace.sessions.filter { session in
            session.interval != nil && session.attendees.contains { $0.id == person.id }
        }
        var body = "<h1>\(escapeHTML(person.name))</h1>\n<p>\(escapeHTML(workspace.event.title.bilingual))</p>\n"
        body +=
            "<p><a href=\"\(escapeHTML("webcal://" + host + feedPath))\">Subscribe / S’abonner</a> · "
            + "<a href=\"\(escapeHTML(feedPath))\">.ics</a> · \(Self.navigation)</p>\n"
        body += mine.isEmpty ? "<p>No session yet. / Aucune session pour l’instant.</p>\n" : list(mine)
        return page(title: person.name, body: body)
    }

    private func sessionPage(_ session: Session) -> String {
        var body = "<p>\(Self.navigation)</p>\n<h1>\(bilingual(session.title))</h1>\n"
        body += "<p><strong>\(escapeHTML(when(session)))</strong>"
        if let place = place(session) { body += " · \(escapeHTML(place))" }
        body += "</p>\n"
        var languages = session.language.map { [$0.code] } ?? []
        if !session.interpretation.isEmpty {
            languages.append("interpretation: " + session.interpretation.map(\.code).joined(separator: ", "))
        }
        if !languages.isEmpty { body += "<p>\(escapeHTML(languages.joined(separator: "; ")))</p>\n" }
        for (label, people) in [
            ("Speakers / Intervenants", session.speakers), ("Moderation / Modération", session.moderators),
        ]
        where !people.isEmpty {
            let names = people.compactMap { workspace.peopleByID[$0.id] }.map { person in
                "<a href=\"\(escapeHTML(percentPath(Self.speakerPath(person.id.rawValue))))\">\(escapeHTML(person.name))</a>"
                    + (person.organisation.map { " (\(escapeHTML($0)))" } ?? "")
            }
            body += "<p>\(label): \(names.joined(separator: ", "))</p>\n"
        }
        if !session.tags.isEmpty {
            let tags = session.tags.map { workspace.tagNames[$0].map(bilingual) ?? escapeHTML($0) }
            body += "<p>\(tags.joined(separator: " · "))</p>\n"
        }
        if let abstract = session.abstract {
            for (text, code) in [(abstract.english, "en"), (abstract.french, "fr")] {
                guard let text, !text.isEmpty else { continue }
                body += "<p lang=\"\(code)\">\(escapeHTML(text))</p>\n"
            }
        }
        if let url = session.url, url.hasPrefix("https://") || url.hasPrefix("http://") {
            body += "<p><a href=\"\(escapeHTML(url))\" rel=\"noopener noreferrer\">\(escapeHTML(url))</a></p>\n"
        }
        return page(title: session.title.bilingual, body: body)
    }

    private func speakerPage(_ person: Person, sessions: [Session]) -> String {
        var body = "<p>\(Self.navigation)</p>\n<h1>\(escapeHTML(person.name))</h1>\n"
        if let organisation = person.organisation { body += "<p>\(escapeHTML(organisation))</p>\n" }
        body += list(sessions)
        return page(title: person.name, body: body)
    }

    /// Links to the agenda and the search, at the top of every page of the programme.
    static let navigation = "<a href=\"/agenda/\">Agenda</a> · <a href=\"/search\">Search / Rechercher</a>"

    private func ordered(_ sessions: [Session]) -> [Session] {
        sessions.sorted {
            ($0.interval?.start.secondsSince1970 ?? 0, $0.id.rawValue) < (
                $1.interval?.start.secondsSince1970 ?? 0, $1.id.rawValue
            )
        }
    }

    private func list(_ sessions: [Session]) -> String {
        "<ul>\n" + ordered(sessions).map(listItem).joined() + "</ul>\n"
    }

    /// A session's line in a list: its time, its title linking to its page, its room.
    func listItem(_ session: Session) -> String {
        "<li>\(escapeHTML(when(session))): <a href=\"\(escapeHTML(percentPath(Self.sessionPath(session.id.rawValue))))\">"
            + "\(bilingual(session.title))</a>\(place(session).map { " · " + escapeHTML($0) } ?? "")</li>\n"
    }

    /// A presenter's line in a list: their name linking to their page, their organisation.
    func speakerItem(_ person: Person) -> String {
        "<li><a href=\"\(escapeHTML(percentPath(Self.speakerPath(person.id.rawValue))))\">\(escapeHTML(person.name))</a>"
            + (person.organisation.map { " (\(escapeHTML($0)))" } ?? "") + "</li>\n"
    }

    /// `2027-03-23 14:00–15:30 Africa/Kigali`: the session's own clock, as the agenda shows by default.
    private func when(_ session: Session) -> String {
        guard let interval = session.interval else { return "" }
        let start = session.zone.localDateTime(at: interval.start)
        let end = session.zone.localDateTime(at: interval.end)
        let endText = end.date == start.date ? "\(end.time)" : "\(end)"
        return "\(start)–\(endText) \(session.zone.identifier)"
    }

    /// `Room, Venue`, or the venue alone.
    func place(_ session: Session) -> String? {
        guard let venue = workspace.venue(of: session) else { return nil }
        if let room = workspace.room(of: session) { return "\(room.name), \(venue.name)" }
        return venue.name
    }

    private func bilingual(_ text: LocalizedText) -> String {
        switch (text.english, text.french) {
        case (let en?, let fr?) where en != fr:
            return "<span lang=\"en\">\(escapeHTML(en))</span> / <span lang=\"fr\">\(escapeHTML(fr))</span>"
        default:
            return escapeHTML(text.bilingual)
        }
    }

    private func percentPath(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { percentEncode(String($0)) }
            .joined(separator: "/")
    }

    private func page(title: String, body: String) -> String {
        PageFrame.html(title: title, body: body)
    }
}
