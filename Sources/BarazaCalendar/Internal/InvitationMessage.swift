import BarazaModel
import Foundation
import ICalendar

/// Builds the iTIP calendar and the iMIP message of one ``InvitationPlan/Delivery``.
struct InvitationMessage {
    let builder: CalendarBuilder
    let plan: InvitationPlan
    var options = InvitationMailOptions()

    var workspace: Workspace { builder.workspace }

    /// The `.ics` and `.eml` octets; nil when the person or their address is missing.
    func files(for delivery: InvitationPlan.Delivery) -> (calendar: Data, mail: Data)? {
        guard let person = workspace.peopleByID[delivery.person], let email = person.email, !email.isEmpty else {
            return nil
        }
        let language = CalendarLanguage(for: person)
        let session = workspace.sessionsByID[delivery.session]
        let organizer = workspace.event.organizer
        var properties: [Property]
        var zones: [Zone] = []
        var interval: Interval?
        if let session,
            let (component, used, span) = builder.sessionComponent(
                session, language: language, sequence: delivery.sequence)
        {
            properties = component.properties
            zones = used
            interval = span
        } else {
            // The session is gone: cancel from what was sent (times in UTC, no VTIMEZONE needed).
            let sent = plan.state.sessions[delivery.session.rawValue]
            properties = [
                .uid(sent?.uid ?? EventText.uid(session: delivery.session, event: workspace.event.id)),
                .dtstamp(builder.stampDate), .sequence(delivery.sequence),
            ]
            if let sent, let start = CalendarStamp.parse(sent.start), let end = CalendarStamp.parse(sent.end) {
                properties += [.dateTime("DTSTART", Self.date(start)), .dateTime("DTEND", Self.date(end))]
            }
            properties.append(.summary(sent?.summary ?? delivery.session.rawValue))
        }
        let role = session.map { InvitationPlan.role(of: person.id, in: $0) } ?? "REQ-PARTICIPANT"
        var attendee: [Parameter] = [Parameter("CUTYPE", "INDIVIDUAL"), Parameter("ROLE", role)]
        if delivery.method == .request {
            attendee += [Parameter("PARTSTAT", "NEEDS-ACTION"), Parameter("RSVP", "TRUE")]
        }
        let insertAt = properties.firstIndex { $0.name == "DTSTART" } ?? properties.count
        properties.insert(
            contentsOf: [
                .calendarAddress("ORGANIZER", email: organizer.email, commonName: organizer.name),
                .calendarAddress("ATTENDEE", email: email, commonName: person.name, parameters: attendee),
            ], at: insertAt)
        properties.append(Property(name: "STATUS", rawValue: delivery.method == .request ? "CONFIRMED" : "CANCELLED"))
        let alarms =
            delivery.method == .request
            ? (builder.sessionComponent(session!, language: language, sequence: nil)?.0.components ?? []) : []
        let event = Component("VEVENT", properties: properties, components: alarms)

        var calendar = ""
        let header = Component.calendar(productID: CalendarBuilder.productID, method: delivery.method.rawValue)
        calendar += "BEGIN:VCALENDAR\r\n"
        for property in header.properties { ICalendarWriter.write(property, to: &calendar) }
        if let interval {
            let entry = CalendarEntry(text: "", uid: "", interval: interval, zones: zones)
            for zone in builder.timeZoneTexts(for: [entry]) { calendar += zone }
        }
        ICalendarWriter.write(event, to: &calendar)
        calendar += "END:VCALENDAR\r\n"
        let calendarData = Data(calendar.utf8)

        let from = MailMessage.Address(name: organizer.name, email: organizer.email)
        let mail = MailMessage(
            date: builder.stamp, from: from, sender: options.sender.map { .init(name: "", email: $0) },
            replyTo: options.replyTo.map { .init(name: "", email: $0) } ?? from,
            to: .init(name: person.name, email: email),
            subject: subject(delivery, session: session), messageID: messageID(delivery),
            alternatives: [
                .init(
                    contentType: "text/plain; charset=UTF-8", disposition: nil,
                    body: Data(body(delivery, person: person, session: session).utf8)),
                .init(
                    contentType: "text/calendar; method=\(delivery.method.rawValue); charset=UTF-8",
                    disposition: nil, body: calendarData),
            ],
            attachments: [
                .init(
                    contentType: "application/ics; name=\"invite.ics\"",
                    disposition: "attachment; filename=\"invite.ics\"", body: calendarData)
            ])
        return (calendarData, mail.rendered())
    }

    private static func date(_ instant: Instant) -> Date {
        Date(timeIntervalSince1970: TimeInterval(instant.secondsSince1970))
    }

