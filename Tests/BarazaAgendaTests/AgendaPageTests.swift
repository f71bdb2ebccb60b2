import BarazaModel
import BarazaOutput
import BarazaTestSupport
import Foundation
import Testing

@testable import BarazaAgenda

@Suite struct AgendaPageTests {
    @Test func sampleAgendaMatchesGoldenFile() throws {
        let html = try AgendaPage.render(
            Samples.kigali,
            options: .init(calendarLinks: [
                CalendarLink(path: "calendars/event.ics"), CalendarLink(path: "calendars/rooms/auditorium.ics"),
            ]))
        assertGolden(html, file: fixtures.appendingPathComponent("final-kigali-2027.agenda.html"))
    }

    @Test func onlineSampleAgendaMatchesGoldenFile() throws {
        assertGolden(
            try AgendaPage.render(Samples.reflection),
            file: fixtures.appendingPathComponent("reflection-2027-02.agenda.html"))
    }

    @Test func renderingTwiceGivesTheSameBytes() throws {
        #expect(try AgendaPage.render(Samples.kigali) == AgendaPage.render(Samples.kigali))
    }

    @Test func everySessionCarriesItsUTCInstantsAndZone() throws {
        let html = try AgendaPage.render(Samples.kigali)
        #expect(
            html.contains(
                #"id="session-opening-plenary" data-start="2027-03-23T07:00:00Z" data-end="2027-03-23T08:30:00Z" data-zone="Africa/Kigali""#
            ))
        #expect(html.components(separatedBy: "<article class=\"session").count - 1 == Samples.kigali.sessions.count)
    }

    @Test func pageIsSelfContained() throws {
        let html = try AgendaPage.render(Samples.kigali)
        for forbidden in ["<link", " src=", "@import", "url(", "@font-face", "<iframe"] {
            #expect(!html.contains(forbidden), "the page must load nothing: found \(forbidden)")
        }
        #expect(html.components(separatedBy: "<script>").count == 2, "exactly one inline script")
        #expect(html.components(separatedBy: "<style>").count == 2, "exactly one inline style sheet")
    }

    @Test func hostileSessionTextIsEscaped() throws {
        let html = try AgendaPage.render(Hostile.workspace())
        #expect(!html.contains("<script>document"))
        #expect(
            html.contains(
                "&lt;script&gt;document.documentElement.setAttribute(&#39;data-pwned&#39;,&#39;1&#39;)&lt;/script&gt;"))
        #expect(!html.contains("<b>bold</b>"))
        #expect(html.contains("Zoë &quot;&lt;b&gt;bold&lt;/b&gt;&quot; O&#39;Brien &amp; Co"))
        #expect(!html.contains("<img"))
        #expect(html.contains(#"data-tag="a &quot;tag&quot; &lt;x&gt;""#))
        #expect(html.contains("&lt;i&gt;Org&lt;/i&gt;"))
        #expect(html.components(separatedBy: "<script>").count == 2, "only the page's own script")
    }

    @Test func organisationsShowOnlyWithConsent() throws {
        var workspace = Hostile.workspace()
        var people = workspace.people
        people[0].consent.shareContact = false
        workspace = Workspace(
            path: workspace.path, event: workspace.event, venues: workspace.venues, travelTimes: [], hotels: [],
            people: people, sessions: workspace.sessions, settings: workspace.settings)
        #expect(!(try AgendaPage.render(workspace)).contains("Org"))
    }

    @Test func bothLanguagesOfATitleAreOnThePage() throws {
        let html = try AgendaPage.render(Samples.kigali)
        #expect(
            html.contains(
                #"<span class="l-en" lang="en">Coffee break</span><span class="l-fr" lang="fr">Pause-café</span>"#))
    }

    @Test func labelsExistInBothLanguages() throws {
        let labels = try AgendaLabels.bundled()
        #expect(Set(labels.table["en"]!.keys) == Set(labels.table["fr"]!.keys))
        for kind in Session.Kind.allCases {
            #expect(labels.table["en"]!["kind.\(kind.rawValue)"] != nil, "no label for kind \(kind)")
        }
    }

    @Test func defaultInterfaceLanguageFollowsTheEvent() throws {
        var b = WorkspaceBuilder()
        b.venue("v", rooms: ["r"])
        var workspace = b.build()
        workspace.event.languages = [.french, .english]
        workspace = Workspace(
            path: workspace.path, event: workspace.event, venues: workspace.venues, travelTimes: [], hotels: [],
            people: [], sessions: [], settings: workspace.settings)
        let html = try AgendaPage.render(workspace)
        #expect(html.contains(#"<html lang="fr""#))
        #expect(html.contains(#"<label for="tz" data-i18n="timeZone">Fuseau horaire</label>"#))
        #expect(html.contains(#"data-i18n="noSessions">Aucune session"#), "days without sessions say so")
    }

    @Test("Rooms, venues and tags named in English and French show in the page's language")
    func frenchNamesOfRoomsVenuesAndTags() throws {
        let html = try AgendaPage.render(Samples.kigali)
        // The column heads and each session's place carry both names; the style sheet shows the page language's.
        #expect(
            html.contains(
                #"<span class="room-name"><span class="l-en" lang="en">Meeting Hall 1</span><span class="l-fr" lang="fr">Salle de réunion 1</span></span>"#
            ))
        #expect(
            html.contains(
                #"<span class="l-en" lang="en">Nyandungu Urban Wetland Eco-Tourism Park</span><span class="l-fr" lang="fr">Parc écotouristique des zones humides de Nyandungu</span>"#
            ))
        #expect(
            html.contains(
                #"<li data-tag="climate"><span class="l-en" lang="en">Climate</span><span class="l-fr" lang="fr">Climat</span></li>"#
            ))
        // Options cannot hold markup: the script switches their text (and the page title) from data attributes.
        #expect(
            html.contains(#"<option value="climate" data-text-en="Climate" data-text-fr="Climat">Climate</option>"#))
        #expect(
            html.contains(
                #"<title data-text-en="Cities in Dialogue: the network&#39;s final event" data-text-fr="Villes en dialogue : l&#39;événement final du réseau">"#
            ))
        // A name written once serves both languages; a tag the workspace does not name shows as written.
        #expect(html.contains(#"<span class="room-name"><span lang="en">Auditorium</span></span>"#))
    }

    @Test("A page whose default language is French names rooms and tracks in French before any script runs")
    func frenchDefaultPage() throws {
        var workspace = Samples.kigali
        workspace.event.languages = [.french, .english]
        let html = try AgendaPage.render(workspace)
        #expect(html.contains(#"<html lang="fr""#))
        #expect(html.contains(#"data-text-fr="Climat">Climat</option>"#))
        #expect(
            html.contains(#"<title data-text-en="#)
                && html.contains(">Villes en dialogue : l&#39;événement final du réseau</title>"))
        // Every interface word has a French label, so nothing English is left for the script to show.
        let labels = try AgendaLabels.bundled()
        for key in labels.keys {
            #expect(labels.table["fr"]?[key] != nil, "no French label for \(key)")
        }
    }

    @Test("Venue time names the event's zone, and a session on another clock names its own (issue 14, item 8)")
    func everyTimeHasItsZone() throws {
        var b = WorkspaceBuilder()
        b.venue("kcc", rooms: ["hall"])
        b.onlineVenue("video")
        let start = Instant(utc: "2026-11-17T07:00")
        b.session(
            "opening", interval: Interval(start: start, end: start.adding(minutes: 60)), venue: "kcc", room: "hall")
        let call = Instant(utc: "2026-11-17T15:00")  // 16:00 in Paris, 17:00 in Kigali
        b.session(
            "paris-call", interval: Interval(start: call, end: call.adding(minutes: 60)),
            zone: Zone(identifier: "Europe/Paris")!, venue: "video")
        let html = try AgendaPage.render(b.build())
        #expect(html.contains(#"<strong id="tz-status">Venue time (Africa/Kigali)</strong>"#))
        #expect(html.contains(#"<span data-i18n="otherZones">a session on another clock gives its zone</span>"#))
        #expect(
            html.contains(
                #">16:00</time>–<time class="t-end" datetime="2026-11-17T16:00:00Z">17:00</time><span class="t-zone"> (Europe/Paris)</span>"#
            ))
        #expect(
            html.contains(
                #">09:00</time>–<time class="t-end" datetime="2026-11-17T08:00:00Z">10:00</time><span class="t-zone"></span>"#
            ))

        // One clock only: the status names it and needs no note.
        var single = WorkspaceBuilder()
        single.venue("kcc", rooms: ["hall"])
        single.session(
            "opening", interval: Interval(start: start, end: start.adding(minutes: 60)), venue: "kcc", room: "hall")
        let plain = try AgendaPage.render(single.build())
        #expect(plain.contains(#"<strong id="tz-status">Venue time (Africa/Kigali)</strong>"#))
        #expect(!plain.contains(#"id="tz-others""#))
    }

    @Test func memberCityZonesAreOffered() throws {
        let html = try AgendaPage.render(Samples.kigali)
        #expect(ZoneChoice.memberCities.count == 12)
        for choice in ZoneChoice.memberCities {
            #expect(html.contains("<option value=\"\(choice.zone.identifier)\">\(choice.city)</option>"))
        }
    }

    @Test func calendarLinksAreOnlyTheFilesThatExist() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let context = ExportContext(directory: folder.path)

        _ = try AgendaExporter().export(Samples.kigali, context: context)
        var html = try String(contentsOf: folder.appendingPathComponent("agenda/index.html"), encoding: .utf8)
        #expect(!html.contains(#"href="../calendars"#), "no calendar exported yet, so none linked")

        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("calendars/rooms"), withIntermediateDirectories: true)
        try Data().write(to: folder.appendingPathComponent("calendars/event.ics"))
        try Data().write(to: folder.appendingPathComponent("calendars/rooms/auditorium.ics"))
        _ = try AgendaExporter().export(Samples.kigali, context: context)
        html = try String(contentsOf: folder.appendingPathComponent("agenda/index.html"), encoding: .utf8)
        #expect(
            html.contains(
                #"<a href="../calendars/event.ics" download><span data-i18n="wholeEvent">Whole event</span></a>"#))
        #expect(
            html.contains(
                #"<a href="../calendars/rooms/auditorium.ics" download><span lang="en">Auditorium</span></a>"#))
        #expect(!html.contains("rooms/mh-1.ics"))
        #expect(html.contains(#"<a href="../calendars/rooms/auditorium.ics" download data-i18n="roomCalendar">"#))
    }

    /// Where the export folder is published, each calendar has a `webcal://` subscribe link beside its download;
    /// without it, downloads only (the golden page).
    @Test func aPublicAddressGivesSubscribeLinks() throws {
        let links = [CalendarLink(path: "calendars/event.ics"), CalendarLink(path: "calendars/rooms/salle é.ics")]
        let base = try #require(PublicAddress("https://events.example.org/kigali/")?.webcal)
        #expect(base == "webcal://events.example.org/kigali")
        let html = try AgendaPage.render(Samples.kigali, options: .init(calendarLinks: links, subscribeBase: base))
        #expect(html.contains(#"href="webcal://events.example.org/kigali/calendars/event.ics""#))
        #expect(html.contains(#"href="webcal://events.example.org/kigali/calendars/rooms/salle%20%C3%A9.ics""#))
        #expect(html.components(separatedBy: #"<a class="subscribe""#).count == 3)
        let plain = try AgendaPage.render(Samples.kigali, options: .init(calendarLinks: links))
        #expect(!plain.contains("webcal:") && !plain.contains(#"class="subscribe""#))
        #expect(PublicAddress("http://[::1]:8080")?.webcal == "webcal://[::1]:8080")
        #expect(PublicAddress("http://127.0.0.1:8080")?.webcal == "webcal://127.0.0.1:8080")
        for bad in ["ftp://x.org", "events.example.org", "https://", "https://x.org/?q=1", "javascript:alert(1)"] {
            #expect(PublicAddress(bad) == nil, "\(bad)")
        }
    }

    @Test func givenCalendarLinksArePercentEncoded() {
        #expect(CalendarLink(path: "calendars/rooms/salle é 1.ics").href == "../calendars/rooms/salle%20%C3%A9%201.ics")
        #expect(CalendarLink(path: "calendars/rooms/a.ics").scope == .room("a"))
        #expect(CalendarLink(path: "calendars/event.ics").scope == .wholeEvent)
    }

    @Test func dryRunWritesNothing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try AgendaExporter().export(
            Samples.kigali, context: ExportContext(directory: folder.path, dryRun: true))
        #expect(result.files == ["agenda/index.html"])
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("agenda").path))
    }
}
