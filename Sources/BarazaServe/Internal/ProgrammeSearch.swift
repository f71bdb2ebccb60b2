import BarazaModel
import Foundation

/// `/search?q=`: the sessions and presenters whose public text holds every word asked, case and accents folded.
///
/// Searches only what the agenda publishes: a session's titles, abstracts, tags, room and venue, and its
/// presenters' names and organisations; a presenter's name and organisation. Participants are not presenters and
/// are never found. The text of each result is made once per state; a request folds its words and scans.
struct ProgrammeSearch: Sendable {
    /// Longest query accepted, in bytes once decoded (a longer one is answered 400).
    static let maximumQueryLength = 200
    /// Most results listed on one page.
    static let maximumResults = 50

    struct Entry: Sendable {
        /// What a query is matched against: the public text, folded, as UTF-8.
        var folded: [UInt8]
        /// The result's list item, HTML.
        var item: String
        var isSession: Bool
    }

    private(set) var entries: [Entry] = []

    static let empty = ProgrammeSearch()

    private init() {}

    /// The index of `workspace`'s timed sessions (in time order) and their presenters (by name), described by
    /// `pages` (which gives each its link and wording).
    init(workspace: Workspace, pages: ProgrammePages) {
        let sessions = pages.timedSessions()
        var presenters: [String: Person] = [:]
        for session in sessions {
            let people = session.presenters.compactMap { workspace.peopleByID[$0.id] }
            var text = [
                session.title.english, session.title.french, session.abstract?.english, session.abstract?.french,
            ]
            .compactMap { $0 }
            text += session.tags.flatMap { tag in
                [tag] + (workspace.tagNames[tag].map { [$0.english, $0.french].compactMap { $0 } } ?? [])
            }
            text += people.flatMap { [$0.name, $0.organisation].compactMap { $0 } }
            if let place = pages.place(session) { text.append(place) }
            entries.append(Entry(folded: Self.foldedBytes(text), item: pages.listItem(session), isSession: true))
            for person in people { presenters[person.id.rawValue] = person }
        }
        let named = presenters.values.sorted { ($0.name, $0.id.rawValue) < ($1.name, $1.id.rawValue) }
        for person in named {
            entries.append(
                Entry(
                    folded: Self.foldedBytes([person.name, person.organisation].compactMap { $0 }),
                    item: pages.speakerItem(person), isSession: false))
        }
    }

    /// The entries holding every word of `query` (at most ``maximumResults``), and how many hold them in all.
    func matches(_ query: String) -> (shown: [Entry], total: Int) {
        let words = Self.fold(query).split(whereSeparator: \.isWhitespace).map { Array($0.utf8) }
        guard !words.isEmpty else { return ([], 0) }
        var shown: [Entry] = []
        var total = 0
        for entry in entries where words.allSatisfy({ Self.contains(entry.folded, $0) }) {
            total += 1
            if shown.count < Self.maximumResults { shown.append(entry) }
        }
        return (shown, total)
    }

    /// The search page for the request's query string (`q=`, form-encoded).
    func answer(queryString: String) -> Answer {
        let query = DoorDesk.form(Data(queryString.utf8))["q"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard query.utf8.count <= Self.maximumQueryLength else {
            return .plain(400, "search too long: at most \(Self.maximumQueryLength) bytes", route: "search")
        }
        var body =
            "<p><a href=\"/agenda/\">Agenda</a></p>\n<h1>Search / Rechercher</h1>\n"
            + "<form method=\"get\" action=\"/search\" role=\"search\"><p><label>Session, speaker, room / "
            + "Session, intervenant·e, salle <input type=\"search\" name=\"q\" value=\"\(escapeHTML(query))\" "
            + "maxlength=\"\(Self.maximumQueryLength)\"></label> <button type=\"submit\">Search / Rechercher</button>"
            + "</p></form>\n"
        if !query.isEmpty {
            let (shown, total) = matches(query)
            body +=
                "<p role=\"status\">\(total) result\(total == 1 ? "" : "s") / résultat\(total == 1 ? "" : "s")"
                + (total > shown.count ? " (first \(shown.count) / \(shown.count) premiers)" : "") + "</p>\n"
            for (heading, isSession) in [("Sessions", true), ("Speakers / Intervenant·es", false)] {
                let items = shown.filter { $0.isSession == isSession }
                guard !items.isEmpty else { continue }
                body += "<h2>\(heading)</h2>\n<ul class=\"\(isSession ? "sessions" : "speakers")\">\n"
                body += items.map(\.item).joined() + "</ul>\n"
            }
        }
        return Answer(
            status: 200,
            headers: [
                ("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-cache"),
                ("Content-Security-Policy", ContentSecurity.searchPage),
            ], body: .init(string: PageFrame.html(title: "Search / Rechercher", body: body)), route: "search")
    }

    /// Case and accents folded, as the door's search by name does.
    static func fold(_ text: String) -> String { DoorPages.fold(text) }

    private static func foldedBytes(_ texts: [String]) -> [UInt8] { Array(fold(texts.joined(separator: "\n")).utf8) }

    /// Whether `word` occurs in `text` (bytes, both folded).
    static func contains(_ text: [UInt8], _ word: [UInt8]) -> Bool {
        guard let first = word.first, word.count <= text.count else { return word.isEmpty }
        var index = 0
        let last = text.count - word.count
        while index <= last {
            if text[index] == first {
                var offset = 1
                while offset < word.count && text[index + offset] == word[offset] { offset += 1 }
                if offset == word.count { return true }
            }
            index += 1
        }
        return false
    }
}
