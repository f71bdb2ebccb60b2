import Mustache

// Field lookup for the template engine by name, without reflection: with thousands of sessions, `Mirror` made
// rendering several times slower. A nil optional returns nil, so the engine looks further up the context stack,
// as it does for a missing field.

extension PageView: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "lang": return self.lang
        case "isEnglish": return self.isEnglish
        case "isFrench": return self.isFrench
        case "title": return self.title
        case "titleText": return self.titleText
        case "titleEnglish": return self.titleEnglish
        case "titleFrench": return self.titleFrench
        case "eventZone": return self.eventZone
        case "eventLanguages": return self.eventLanguages
        case "firstDay": return self.firstDay
        case "lastDay": return self.lastDay
        case "cities": return self.cities
        case "venueSuffix": return self.venueSuffix
        case "otherZones": return self.otherZones
        case "t": return self.t
        case "labels": return self.labels
        case "zoneChoices": return self.zoneChoices
        case "tracks": return self.tracks
        case "languages": return self.languages
        case "calendars": return self.calendars
        case "days": return self.days
        default: return nil
        }
    }
}

extension TextView: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "both": return self.both
        case "single": return self.single
        default: return nil
        }
    }
}

extension TextView.Both: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "en": return self.en
        case "fr": return self.fr
        default: return nil
        }
    }
}

extension TextView.Single: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "lang": return self.lang
        case "text": return self.text
        default: return nil
        }
    }
}

extension LabelView: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "key": return self.key
        case "en": return self.en
        case "fr": return self.fr
        default: return nil
        }
    }
}

extension ZoneChoiceView: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "city": return self.city
        case "zone": return self.zone
        default: return nil
        }
    }
}

extension LanguageView: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "code": return self.code
        case "key": return self.key
        case "name": return self.name
        default: return nil
        }
    }
}

extension LanguageListView: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "items": return self.items
        default: return nil
        }
    }
}

extension CalendarsView: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "links": return self.links
        default: return nil
        }
    }
}

extension CalendarLinkView: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "href": return self.href
        case "key": return self.key
        case "text": return self.text
        case "name": return self.name
        case "subscribe": return self.subscribe
        default: return nil
        }
    }
}

extension DayView: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "date": return self.date
        case "tabID": return self.tabID
        case "panelID": return self.panelID
        case "selected": return self.selected
        case "tabIndex": return self.tabIndex
        case "isEmpty": return self.isEmpty
        case "gridStyle": return self.gridStyle
        case "headers": return self.headers
        case "marks": return self.marks
        case "sessions": return self.sessions
        default: return nil
        }
    }
}

extension HeaderView: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "name": return self.name
        case "venueName": return self.venueName
        case "style": return self.style
        default: return nil
        }
    }
}

extension MarkView: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "start": return self.start
        case "text": return self.text
        case "style": return self.style
        default: return nil
        }
    }
}

extension PeopleView: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "items": return self.items
        default: return nil
        }
    }
}

extension PersonView: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "name": return self.name
        case "organisation": return self.organisation
        default: return nil
        }
    }
}

extension TagsView: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "items": return self.items
        default: return nil
        }
    }
}

extension TagView: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "id": return self.id
        case "name": return self.name
        case "en": return self.en
        case "fr": return self.fr
        case "text": return self.text
        default: return nil
        }
    }
}

extension SessionView: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "html": return self.html
        case "htmlID": return self.htmlID
        case "kind": return self.kind
        case "kindText": return self.kindText
        case "spans": return self.spans
        case "general": return self.general
        case "title": return self.title
        case "abstract": return self.abstract
        case "start": return self.start
        case "end": return self.end
        case "zone": return self.zone
        case "zoneNote": return self.zoneNote
        case "startText": return self.startText
        case "endText": return self.endText
        case "style": return self.style
        case "placeName": return self.placeName
        case "venueName": return self.venueName
        case "langs": return self.langs
        case "language": return self.language
        case "interpretation": return self.interpretation
        case "speakers": return self.speakers
        case "moderators": return self.moderators
        case "tags": return self.tags
        case "roomCalendar": return self.roomCalendar
        default: return nil
        }
    }
}
