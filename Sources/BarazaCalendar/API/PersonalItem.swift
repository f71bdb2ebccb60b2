import BarazaModel

/// A timed item on one person's calendar that the programme does not hold, such as a transfer pick-up.
///
/// The logistics module (or anyone else) hands these to ``CalendarExporter``; each becomes one event in that
/// person's calendar, in `zone`, with a stable UID built from `id`.
public struct PersonalItem: Hashable, Sendable {
    /// Unique among the person's items (for example `pickup-2027-03-22`); part of the event's UID.
    public var id: String
    /// Whose calendar it goes into.
    public var person: Person.ID
    /// The title, in English and/or French.
    public var title: LocalizedText
    /// When it happens.
    public var interval: Interval
    /// The zone its times are shown in (where it happens).
    public var zone: Zone
    /// Where it happens, as one line (a meeting point, a terminal).
    public var place: String?
    /// Further details, in English and/or French.
    public var details: LocalizedText?

    /// Creates an item; `interval` may be empty (it is then shown as a 15-minute slot).
    public init(
        id: String, person: Person.ID, title: LocalizedText, interval: Interval, zone: Zone, place: String? = nil,
        details: LocalizedText? = nil
    ) {
        self.id = id
        self.person = person
        self.title = title
        self.interval = interval
        self.zone = zone
        self.place = place
        self.details = details
    }
}
