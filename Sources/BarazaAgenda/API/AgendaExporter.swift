import BarazaModel
import BarazaOutput
import Foundation

/// `baraza export agenda`: writes `agenda/index.html` in the event's export folder.
public struct AgendaExporter: Exporter {
    /// Which calendar files the page links to.
    public enum CalendarLinks: Hashable, Sendable {
        /// The calendar files present in the export folder when the agenda is written:
        /// `calendars/event.ics` and `calendars/rooms/*.ics`.
        case existing
        /// Exactly these paths (relative to the export folder), e.g. the files the calendar export just wrote.
        case given([String])
    }

    /// The page's path inside the export folder.
    public static let path = "agenda/index.html"

    /// `agenda`, as in `baraza export agenda`.
    public var id: String { "agenda" }
    /// One line for `baraza export --list`.
    public var summary: String {
        "agenda page: one self-contained HTML file with a time-zone switch (agenda/index.html)"
    }
    /// Which calendar files the page links to.
    public var calendarLinks: CalendarLinks
    /// The clocks offered besides venue time and the viewer's own.
    public var zoneChoices: [ZoneChoice]
    /// Where the export folder is served (`webcal://host[/path]`, see ``PublicAddress/webcal``), for
    /// subscribe links beside the calendars' downloads; nil: downloads only.
    public var subscribeBase: String?

    /// An exporter linking the calendars present at export time, offering the member cities, by default.
    public init(
        calendarLinks: CalendarLinks = .existing, zoneChoices: [ZoneChoice] = ZoneChoice.memberCities,
        subscribeBase: String? = nil
    ) {
        self.calendarLinks = calendarLinks
        self.zoneChoices = zoneChoices
        self.subscribeBase = subscribeBase
    }

    /// Plans `agenda/index.html`, linking the calendars of the export folder `directory`; notes name sessions
    /// left out and missing calendars.
    public func plan(_ workspace: Workspace, in directory: String) throws -> ExportPlan {
        let links = resolvedLinks(in: directory)
        let html = try AgendaPage.render(
            workspace, options: .init(calendarLinks: links, zoneChoices: zoneChoices, subscribeBase: subscribeBase))
        var notes = AgendaPage.unresolvedSessions(in: workspace).map {
            ExportNote.always("agenda: session \($0) left out: its time is nonexistent or ambiguous (see baraza check)")
        }
        if links.isEmpty {
            notes.append(.always("no calendar files to link (run baraza export ics first to link them)"))
        }
        return ExportPlan(files: [.text(Self.path, mediaType: "text/html") { html }], notes: notes)
    }

    /// The calendar links for an export folder: the given list, or the files found there now.
    public func resolvedLinks(in directory: String) -> [CalendarLink] {
        switch calendarLinks {
        case .given(let paths):
            return paths.map { CalendarLink(path: $0) }
        case .existing:
            let fm = FileManager.default
            var found: [CalendarLink] = []
            let base = URL(fileURLWithPath: directory)
            if fm.fileExists(atPath: base.appendingPathComponent("calendars/event.ics").path) {
                found.append(CalendarLink(path: "calendars/event.ics"))
            }
            let rooms = base.appendingPathComponent("calendars/rooms")
            let names = (try? fm.contentsOfDirectory(atPath: rooms.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".ics") && !name.hasPrefix(".") {
                found.append(CalendarLink(path: "calendars/rooms/\(name)"))
            }
            return found
        }
    }
}
