import ArgumentParser
import BarazaAgenda
import BarazaChecks
import BarazaOutput

/// `baraza export agenda`: the agenda page.
struct ExportAgenda: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "Write the agenda page: one self-contained HTML file (agenda/index.html).",
        discussion: """
            The page needs no network: styles and script are inline and it uses the system's fonts. Days are
            tabs, wide screens show a days × rooms grid and phones a list. Viewers switch the clock between
            venue time, their own zone and any member city, filter by track and language, and switch between
            English and French. The state is kept in the address (#tz=Africa/Lagos&lang=fr), so links share it.

            Calendar files already in the export folder (calendars/event.ics, calendars/rooms/*.ics) are linked;
            run `baraza export ics` first, or name the files with --calendar.

            Examples:
              baraza export agenda events/final-kigali-2027
              baraza export agenda events/final-kigali-2027 --out /tmp/site
              baraza export agenda events/final-kigali-2027 --calendar calendars/event.ics
              baraza export agenda events/final-kigali-2027 --public-url https://events.example.org/kigali
            """)

    @OptionGroup var options: ExportOptions

    @Option(
        name: .customLong("calendar"),
        help: "A calendar file to link, relative to the export folder (repeatable; default: the ones present).")
    var calendars: [String] = []

    @Option(
        help: ArgumentHelp(
            "Where the export folder is published: each calendar gets a webcal:// subscribe link beside its download.",
            valueName: "http(s)://host[/path]"))
    var publicURL: String?

    /// A calendar link must stay inside the export folder and name an .ics file: `/etc/passwd` or `../x` would
    /// become a dead or misleading download link on the page.
    func validate() throws {
        if let publicURL, PublicAddress(publicURL) == nil {
            throw ValidationError("--public-url \(publicURL): expected http(s)://host[:port][/path]")
        }
        for path in calendars {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            guard !path.hasPrefix("/"), !parts.contains(".."), !parts.contains(""), path.lowercased().hasSuffix(".ics")
            else {
                throw ValidationError(
                    "--calendar `\(path)`: expected an .ics file relative to the export folder, "
                        + "e.g. calendars/event.ics")
            }
        }
    }

    func run() throws {
        // Rule ids are known so that a workspace with `checks.severity` settings loads.
        let workspace = try options.loadWorkspace()
        let exporter = AgendaExporter(
            calendarLinks: calendars.isEmpty ? .existing : .given(calendars),
            subscribeBase: publicURL.flatMap(PublicAddress.init)?.webcal)
        try options.run(exporter, on: workspace)
    }
}
