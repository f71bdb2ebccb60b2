import BarazaModel
import Foundation
import ICalendar

/// The words of a session's event (title, place, description, link) in one calendar language.
struct EventText {
    let workspace: Workspace

    static func uid(session: Session.ID, event: Event.ID) -> String {
        "session-\(session.rawValue)@\(event.rawValue).baraza"
    }

    static func uid(item: String, person: Person.ID, event: Event.ID) -> String {
        "\(item)-\(person.rawValue)@\(event.rawValue).baraza"
    }

    /// `Room, Venue, address`; an online venue is named with "(online)".
    func location(of session: Session, in language: CalendarLanguage) -> String? {
        guard let venue = workspace.venue(of: session) else { return nil }
        switch venue.kind {
        case .physical(_, _, _, let address, _):
            let parts = [workspace.room(of: session)?.name, venue.name, address].compactMap { $0 }
            return parts.joined(separator: ", ")
        case .online:
            return venue.name + " (" + language.pick(en: "online", fr: "en ligne") + ")"
        }
    }

    /// The session's own link, else its online venue's, else the event's; nil when none is a valid URI.
    func url(of session: Session) -> URL? {
        var online: String?
        if let venue = workspace.venue(of: session), case .online(let link) = venue.kind { online = link }
        for text in [session.url, online, workspace.event.url].compactMap({ $0 }) {
            if let url = URL(string: text), url.scheme != nil, !text.contains(" ") { return url }
        }
        return nil
    }

    /// Abstract, speakers, moderators and the online link, in one language or English then French.
    func description(of session: Session, in language: CalendarLanguage) -> String {
        switch language {
        case .english, .french: return block(session, language)
        case .both:
            let en = block(session, .english)
            let fr = block(session, .french)
            return en == fr ? en : en + "\n\n" + fr
        }
    }

    private func block(_ session: Session, _ language: CalendarLanguage) -> String {
        var lines: [String] = []
        if let abstract = session.abstract { lines.append(language.pick(abstract)) }
        let names = { (refs: [Reference<Person>]) in
            refs.compactMap { workspace.peopleByID[$0.id]?.name }.joined(separator: ", ")
        }
        if !session.speakers.isEmpty {
            lines.append(language.pick(en: "Speakers: ", fr: "Intervenants : ") + names(session.speakers))
        }
        if !session.moderators.isEmpty {
            lines.append(language.pick(en: "Moderation: ", fr: "Modération : ") + names(session.moderators))
        }
        if let code = session.language?.code {
            var line = language.pick(en: "Language: ", fr: "Langue : ") + code
            let into = (session.interpretation + (workspace.room(of: session)?.interpretation ?? []))
                .filter { $0 != session.language }
            let unique = Array(Set(into)).sorted().map(\.code)
            if !unique.isEmpty {
                line +=
                    language.pick(en: ", interpretation: ", fr: ", interprétation : ")
                    + unique.joined(separator: ", ")
            }
            lines.append(line)
        }
        if let venue = workspace.venue(of: session), venue.isOnline, let url = url(of: session) {
            lines.append(language.pick(en: "Online: ", fr: "En ligne : ") + url.absoluteString)
        }
        if lines.isEmpty { lines.append(language.pick(session.title)) }
        return lines.joined(separator: "\n")
    }
}
