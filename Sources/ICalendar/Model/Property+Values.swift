import Foundation

/// Typed factories: each formats or escapes its value so the result is valid iCalendar.
extension Property {
    /// A TEXT property; `\`, `;`, `,` and line breaks are escaped.
    public static func text(_ name: String, _ text: String, parameters: [Parameter] = []) -> Property {
        Property(name: name, parameters: parameters, rawValue: TextEscaping.escape(text))
    }

    /// A DATE-TIME property for an instant: in UTC (`20261125T090000Z`) when `zone` is `nil` or UTC,
    /// otherwise as local time with TZID (`DTSTART;TZID=Africa/Kigali:20261125T110000`).
    ///
    /// A TZID must be matched by a VTIMEZONE in the calendar (see ``VTimeZoneBuilder``).
    public static func dateTime(_ name: String, _ instant: Date, in zone: TimeZone? = nil) -> Property {
        guard let zone, !isUTC(zone) else {
            return Property(name: name, rawValue: LocalDateTime(instant, offsetSeconds: 0).iCalendarText + "Z")
        }
        return dateTime(name, LocalDateTime(instant, in: zone), tzid: zone.identifier)
    }

    /// A TEXT list property (`CATEGORIES:climate,housing`): each item is escaped, then joined with `,`.
    public static func textList(_ name: String, _ items: [String], parameters: [Parameter] = []) -> Property {
        Property(name: name, parameters: parameters, rawValue: items.map(TextEscaping.escape).joined(separator: ","))
    }

    /// A DATE-TIME property for a wall-clock time in the zone `tzid`.
    public static func dateTime(_ name: String, _ local: LocalDateTime, tzid: String) -> Property {
        Property(name: name, parameters: [Parameter("TZID", tzid)], rawValue: local.iCalendarText)
    }

    /// A DATE property (`DTSTART;VALUE=DATE:20261125`), for all-day events.
    public static func date(_ name: String, _ date: CalendarDate) -> Property {
        Property(name: name, parameters: [Parameter("VALUE", "DATE")], rawValue: date.iCalendarText)
    }

    /// A DURATION property (`DURATION:PT1H30M`, `TRIGGER:-PT15M`).
    public static func duration(_ name: String, _ duration: ICalDuration) -> Property {
        Property(name: name, rawValue: duration.iCalendarText)
    }

    /// A URI property (`URL:https://...`); the URI is written as given, so pass a valid one.
    public static func uri(_ name: String, _ uri: URL, parameters: [Parameter] = []) -> Property {
        Property(name: name, parameters: parameters, rawValue: uri.absoluteString)
    }

    /// An INTEGER property (`SEQUENCE:2`).
    public static func integer(_ name: String, _ value: Int) -> Property {
        Property(name: name, rawValue: String(value))
    }

    /// A UTC-OFFSET property (`TZOFFSETFROM:+0200`).
    public static func utcOffset(_ name: String, seconds: Int) -> Property {
        Property(name: name, rawValue: UTCOffset.text(seconds: seconds))
    }

    /// A CAL-ADDRESS property (`ATTENDEE;CN="Amina Uwase":mailto:amina@example.org`).
    public static func calendarAddress(
        _ name: String, email: String, commonName: String? = nil,
        parameters: [Parameter] = []
    ) -> Property {
        let cn = commonName.map { [Parameter("CN", $0)] } ?? []
        return Property(name: name, parameters: cn + parameters, rawValue: "mailto:" + email)
    }

    private static func isUTC(_ zone: TimeZone) -> Bool {
        ["UTC", "GMT", "Etc/UTC", "Etc/GMT"].contains(zone.identifier)
    }
}
