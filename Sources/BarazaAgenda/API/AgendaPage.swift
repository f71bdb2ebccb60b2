import BarazaModel
import Foundation
import Mustache

/// The agenda page: one self-contained HTML file (styles and script inline, system fonts) rendered from the
/// Mustache template in this module's resources, each session's article written by `SessionArticle`.
///
/// Days are tabs; wide screens get a days × rooms grid and phones a list; each session carries its UTC instants
/// (`data-start`) so the page can show every time in the venue's zone, the viewer's zone or a member city's.
/// Every value is HTML-escaped. Same workspace and options, same bytes.
public enum AgendaPage {
    /// What the page links to and offers.
    public struct Options: Sendable {
        /// Calendar files to link, by path inside the export folder; only these are linked.
        public var calendarLinks: [CalendarLink]
        /// The clocks offered besides venue time and the viewer's own.
        public var zoneChoices: [ZoneChoice]
        /// Where the export folder is served, as `webcal://host[:port][/path]` (``PublicAddress/webcal``):
        /// each calendar link then has a subscribe link beside its download. Nil: download links only.
        public var subscribeBase: String?

        /// No calendar links and the member cities, by default.
        public init(
            calendarLinks: [CalendarLink] = [], zoneChoices: [ZoneChoice] = ZoneChoice.memberCities,
            subscribeBase: String? = nil
        ) {
            self.calendarLinks = calendarLinks
            self.zoneChoices = zoneChoices
            self.subscribeBase = subscribeBase
        }
    }

    /// Renders the page for `workspace`. Sessions whose wall time names no single instant are left out
    /// (`unresolvedSessions` lists them).
    public static func render(_ workspace: Workspace, options: Options = Options()) throws -> String {
        let library = try AgendaTemplates.library.get()
        let labels = try AgendaLabels.bundled()
        var view = AgendaViewBuilder(workspace: workspace, labels: labels, options: options).page()
        renderSessions(of: &view)
        guard let html = library.render(view, withTemplate: "agenda") else {
            throw AgendaError.missingResource("agenda.html.mustache")
        }
        return html
    }

    /// Writes every session's `<article>` (`SessionArticle`) on every core, the sessions being independent; the
    /// page template places each as it is.
    static func renderSessions(of view: inout PageView) {
        var positions: [(day: Int, session: Int)] = []
        for (d, day) in view.days.enumerated() {
            for s in day.sessions.indices { positions.append((d, s)) }
        }
        let page = view
        let order = positions
        let article = SessionArticle(labels: view.t)
        let pieces = max(1, min(order.count / 64, ProcessInfo.processInfo.activeProcessorCount * 4))
        let rendered = RenderedArticles(count: order.count)
        DispatchQueue.concurrentPerform(iterations: pieces) { piece in
            for i in (order.count * piece / pieces)..<(order.count * (piece + 1) / pieces) {
                let (d, s) = order[i]
                rendered.set(i, article.html(page.days[d].sessions[s]))
            }
        }
        for (i, (d, s)) in positions.enumerated() { view.days[d].sessions[s].html = rendered.get(i) }
    }

    /// The sessions the page leaves out because their time is nonexistent or ambiguous.
    public static func unresolvedSessions(in workspace: Workspace) -> [Session.ID] { Programme(workspace).unresolved }
}

/// The articles rendered on several threads, each slot written once by one of them.
private final class RenderedArticles: @unchecked Sendable {
    private var slots: [String]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: "", count: count) }

    func set(_ index: Int, _ html: String) { lock.withLock { slots[index] = html } }

    func get(_ index: Int) -> String { lock.withLock { slots[index] } }
}
