import ArgumentParser
import BarazaLogistics
import BarazaOutput

/// `baraza export logistics`: the lists the host city needs.
struct ExportLogistics: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logistics",
        abstract: "Write rooming lists, transfer runs per day, meal counts and a headcount summary.",
        discussion: """
            Writes into <out>/logistics/: rooming-<hotel>.csv, transfers-<date>.csv and .html (printable),
            meals.csv and summary.html. Times are in the event's zone. CSV files are UTF-8 with a byte-order
            mark, for Excel.

            Examples:
              baraza export logistics events/final-kigali-2027
              baraza export logistics events/final-kigali-2027 --out /tmp/kigali --dry-run
            """)

    @OptionGroup var options: ExportOptions

    func run() throws {
        let workspace = try options.loadWorkspace()
        try options.run(LogisticsExporter(), on: workspace)
    }
}
