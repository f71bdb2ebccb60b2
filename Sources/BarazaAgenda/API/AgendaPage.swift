import BarazaModel
import Foundation

/// The agenda page: one self-contained HTML file (styles and script inline, system fonts) rendered from the
/// Mustache template in this module's resources.
///
/// Days are tabs; wide screens get a days × rooms grid and phones a list; each session carries its UTC instants
/// (`data-start`) so the page can show every time in the venue's zone, the viewer's zone or a member city's.
/// Every value is HTML-escaped by the template engine. Same workspace and options, same bytes.
public enum AgendaPage {
    /// What the page links to and offers.
    public struct Options: Sendable {
        /// Calendar files to link, by path inside the export folder; only these are linked.
        public var calendarLinks: [CalendarLink]
        /// The clocks offered besides venue time and the viewer's own.
        public var zoneChoices: [ZoneChoice]

        /// No calendar links and the member cities, by default.
        public init(calendarLinks: [CalendarLink] = [], zoneChoices: [ZoneChoice] = ZoneChoice.memberCities) {
            self.calendarLinks = calendarLinks
            self.zoneChoices = zoneChoices
        }
    }

    /// Renders the page for `workspace`. Sessions whose wall time names no single instant are left out
    /// (`unresolvedSessions` lists them).
    public static func render(_ workspace: Workspace, options: Options = Options()) throws -> String {
        let library = try AgendaTemplates.library.get()
        let labels = try AgendaLabels.bundled()
        let view = AgendaViewBuilder(workspace: workspace, labels: labels, options: options).page()
        guard let html = library.render(view, withTemplate: "agenda") else {
            throw AgendaError.missingResource("agenda.html.mustache")
        }
        return html
    }

    /// The sessions the page leaves out because their time is nonexistent or ambiguous.
    public static func unresolvedSessions(in workspace: Workspace) -> [Session.ID] { Programme(workspace).unresolved }
}
