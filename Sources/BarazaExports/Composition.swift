import BarazaAgenda
import BarazaCalendar
import BarazaLogistics
import BarazaModel
import BarazaOutput
import BarazaPack
import Foundation

// Exporters never depend on each other (DESIGN.md §1); where one export shows another's product, they are
// composed here: personal calendars get the transfer runs that logistics plans, and packs embed the agenda page
// and the whole-event calendar.

/// Calendars whose personal files include each person's transfer pick-ups, as planned by `BarazaLogistics`.
public struct CalendarsWithTransfers: Exporter {
    /// The calendars, before the pick-ups are added.
    public var base: CalendarExporter

    public init(base: CalendarExporter) { self.base = base }

    public var id: String { base.id }
    public var summary: String { base.summary }

    public func plan(_ workspace: Workspace, in directory: String) throws -> ExportPlan {
        var exporter = base
        exporter.extraItems += Self.pickUps(TransferPlanner().plan(workspace), in: workspace)
        return try exporter.plan(workspace, in: directory)
    }

    /// One calendar item per person and transfer run: where and when they are picked up, and where to.
    public static func pickUps(_ plan: TransferPlan, in workspace: Workspace) -> [PersonalItem] {
        var items: [PersonalItem] = []
        var seen = Set<Person.ID>()
        for person in workspace.people where seen.insert(person.id).inserted {
            for transfer in plan.transfers(for: person.id) {
                let from = transfer.passenger.pickUp.name
                let to = transfer.passenger.dropOff.name
                let title: LocalizedText
                switch transfer.run.kind {
                case .arrival:
                    title = LocalizedText(
                        english: "Pick-up: \(from) → \(to)", french: "Accueil et transfert : \(from) → \(to)")
                case .departure:
                    title = LocalizedText(english: "Transfer: \(from) → \(to)", french: "Transfert : \(from) → \(to)")
                case .shuttle:
                    title = LocalizedText(english: "Shuttle: \(from) → \(to)", french: "Navette : \(from) → \(to)")
                case .morning, .evening:
                    title = LocalizedText(
                        english: "Hotel run: \(from) → \(to)", french: "Navette de l'hôtel : \(from) → \(to)")
                }
                var en = "Run \(transfer.run.id)"
                var fr = "Trajet \(transfer.run.id)"
                if let vehicle = transfer.run.vehicle.flatMap({ id in workspace.logistics.vehicles.first { $0.id == id }
                }) {
                    en += ", \(vehicle.name)"
                    fr += ", \(vehicle.name)"
                }
                if let deadline = transfer.passenger.deadline {
                    let local = transfer.run.zone.localDateTime(at: deadline).time
                    en += "; at the departure place by \(local)"
                    fr += " ; sur place avant \(local)"
                }
                items.append(
                    PersonalItem(
                        id: "transfer-\(transfer.run.id)", person: person.id, title: title,
                        interval: transfer.interval, zone: transfer.run.zone, place: from,
                        details: LocalizedText(english: en, french: fr)))
            }
        }
        return items
    }
}

/// Material packs that embed the agenda page and the whole-event calendar.
public struct PacksWithAgendaAndCalendar: Exporter {
    /// The packs, before the agenda page and the calendar are supplied.
    public var base: PackExporter
    /// Makes the whole-event calendar the packs embed.
    public var calendars: CalendarExporter

    public init(base: PackExporter, calendars: CalendarExporter) {
        self.base = base
        self.calendars = calendars
    }

    public var id: String { base.id }
    public var summary: String { base.summary }

    public func plan(_ workspace: Workspace, in directory: String) throws -> ExportPlan {
        var exporter = base
        exporter.inputs = PackInputs(
            agendaPage: Data(try AgendaPage.render(workspace).utf8),
            eventCalendar: try calendars.eventCalendar(workspace))
        return try exporter.plan(workspace, in: directory)
    }
}
