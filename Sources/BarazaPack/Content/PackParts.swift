import BarazaModel
import BarazaOutput
import Foundation

/// The parts of a pack's index page and attendance list that are the same in every pack of one plan: made once
/// and shared, so a thousand personal packs differ only by their holder's lines (title, certificate, sessions,
/// which materials they carry) instead of each sorting the attendees and rendering the speakers again.
final class PackParts: Sendable {
    /// The zone every time of the page is read in.
    let clock: PageClock
    /// Each day in the page's zone (programme order), with its sessions other than breaks and meals, each with
    /// the opening of its item in the materials section (`<li id="session-…">` and its line).
    let days: [(date: LocalDate, sessions: [(id: Session.ID, opening: String)])]
    /// Each session's times and title as HTML (`sessionLine`), and the same with its date first.
    let lines: [Session.ID: (plain: String, dated: String)]
    /// Each speaker's article (name, organisation, place, bio, sessions) in the speakers section's order, with
    /// the sessions they present: a personal page shows the speakers of its holder's sessions.
    let speakers: [(id: Person.ID, sessions: [Session.ID], article: String)]
    /// The speakers, attendance and figures sections as HTML.
    let speakersSection: String
    let attendanceSection: String
    let figuresSection: String
    /// The attendance list as CSV, compressed once for every pack.
    let csv: PreparedContent
    /// How many people attended (the attendance list's length, contacts or not).
    let attendees: Int
    /// Whether consented contacts appear (every pack but the public one).
    let showsContacts: Bool

    init(workspace: Workspace, attendance: Attendance, showsContacts: Bool) throws(PackError) {
        let clock = PageClock(workspace)
        self.clock = clock
        self.showsContacts = showsContacts
        let programme = Attendance.programmeOrder(workspace.sessions)
        var lines: [Session.ID: (plain: String, dated: String)] = [:]
        lines.reserveCapacity(programme.count)
        for s in programme where lines[s.id] == nil {
            let plain = "\(HTML.escape(clock.times(of: s))) · \(HTML.escape(s.title.bilingual))"
            lines[s.id] = (plain, "\(clock.date(of: s).iso8601) \(plain)")
        }
        self.lines = lines
        let byDay = Dictionary(grouping: programme, by: { clock.date(of: $0) })
        days = byDay.keys.sorted().map { day in
            let sessions = byDay[day]!.filter { ![.break, .meal].contains($0.kind) }.map { s in
                (s.id, "<li id=\"session-\(HTML.escape(s.id.rawValue))\">\(lines[s.id]!.plain)")
            }
            return (day, sessions)
        }
        let list = AttendanceList(workspace: workspace, attendance: attendance, showsContacts: showsContacts)
        csv = try PreparedContent(Data(list.csv.utf8), deflates: PackEntry.compresses("text/csv"))
        attendees = attendance.attendees.count
        attendanceSection = Self.attendanceSection(list, attendees: attendees)
        let speakers = Self.speakers(workspace, programme: programme, lines: lines)
        self.speakers = speakers
        speakersSection =
            "<section id=\"speakers\"><h2>Speakers · Intervenants (\(speakers.count))</h2>\n"
            + speakers.map(\.article).joined() + "</section>\n"
        var figures = "<section id=\"figures\"><h2>Figures · Chiffres</h2>\n"
        for chart in Figures(workspace: workspace, attendance: attendance).charts {
            figures += "<figure>\n\(chart.svg)\n<figcaption>\(HTML.escape(chart.title))</figcaption>\n</figure>\n"
        }
        figuresSection = figures + "</section>\n"
    }

    private static func speakers(
        _ workspace: Workspace, programme: [Session], lines: [Session.ID: (plain: String, dated: String)]
    ) -> [(id: Person.ID, sessions: [Session.ID], article: String)] {
        var presented: [Person.ID: [Session.ID]] = [:]
        for s in programme {
            for ref in s.presenters where workspace.peopleByID[ref.id] != nil {
                if !(presented[ref.id]?.contains(s.id) ?? false) { presented[ref.id, default: []].append(s.id) }
            }
        }
        let people = presented.keys.compactMap { workspace.peopleByID[$0] }.sorted {
            ($0.familyName ?? $0.name, $0.id) < ($1.familyName ?? $1.name, $1.id)
        }
        return people.map { p in
            let place = [p.city, p.country].compactMap { $0 }.joined(separator: ", ")
            let organisation = p.consent.shareContact ? p.organisation : nil
            var h = "<article><h3>\(HTML.escape(p.name))</h3>\n"
            let details = [organisation, place.isEmpty ? nil : place].compactMap { $0 }
            if !details.isEmpty { h += "<p>\(HTML.escape(details.joined(separator: " · ")))</p>\n" }
            if let bio = p.bio {
                if let en = bio.english { h += "<p lang=\"en\">\(HTML.escape(en))</p>\n" }
                if let fr = bio.french, fr != bio.english { h += "<p lang=\"fr\">\(HTML.escape(fr))</p>\n" }
            }
            h += "<ul>"
            for id in presented[p.id]! { h += "<li>\(lines[id]!.dated)</li>" }
            h += "</ul></article>\n"
            return (p.id, presented[p.id]!, h)
        }
    }

    private static func attendanceSection(_ list: AttendanceList, attendees: Int) -> String {
        var h = "<section id=\"attendance\"><h2>Attendance list · Liste de présence (\(attendees))</h2>\n"
        if list.showsContacts {
            h +=
                "<p>Organisation and email are shown only for people who agreed to share them. · "
                + "<span lang=\"fr\">Organisation et courriel figurent seulement pour qui l'a accepté.</span></p>\n"
        } else {
            h +=
                "<p>This public list names only people who agreed to be listed, and carries no contact details. · "
                + "<span lang=\"fr\">Cette liste publique ne nomme que les personnes qui l'ont accepté, sans "
                + "coordonnées.</span></p>\n"
        }
        h += "<table><thead><tr><th>Name · Nom</th><th>City · Ville</th><th>Country · Pays</th>"
        if list.showsContacts { h += "<th>Organisation</th><th>Email · Courriel</th>" }
        h += "</tr></thead><tbody>\n"
        for r in list.rows {
            h += "<tr><td>\(HTML.escape(r.name))</td><td>\(HTML.escape(r.city))</td><td>\(HTML.escape(r.country))</td>"
            if list.showsContacts { h += "<td>\(HTML.escape(r.organisation))</td><td>\(HTML.escape(r.email))</td>" }
            h += "</tr>\n"
        }
        h += "</tbody></table>\n"
        if list.unlisted > 0 {
            h +=
                "<p>\(list.unlisted) further attendees are not named. · "
                + "<span lang=\"fr\">\(list.unlisted) autres participants ne sont pas nommés.</span></p>\n"
        }
        return h + "</section>\n"
    }
}

/// The anchor of a session in the agenda page (`BarazaAgenda` names each session's article `session-<id>`, white
/// space as `_`), so a pack's page can link a session's place in the agenda it carries.
enum AgendaAnchor {
    static func of(_ id: Session.ID) -> String {
        "session-" + String(id.rawValue.map { $0.isWhitespace ? "_" : $0 })
    }
}
