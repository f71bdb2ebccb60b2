import BarazaModel
import BarazaOutput

/// `baraza export logistics`: writes `LogisticsDocuments` under `<export folder>/logistics/`, file by file
/// atomically, after rendering them all (a failure while rendering leaves every earlier file untouched).
public struct LogisticsExporter: Exporter {
    public init() {}

    public var id: String { "logistics" }
    public var summary: String {
        "rooming lists per hotel, transfer runs per day (CSV + printable HTML), meal counts, headcount summary"
    }

    public func export(_ workspace: Workspace, context: ExportContext) throws -> ExportResult {
        let documents = LogisticsDocuments(workspace)
        let folder = context.directory + "/logistics"
        var result = ExportResult()
        for (path, text) in documents.files {
            if !context.dryRun { try AtomicFile.write(text, to: "\(folder)/\(path)") }
            result.files.append("logistics/\(path)")
        }
        let missing = documents.plan.runs.filter { $0.vehicle == nil }.count
        if missing > 0 { result.notes.append("\(missing) transfer run(s) have no vehicle free; see `baraza check`") }
        if !documents.plan.unplanned.isEmpty {
            result.notes.append("\(documents.plan.unplanned.count) journey(s) have no transfer; listed in summary.html")
        }
        return result
    }
}
