import Foundation

@testable import ICalendar

/// Calendars used by the golden-file and validator tests.
enum SampleCalendars {
    /// The export clock: every DTSTAMP in the samples.
    static let stamp = TestDates.utc("2026-09-01T08:00:00Z")

    struct Event {
        var uid: String
        var summary: String
        var start: String
        var end: String
        /// `nil` writes UTC.
        var zone: String?
        var extra: [Property] = []
        var alarms: [Component] = []
    }

    /// A VCALENDAR with one VTIMEZONE per zone used (covering that zone's events), in order of first use.
    static func calendar(_ events: [Event], name: String) -> Component {
        var zoneOrder: [String] = []
        var spans: [String: (from: Date, to: Date)] = [:]
        for event in events {
            guard let zone = event.zone else { continue }
            let (start, end) = (TestDates.utc(event.start), TestDates.utc(event.end))
            if let span = spans[zone] {
                spans[zone] = (min(span.from, start), max(span.to, end))
            } else {
                zoneOrder.append(zone)
                spans[zone] = (start, end)
            }
        }
        let timeZones = zoneOrder.map { id in
            VTimeZone.component(for: TestDates.zone(id), from: spans[id]!.from, to: spans[id]!.to)
        }
        let vevents = events.map { event in
            let zone = event.zone.map(TestDates.zone)
            return Component(
                "VEVENT",
                properties: [
                    .uid(event.uid),
                    .dtstamp(stamp),
                    .dtstart(TestDates.utc(event.start), in: zone),
                    .dtend(TestDates.utc(event.end), in: zone),
                    .summary(event.summary),
                ] + event.extra, components: event.alarms)
        }
        return .calendar(
            productID: "-//Baraza//ICalendar tests//EN",
            properties: [.text("X-WR-CALNAME", name)], components: timeZones + vevents)
    }

    static let bilingual = """
        Welcome to the opening plenary of the East African logistics forum; bring your badge, \
        your questions and a reusable cup.
        Bienvenue à la plénière d'ouverture du forum logistique d'Afrique de l'Est ; apportez votre badge, \
        vos questions et une tasse réutilisable, s'il vous plaît.
        """
    static let arabic =
        "مرحبا بكم في الجلسة الافتتاحية للمنتدى، يرجى إحضار الشارة والأسئلة. القاعة: أكاجيرا، الطابق الثاني"

    /// Small and platform-independent (Kigali's VTIMEZONE has no transitions): the golden file.
    static var small: Component {
        var allDay = Component(
            "VEVENT",
            properties: [
                .uid("arrival-day@baraza.example"),
                .dtstamp(stamp),
                .date("DTSTART", CalendarDate(year: 2026, month: 11, day: 24)),
                .date("DTEND", CalendarDate(year: 2026, month: 11, day: 25)),
                .summary("Arrivals, airport pick-ups"),
            ])
        allDay.properties.append(.text("CATEGORIES", "Logistics"))
        var calendar = Self.calendar(
            [
                Event(
                    uid: "plenary@baraza.example", summary: "Opening plenary / Plénière d'ouverture",
                    start: "2026-11-25T09:00:00Z", end: "2026-11-25T10:30:00Z", zone: "Africa/Kigali",
                    extra: [
                        .description(bilingual),
                        .location("Kigali Convention Centre, Hall A; Auditorium"),
                        .calendarAddress(
                            "ORGANIZER", email: "programme@baraza.example", commonName: "Programme, Baraza"),
                        .calendarAddress(
                            "ATTENDEE", email: "amina@baraza.example", commonName: "Amina Uwase",
                            parameters: [Parameter("ROLE", "REQ-PARTICIPANT")]),
                        .calendarAddress("ATTENDEE", email: "helene@baraza.example", commonName: "Hélène Dubois"),
                        .sequence(2),
                        .url(URL(string: "https://baraza.example/agenda/plenary")!),
                    ],
                    alarms: [
                        .displayAlarm(
                            trigger: ICalDuration(minutes: 15, negative: true), description: "Plenary in 15 minutes")
                    ]),
                Event(
                    uid: "call@baraza.example", summary: "Remote speakers' check", start: "2026-11-24T15:00:00Z",
                    end: "2026-11-24T15:45:00Z", zone: nil, extra: [.description(arabic, language: "ar")]),
            ], name: "Baraza — small sample")
        calendar.components.append(allDay)
        return calendar
    }

    /// Zones with and without clock changes, for the independent validator.
    static var validatorSample: Component {
        calendar(
            [
                Event(
                    uid: "gala@baraza.example", summary: "Dîner de gala", start: "2026-10-24T17:00:00Z",
                    end: "2026-10-24T21:00:00Z", zone: "Europe/Paris", extra: [.description(bilingual)]),
                // 01:30 CEST to 04:00 CET: runs through the night the clocks go back.
                Event(
                    uid: "night-shift@baraza.example", summary: "Set-up crew, night shift",
                    start: "2026-10-24T23:30:00Z",
                    end: "2026-10-25T03:00:00Z", zone: "Europe/Paris",
                    alarms: [
                        .displayAlarm(trigger: ICalDuration(minutes: 30, negative: true), description: "Night shift")
                    ]),
                Event(
                    uid: "paris-workshop@baraza.example", summary: "Atelier, salle Seine",
                    start: "2026-10-26T08:00:00Z",
                    end: "2026-10-26T09:30:00Z", zone: "Europe/Paris"),
                Event(
                    uid: "rabat-before@baraza.example", summary: "Site visit, Casablanca (+01)",
                    start: "2026-02-10T09:00:00Z", end: "2026-02-10T10:00:00Z", zone: "Africa/Casablanca"),
                // 22:00 (+01) to 04:00 (+00): through the Ramadan change of 2026-02-15.
                Event(
                    uid: "rabat-across@baraza.example", summary: "Overnight transfer", start: "2026-02-14T21:00:00Z",
                    end: "2026-02-15T04:00:00Z", zone: "Africa/Casablanca", extra: [.description(arabic)]),
                Event(
                    uid: "rabat-ramadan@baraza.example", summary: "Iftar briefing — إحاطة الإفطار",
                    start: "2026-03-01T17:00:00Z", end: "2026-03-01T18:00:00Z", zone: "Africa/Casablanca",
                    extra: [.description(arabic, language: "ar")],
                    alarms: [.displayAlarm(trigger: ICalDuration(hours: 1, negative: true), description: arabic)]),
                Event(
                    uid: "rabat-after@baraza.example", summary: "Debrief, Casablanca (+01)",
                    start: "2026-03-25T09:00:00Z", end: "2026-03-25T10:00:00Z", zone: "Africa/Casablanca"),
                Event(
                    uid: "kigali-plenary@baraza.example", summary: "Opening plenary / Plénière d'ouverture",
                    start: "2026-11-25T09:00:00Z", end: "2026-11-25T10:30:00Z", zone: "Africa/Kigali",
                    extra: [
                        .description(bilingual + "\n" + arabic),
                        .calendarAddress("ATTENDEE", email: "fatima@baraza.example", commonName: "فاطمة الزهراء"),
                    ]),
                Event(
                    uid: "utc-call@baraza.example", summary: "Remote speakers' check, all zones",
                    start: "2026-11-24T15:00:00Z", end: "2026-11-24T15:45:00Z", zone: nil,
                    extra: [.description(bilingual), .location("Online; link in the e-mail, not here")],
                    alarms: [
                        .displayAlarm(
                            trigger: ICalDuration(minutes: 15, negative: true), description: "Speakers' check")
                    ]),
            ], name: "Baraza — validator sample")
    }
}
