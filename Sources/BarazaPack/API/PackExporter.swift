import BarazaChecks
import BarazaModel
import BarazaOutput

/// The `pack` export: material packs for one or more audiences, under `packs/` in the export folder.
public struct PackExporter: Exporter {
    public let id = "pack"
    public let summary = "post-event material packs (zip): index, agenda, calendar, materials, certificates (packs/)"
    /// The audiences to build, in order.
    public var audiences: [PackAudience]
    /// Artefacts from other exporters; absent ones are named as absent in each pack.
    public var inputs: PackInputs

    /// An exporter for `audiences` (by default the public pack and the participants' packs).
    public init(audiences: [PackAudience] = [.public, .participants], inputs: PackInputs = PackInputs()) {
        self.audiences = audiences
        self.inputs = inputs
    }

    /// Reads attendance (the check-in file, else sign-ups and speakers) and plans every pack: nothing is written
    /// unless every pack could be planned.
    public func plan(_ workspace: Workspace, in directory: String) throws -> ExportPlan {
        let attendance: Attendance
        if let file = try workspace.state.checkIns(for: workspace) {
            attendance = Attendance(checkIns: file.checkIns, file: file.path, workspace: workspace)
        } else {
            attendance = Attendance(plannedFrom: workspace)
        }
        let builder = PackBuilder(workspace: workspace, attendance: attendance, inputs: inputs)
        var plans: [PackPlan] = []
        for audience in audiences { plans += try builder.plan(audience) }
        var seen: Set<String> = []
        plans = plans.filter { seen.insert($0.path).inserted }
        var notes: [String] = []
        if case .signUpsAndSpeakers = attendance.source {
            notes.append("no check-in file: attendance is taken from sign-ups and speaker lists, as each pack says")
        }
        switch (builder.certificateBasis, workspace.certificateSettings.basis) {
        case (nil, .attendance?):
            notes.append(
                "no certificates of attendance: attendance was not recorded (a check-in file such as attendance.csv "
                    + "records it; `certificates: { certify: registration }` issues certificates of registration)")
        case (.registration?, _):
            notes.append("certificates certify registration, not attendance (`certificates.certify` in event.yaml)")
        default:
            break
        }
        var missing: [String] = []
        for label in plans.flatMap(\.missingMaterials) where !missing.contains(label) { missing.append(label) }
        if !missing.isEmpty && MaterialRule.severity(in: workspace) != nil {
            notes.append(
                "left out of the packs, which say so (`missing-material` is a warning; as an error in "
                    + "`checks.severity` it stops the packs): \(missing.joined(separator: ", "))")
        }
        if let first = plans.first, !first.absentInputs.isEmpty {
            notes.append("not supplied, so absent from the packs: \(first.absentInputs.joined(separator: ", "))")
        }
        let files = plans.map { plan in
            PlannedFile(path: plan.path, mediaType: "application/zip", bytes: .file { try builder.write(plan, to: $0) })
        }
        return ExportPlan(files: files, notes: notes.map(ExportNote.always))
    }
}
