import Foundation

/// Artefacts made by other exporters that a pack carries as they are. Each is optional: where one is
/// absent, the pack's index says so plainly and nothing stands in for it.
public struct PackInputs: Sendable, Hashable {
    /// The final agenda page (self-contained HTML), stored as `agenda/agenda.html`.
    public var agendaPage: Data?
    /// The whole-event calendar (`.ics`), stored as `calendar/<event id>.ics`.
    public var eventCalendar: Data?

    /// Inputs for a pack; both default to absent.
    public init(agendaPage: Data? = nil, eventCalendar: Data? = nil) {
        self.agendaPage = agendaPage
        self.eventCalendar = eventCalendar
    }
}
