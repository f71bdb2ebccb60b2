import BarazaModel
import BarazaOutput
import Foundation

/// `baraza export schedule-xml`: writes `schedule.xml` (frab/pretalx format) in the event's export folder.
public struct ScheduleXMLExporter: Exporter {
    /// The file's path inside the export folder.
    public static let path = "schedule.xml"

    /// `schedule-xml`, as in `baraza export schedule-xml`.
    public var id: String { "schedule-xml" }
    /// One line for `baraza export --list`.
    public var summary: String { "schedule.xml (frab/pretalx) for conference apps" }

    /// The exporter; it has no options.
    public init() {}

    /// Writes `schedule.xml` (nothing with `dryRun`); notes name the sessions left out.
    public func export(_ workspace: Workspace, context: ExportContext) throws -> ExportResult {
        let (xml, omissions) = ScheduleXML.document(for: workspace)
        if !context.dryRun {
            try AtomicFile.write(xml, to: (context.directory as NSString).appendingPathComponent(Self.path))
        }
        return ExportResult(files: [Self.path], notes: omissions.map { "schedule-xml: \($0)" })
    }
}
