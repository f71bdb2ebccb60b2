import BarazaModel
import BarazaOutput

/// `baraza export logistics`: plans `LogisticsDocuments` under `<export folder>/logistics/`, rendered before any
/// is written (a failure while rendering leaves every earlier file untouched).
public struct LogisticsExporter: Exporter {
    public init() {}

    public var id: String { "logistics" }
    public var summary: String {
        "rooming lists, transfer runs per day (CSV and printable HTML), meal counts, headcounts (logistics/)"
    }

    public func plan(_ workspace: Workspace, in directory: String) throws -> ExportPlan {
        let documents = LogisticsDocuments(workspace)
        var plan = ExportPlan()
        for (path, text) in documents.files {
            let mediaType = path.hasSuffix(".csv") ? "text/csv" : "text/html"
            plan.files.append(.text("logistics/\(path)", mediaType: mediaType) { text })
        }
        let missing = documents.plan.runs.filter { $0.vehicle == nil }.count
        if missing > 0 {
            plan.notes.append(.always("\(missing) transfer run(s) have no vehicle free; see `baraza check`"))
        }
        if !documents.plan.unplanned.isEmpty {
            plan.notes.append(
                .always("\(documents.plan.unplanned.count) journey(s) have no transfer; listed in summary.html"))
        }
        return plan
    }
}
