import BarazaModel

// The values the Mustache template reads. Plain structs: the template engine finds fields by name, and an
// optional that is nil skips its section. Every string here is escaped when rendered (by the
// engine, or by `SessionArticle` for a session's article).

struct PageView {
    var lang: String
    var isEnglish: Bool
    var isFrench: Bool
    var title: TextView
    var titleText: String
    /// The page title in English and French, for the script to switch with the interface language.
    var titleEnglish: String
    var titleFrench: String
    var eventZone: String
    var eventLanguages: String
    var firstDay: String
    var lastDay: String
    var cities: [String]
    /// The venue zone shown beside "Venue time" when every session is read in it.
    var venueSuffix: String?
    /// Whether some session is read in another zone than the event's (each such session names its zone).
    var otherZones: Bool
    /// Labels in the page's default language, by key.
    var t: [String: String]
    var labels: [LabelView]
    var zoneChoices: [ZoneChoiceView]
    var tracks: [TagView]
    var languages: [LanguageView]
    var calendars: CalendarsView?
    var days: [DayView]
}

/// Text in one or both languages: `both` when English and French differ, `single` otherwise.
struct TextView {
    struct Both {
        var en: String
        var fr: String
    }
    struct Single {
        var lang: String
        var text: String
    }
    var both: Both?
    var single: Single?

    init?(_ text: LocalizedText?, fallbackLanguage: String) {
        guard let text else { return nil }
        switch (text.english, text.french) {
        case (let e?, let f?) where e != f: both = Both(en: e, fr: f)
        case (let e?, let f?) where e == f: single = Single(lang: fallbackLanguage, text: e)
        case (let e?, nil): single = Single(lang: "en", text: e)
        case (nil, let f?): single = Single(lang: "fr", text: f)
        default: return nil
        }
    }
}

struct LabelView {
    var key: String
    var en: String
    var fr: String
}

struct ZoneChoiceView {
    var city: String
    var zone: String
}

struct LanguageView {
    var code: String
    var key: String
    var name: String
}

struct LanguageListView {
    var items: [LanguageView]
}

struct CalendarsView {
    var links: [CalendarLinkView]
}

struct CalendarLinkView {
    var href: String
    /// A label key, when the link's name is an interface word ("Whole event").
    var key: String?
    var text: String
    /// The room's name in each language, for a room's calendar.
    var name: TextView?
    /// The `webcal://` address a calendar app subscribes to, when the page knows where the calendar is served.
    var subscribe: String?
}

struct DayView {
    var date: String
    var tabID: String
    var panelID: String
    var selected: Bool
    var tabIndex: Int
    var isEmpty: Bool
    var gridStyle: String
    var headers: [HeaderView]
    var marks: [MarkView]
    var sessions: [SessionView]
}

struct HeaderView {
    var name: TextView?
    var venueName: TextView?
    var style: String
}

struct MarkView {
    var start: String
    var text: String
    var style: String
}

struct PeopleView {
    var items: [PersonView]
}

struct PersonView {
    var name: String
    var organisation: String?
}

struct TagsView {
    var items: [TagView]
}

/// A session tag: the id filters match on, and its name in each language (the id itself when unnamed).
struct TagView {
    var id: String
    var name: TextView
    /// The name in English and French, for `<option>` elements, which cannot hold markup.
    var en: String
    var fr: String
    /// The name in the page's default language.
    var text: String
}

struct SessionView {
    /// The session's `<article>`, once written by `SessionArticle`.
    var html = ""
    var htmlID: String
    var kind: String
    var kindText: String
    var spans: Bool
    var general: Bool
    var title: TextView?
    var abstract: TextView?
    var start: String
    var end: String
    var zone: String
    var zoneNote: String?
    var startText: String
    var endText: String
    var style: String
    var placeName: TextView?
    var venueName: TextView?
    var langs: String
    var language: LanguageView?
    var interpretation: LanguageListView?
    var speakers: PeopleView?
    var moderators: PeopleView?
    var tags: TagsView?
    var roomCalendar: String?
}
