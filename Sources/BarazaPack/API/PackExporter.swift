import BarazaModel
import BarazaOutput
import BarazaWorkspace

/// The `pack` export: material packs for one or more audiences, under `packs/` in the export folder.
public struct PackExporter: Exporter {
    public let id = "pack"
    public let summary = "Post-event material packs (zip): index, agenda, calendar, materials, certificates, figures"
    /// The audiences to build, in order.
    public var audiences: [PackAudience]
    /// Artefacts from other exporters; absent ones are named as absent in each pack.
    public var inputs: PackInputs

    /// An exporter for `audiences` (by default the public pack and the participants' packs).
    public init(audiences: [PackAudience] = [.public, .participants], inputs: PackInputs = PackInputs()) {
        self.audiences = audiences
        self.inputs = inputs
    }

    /// Reads attendance (the check-in file, else sign-ups and speakers), plans every pack, then writes them.
    /// Nothing is written unless every pack could be planned.
    public func export(_ workspace: Workspace, context: ExportContext) throws -> ExportResult {
        let attendance: Attendance
        if let file = try WorkspaceLoader(knownRuleIDs: []).loadCheckIns(for: workspace) {
            attendance = Attendance(checkIns: file.checkIns, file: file.path, workspace: workspace)
        } else {
            attendance = Attendance(plannedFrom: workspace)
        }
        let builder = PackBuilder(workspace: workspace, attendance: attendance, inputs: inputs)
        var plans: [PackPlan] = []
        for audience in audiences { plans += try builder.plan(audience) }
        var seen: Set<String> = []
        plans = plans.filter { seen.insert($0.path).inserted }
        if !context.dryRun {
            for plan in plans { try builder.write(plan, into: context.directory) }
        }
        var notes: [String] = []
        if case .signUpsAndSpeakers = attendance.source {
            notes.append("no check-in file: attendance is taken from sign-ups and speaker lists, as each pack says")
        }
        if let first = plans.first, !first.absentInputs.isEmpty {
            notes.append("not supplied, so absent from the packs: \(first.absentInputs.joined(separator: ", "))")
        }
        return ExportResult(files: plans.map(\.path), notes: notes)
    }
}
