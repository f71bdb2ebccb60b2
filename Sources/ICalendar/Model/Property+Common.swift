import Foundation

/// The properties most calendars need, named as in RFC 5545.
extension Property {
    /// `UID`: a stable, globally unique identifier.
    public static func uid(_ uid: String) -> Property { .text("UID", uid) }
    /// `DTSTAMP`: when this copy was produced, in UTC. Pass the export clock, never `Date()`.
    public static func dtstamp(_ instant: Date) -> Property { .dateTime("DTSTAMP", instant) }
    /// `DTSTART` at `instant`, in `zone` (TZID) or UTC when `zone` is `nil`.
    public static func dtstart(_ instant: Date, in zone: TimeZone? = nil) -> Property {
        .dateTime("DTSTART", instant, in: zone)
    }
    /// `DTEND` at `instant`, in `zone` (TZID) or UTC when `zone` is `nil`.
    public static func dtend(_ instant: Date, in zone: TimeZone? = nil) -> Property {
        .dateTime("DTEND", instant, in: zone)
    }
    /// `SUMMARY`: the one-line title.
    public static func summary(_ text: String, language: String? = nil) -> Property {
        .text("SUMMARY", text, parameters: language.map { [Parameter("LANGUAGE", $0)] } ?? [])
    }
    /// `DESCRIPTION`: free text, line breaks allowed.
    public static func description(_ text: String, language: String? = nil) -> Property {
        .text("DESCRIPTION", text, parameters: language.map { [Parameter("LANGUAGE", $0)] } ?? [])
    }
    /// `LOCATION`: where it happens.
    public static func location(_ text: String) -> Property { .text("LOCATION", text) }
    /// `SEQUENCE`: the revision number, rising with each published change.
    public static func sequence(_ number: Int) -> Property { .integer("SEQUENCE", number) }
    /// `URL`: a link for the event.
    public static func url(_ url: URL) -> Property { .uri("URL", url) }
    /// `TRIGGER` relative to the start (`-PT15M` is fifteen minutes before).
    public static func trigger(_ offset: ICalDuration) -> Property { .duration("TRIGGER", offset) }
}