    private func title(_ delivery: InvitationPlan.Delivery, _ session: Session?) -> LocalizedText {
        session?.title
            ?? {
                let summary = plan.state.sessions[delivery.session.rawValue]?.summary ?? delivery.session.rawValue
                return LocalizedText(english: summary, french: summary)
            }()
    }

    func subject(_ delivery: InvitationPlan.Delivery, session: Session?) -> String {
        let title = title(delivery, session)
        switch (delivery.method, delivery.sequence) {
        case (.cancel, _): return "Cancelled / Annulé : " + title.bilingual
        case (.request, 0): return "Invitation: " + title.bilingual
        case (.request, _): return "Updated / Mis à jour : " + title.bilingual
        }
    }

    /// `<sequence>.<method>.<digest of event, session, person>@<organiser's domain>`: the same delivery always
    /// gets the same id, and ids never carry personal data.
    func messageID(_ delivery: InvitationPlan.Delivery) -> String {
        let domain = workspace.event.organizer.email.split(separator: "@").last.map(String.init) ?? "baraza.invalid"
        let digest = Fingerprint.of([workspace.event.id.rawValue, delivery.session.rawValue, delivery.person.rawValue])
        return "baraza.\(delivery.sequence).\(delivery.method.rawValue.lowercased()).\(digest)@\(domain)"
    }

    /// The plain-text part: English, then French.
    func body(_ delivery: InvitationPlan.Delivery, person: Person, session: Session?) -> String {
        let title = title(delivery, session)
        var when: String?
        if let session, let interval = session.interval {
            when = Self.span(interval, in: session.zone)
            if let home = person.homeZone, home.offset(at: interval.start) != session.zone.offset(at: interval.start) {
                when! += " = " + Self.span(interval, in: home)
            }
        }
        let text = EventText(workspace: workspace)
        let place = session.flatMap { text.location(of: $0, in: .both) }
        let link = session.flatMap { text.url(of: $0) }?.absoluteString
        func block(_ l: CalendarLanguage) -> String {
            let name = l.pick(title)
            var lines = [l.pick(en: "Dear \(person.name),", fr: "Bonjour \(person.name),"), ""]
            switch (delivery.method, delivery.sequence) {
            case (.cancel, _) where delivery.reason == "removed from the session":
                lines.append(
                    l.pick(
                        en: "You are no longer expected at “\(name)”.",
                        fr: "Votre participation à « \(name) » n'est plus prévue."))
            case (.cancel, _):
                lines.append(l.pick(en: "“\(name)” has been cancelled.", fr: "« \(name) » est annulé."))
            case (.request, 0):
                lines.append(l.pick(en: "You are invited to “\(name)”.", fr: "Vous êtes invité·e à « \(name) »."))
            case (.request, _):
                lines.append(
                    l.pick(
                        en: "“\(name)” has changed; here is the updated invitation.",
                        fr: "« \(name) » a changé ; voici l'invitation à jour."))
            }
            if delivery.method == .request {
                if let when { lines.append(l.pick(en: "When: ", fr: "Quand : ") + when) }
                if let place { lines.append(l.pick(en: "Where: ", fr: "Où : ") + place) }
                if let link { lines.append(l.pick(en: "Link: ", fr: "Lien : ") + link) }
                lines += [
                    "",
                    l.pick(
                        en: "Please answer the attached calendar invitation.",
                        fr: "Merci de répondre à l'invitation de calendrier jointe."),
                ]
                if let feed = options.personalFeeds[person.id.rawValue] {
                    lines += [
                        "",
                        l.pick(
                            en: "Your own calendar of the event, which follows every change by itself (subscribe to "
                                + "it in your calendar app; the address is yours alone):",
                            fr: "Votre calendrier de l'événement, qui suit seul chaque changement (abonnez-vous-y "
                                + "dans votre application de calendrier ; cette adresse n'est qu'à vous) :"),
                        feed,
                    ]
                }
            }
            lines += ["", workspace.event.organizer.name]
            return lines.joined(separator: "\r\n")
        }
        return block(.english) + "\r\n\r\n-----\r\n\r\n" + block(.french) + "\r\n"
    }

    /// `2027-03-23 14:00–15:30 (Africa/Kigali)`.
    static func span(_ interval: Interval, in zone: Zone) -> String {
        let start = zone.localDateTime(at: interval.start)
        let end = zone.localDateTime(at: interval.end)
        let endText = start.date == end.date ? end.time.description : end.description
        return "\(start)–\(endText) (\(zone.identifier))"
    }
}
