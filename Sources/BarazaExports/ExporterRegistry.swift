import BarazaAgenda
import BarazaBadges
import BarazaCalendar
import BarazaLogistics
import BarazaModel
import BarazaOutput
import BarazaPack
import TZDatabase

/// Every export Baraza has, each with its default options, in the order `baraza build` runs them: calendars
/// before the agenda page (which links them), the agenda before the packs. `baraza export --list`,
/// `baraza build` and any later server read this one list; a new exporter is added here and gets its
/// `baraza export <id>` subcommand beside the others in Sources/baraza/Export.
public enum ExporterRegistry {
    /// The exporters with their defaults. A build neither publishes invitations nor records a print run: it
    /// writes the messages and badges without marking them sent or printed.
    public static var all: [any Exporter] {
        [
            calendars(),
            InvitationExporter(systemTimeZoneDirectory: systemTimeZoneDirectory, recordsState: false),
            BadgeExporter(options: BadgeExporter.Options(recordsPrint: false)),
            LogisticsExporter(),
            AgendaExporter(),
            ScheduleXMLExporter(),
            packs(),
        ]
    }

    /// The ids, in build order.
    public static var ids: [String] { all.map(\.id) }

    /// The exporter with this id, with its defaults; nil for an unknown id.
    public static func exporter(id: String) -> (any Exporter)? { all.first { $0.id == id } }

    /// The compiled tz database the calendars follow where it is newer than Foundation's and disagrees: the
    /// system's (`$TZDIR`, else `/usr/share/zoneinfo`), decided in one place, `TZDatabase.systemDirectory`.
    public static var systemTimeZoneDirectory: String { TZDatabase.systemDirectory }

    /// The calendars, with everyone's transfer pick-ups.
    public static func calendars() -> CalendarsWithTransfers {
        CalendarsWithTransfers(base: CalendarExporter(systemTimeZoneDirectory: systemTimeZoneDirectory))
    }

    /// Invitations stamped `stamp` (nil: after the previous publication), recording what was sent.
    public static func invitations(stamp: Instant?) -> InvitationExporter {
        InvitationExporter(stamp: stamp, systemTimeZoneDirectory: systemTimeZoneDirectory)
    }

    /// Material packs for `audiences`, embedding the agenda page and the whole-event calendar.
    public static func packs(audiences: [PackAudience] = [.public, .participants]) -> PacksWithAgendaAndCalendar {
        PacksWithAgendaAndCalendar(
            base: PackExporter(audiences: audiences),
            calendars: CalendarExporter(systemTimeZoneDirectory: systemTimeZoneDirectory))
    }
}
