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

    /// Plans `schedule.xml`; notes name the sessions left out.
    public func plan(_ workspace: Workspace, in directory: String) throws -> ExportPlan {
        let (xml, omissions) = ScheduleXML.document(for: workspace)
        return ExportPlan(
            files: [.text(Self.path, mediaType: "application/xml") { xml }],
            notes: omissions.map { .always("schedule-xml: \($0)") })
    }
}
