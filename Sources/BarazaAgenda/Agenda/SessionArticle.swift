/// Writes a session's `<article>` for the page, straight from its `SessionView`: the markup the page template
/// places for each session with `{{{html}}}`.
///
/// The page's frame (head, filters, day tabs, grid headers) comes from `agenda.html.mustache`; the articles are
/// written here because a programme has thousands of them and the template engine finds every name by dynamic
/// casts on a context stack: for 5,000 sessions that was two thirds of the page's time. Every value is escaped
/// as the engine escapes it (`& < > " '`), and `AgendaPageTests` holds the page to its golden files.
struct SessionArticle {
    /// The page's labels in its default language, by key (`t` of `PageView`).
    var labels: [String: String]

    func html(_ s: SessionView) -> String {
        var h = ""
        h.reserveCapacity(1024)
        h += "<article class=\"session kind-"
        h += escaped(s.kind)
        h += "\" id=\""
        h += escaped(s.htmlID)
        h += "\" data-start=\""
        h += escaped(s.start)
        h += "\" data-end=\""
        h += escaped(s.end)
        h += "\" data-zone=\""
        h += escaped(s.zone)
        h += "\" data-langs=\""
        h += escaped(s.langs)
        h += "\" data-general=\""
        h += s.general ? "true" : "false"
        h += "\" style=\""
        h += escaped(s.style)
        h += "\">\n<h3>"
        if let title = s.title { text(title, into: &h) }
        h += "</h3>\n<p class=\"when\"><span class=\"t-date\"></span><time class=\"t-start\" datetime=\""
        h += escaped(s.start)
        h += "\">"
        h += escaped(s.startText)
        h += "</time>–<time class=\"t-end\" datetime=\""
        h += escaped(s.end)
        h += "\">"
        h += escaped(s.endText)
        h += "</time><span class=\"t-zone\">"
        if let note = s.zoneNote { h += " (\(escaped(note)))" }
        h += "</span> · <span class=\"kind\" data-i18n=\"kind."
        h += escaped(s.kind)
        h += "\">"
        h += escaped(s.kindText)
        h += "</span></p>\n<p class=\"where\"><span class=\"visually-hidden\" data-i18n=\"room\">"
        h += label("room")
        h += "</span> "
        if let place = s.placeName {
            text(place, into: &h)
        } else {
            h += "<span data-i18n=\"elsewhere\">\(label("elsewhere"))</span>"
        }
        if let venue = s.venueName {
            h += " · "
            text(venue, into: &h)
        }
        h += "</p>\n"
        if let language = s.language {
            h += "<p class=\"langs\"><span data-i18n=\"languageColon\">\(label("languageColon"))</span> "
            h += "<span data-i18n=\"\(escaped(language.key))\">\(escaped(language.name))</span>"
            if let interpretation = s.interpretation {
                h += " · <span data-i18n=\"interpretationColon\">\(label("interpretationColon"))</span>"
                interpreters(interpretation, into: &h)
            }
            h += "</p>\n"
        } else if let interpretation = s.interpretation {
            h += "<p class=\"langs\"><span data-i18n=\"interpretationColon\">\(label("interpretationColon"))</span>"
            interpreters(interpretation, into: &h)
            h += "</p>\n"
        }
        if let speakers = s.speakers { people(speakers, key: "speakersColon", into: &h) }
        if let moderators = s.moderators { people(moderators, key: "moderatorsColon", into: &h) }
        if let tags = s.tags {
            h += "<ul class=\"tags\" aria-label=\"\(label("tags"))\" data-i18n-aria=\"tags\">\n"
            for tag in tags.items {
                h += "<li data-tag=\"\(escaped(tag.id))\">"
                text(tag.name, into: &h)
                h += "</li>\n"
            }
            h += "</ul>\n"
        }
        if let abstract = s.abstract {
            h += "<details class=\"abstract\">\n<summary data-i18n=\"abstract\">\(label("abstract"))</summary>\n<p>"
            text(abstract, into: &h)
            h += "</p>\n</details>\n"
        }
        if let calendar = s.roomCalendar {
            h += "<p class=\"room-calendar\"><a href=\"\(escaped(calendar))\" download data-i18n=\"roomCalendar\">"
            h += "\(label("roomCalendar"))</a></p>\n"
        }
        h += "</article>"
        return h
    }

    /// `text.mustache`: both languages in their own spans, or the one text with its language.
    private func text(_ t: TextView, into h: inout String) {
        if let both = t.both {
            h += "<span class=\"l-en\" lang=\"en\">\(escaped(both.en))</span>"
            h += "<span class=\"l-fr\" lang=\"fr\">\(escaped(both.fr))</span>"
        }
        if let single = t.single {
            h += "<span lang=\"\(escaped(single.lang))\">\(escaped(single.text))</span>"
        }
    }

    private func interpreters(_ list: LanguageListView, into h: inout String) {
        for item in list.items {
            h += " <span class=\"interp\" data-i18n=\"\(escaped(item.key))\">\(escaped(item.name))</span>"
        }
    }

    private func people(_ list: PeopleView, key: String, into h: inout String) {
        h += "<p class=\"people\"><span data-i18n=\"\(key)\">\(label(key))</span> "
        for (i, person) in list.items.enumerated() {
            h += "<span class=\"person\">\(escaped(person.name))"
            if let organisation = person.organisation { h += " <span class=\"org\">(\(escaped(organisation)))</span>" }
            h += "</span>"
            if i < list.items.count - 1 { h += ", " }
        }
        h += "</p>\n"
    }

    private func label(_ key: String) -> String { escaped(labels[key] ?? "") }

    /// `& < > " '` as entities, everything else as it is: the template engine's HTML escaping, done on bytes.
    func escaped(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 })
        else { return value }
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count + 16)
        for byte in value.utf8 {
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
